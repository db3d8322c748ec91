namespace TM.Interchange;

/// <summary>One <c>&lt;mda:meta type="…"&gt;value&lt;/mda:meta&gt;</c> of the XLIFF 2.0 Metadata module.</summary>
/// <param name="Type">What the value is, e.g. <c>band</c> or <c>segment-id</c>; not empty.</param>
/// <param name="Value">The value, as text.</param>
public sealed record XliffMeta(string Type, string Value);
