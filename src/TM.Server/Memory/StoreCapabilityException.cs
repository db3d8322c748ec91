namespace TM.Server.Memory;

/// <summary>
/// The store the server runs on cannot do what was asked yet: a backup through the server on the PostgreSQL store,
/// which only the SQLite store writes. The message says what to use instead.
/// </summary>
public sealed class StoreCapabilityException(string message) : Exception(message);
