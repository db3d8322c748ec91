namespace TM.Server.Memory;

/// <summary>A segment id the memory does not hold (never did, was deleted, or is in another memory).</summary>
/// <param name="message">Which segment, for a person.</param>
public sealed class UnknownSegmentException(string message) : Exception(message);
