namespace TM.Storage;

/// <summary>A term entry that would repeat another of its termbase: a memory holds each Korean-English term pair once.</summary>
/// <param name="message">Which entry holds the pair, and what to do instead, for a person.</param>
public sealed class DuplicateTermException(string message) : Exception(message);
