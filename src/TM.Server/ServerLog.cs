using Microsoft.Extensions.Logging;

namespace TM.Server;

/// <summary>The server's log messages, source-generated, with stable event ids.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Memory '{Memory}' loaded: {Segments} segments indexed in {Milliseconds:F0} ms.")]
    public static partial void MemoryLoaded(ILogger logger, string memory, int segments, double milliseconds);

    [LoggerMessage(2, LogLevel.Information, "Import '{Name}' into memory '{Memory}': {Stored} pairs stored, {Skipped} duplicates skipped.")]
    public static partial void ImportCommitted(ILogger logger, string memory, string name, int stored, int skipped);

    [LoggerMessage(3, LogLevel.Information, "Seed document {File} imported into the empty default memory.")]
    public static partial void SeedImported(ILogger logger, string file);

    [LoggerMessage(4, LogLevel.Warning, "No seeds/ folder found (looked from {Directory} upwards); the default memory starts empty.")]
    public static partial void SeedsNotFound(ILogger logger, string directory);

    [LoggerMessage(5, LogLevel.Warning, "Seed document {File} was not imported: {Reason}")]
    public static partial void SeedRejected(ILogger logger, string file, string reason);

    [LoggerMessage(6, LogLevel.Information, "TM server listening on {Address} (data: {DataDirectory}).")]
    public static partial void Listening(ILogger logger, string address, string dataDirectory);
}
