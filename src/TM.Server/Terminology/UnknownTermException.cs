namespace TM.Server.Terminology;

/// <summary>A termbase entry id the memory's termbase does not hold (never did, was deleted, or is in another memory).</summary>
/// <param name="message">Which entry, for a person.</param>
public sealed class UnknownTermException(string message) : Exception(message);
