namespace TM.Storage;

/// <summary>An edit that would make a segment a copy of another pair of its memory (a memory holds each pair once).</summary>
/// <param name="message">Which segment, and what to do instead, for a person.</param>
public sealed class DuplicateSegmentException(string message) : Exception(message);
