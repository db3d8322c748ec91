namespace TM.Server.Memory;

/// <summary>The sentences around a query in the document being translated, for context (101%) matches.</summary>
/// <param name="Previous">The sentence before; empty when the query is the document's first.</param>
/// <param name="Next">The sentence after; empty when the query is the document's last.</param>
public sealed record LookupContext(string Previous, string Next)
{
    /// <summary>The context the request gives, or null when it gives none (both empty: the neighbours are unknown).</summary>
    public static LookupContext? Of(string previous, string next) =>
        previous.Length == 0 && next.Length == 0 ? null : new LookupContext(previous, next);
}
