namespace TM.Storage;

/// <summary>A memory was to be created under a name another memory has.</summary>
/// <param name="message">Which name, for a person.</param>
public sealed class MemoryExistsException(string message) : Exception(message);
