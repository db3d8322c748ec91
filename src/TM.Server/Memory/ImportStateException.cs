namespace TM.Server.Memory;

/// <summary>
/// An import cannot do what was asked in the state it is in: resuming an import that is complete, or one that
/// another call is running right now. The message says what state it is in and what to do.
/// </summary>
public sealed class ImportStateException(string message) : Exception(message);
