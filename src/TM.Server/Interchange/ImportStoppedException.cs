namespace TM.Server.Interchange;

/// <summary>
/// The server began shutting down while a file import ran: it stopped at its next batch, what it committed stays,
/// and the message says how to resume it once the server is back.
/// </summary>
public sealed class ImportStoppedException(string message) : Exception(message);
