using Microsoft.Extensions.Logging;

namespace TM.Server.Security;

/// <summary>What the server logs about keys: names and roles, never a secret.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(40, LogLevel.Warning, "No API keys: every client on this machine has full access to the server (loopback only). `tm keys create NAME --role admin` makes the first key and ends open access.")]
    public static partial void OpenAccess(ILogger logger);

    [LoggerMessage(41, LogLevel.Information, "API key '{Name}' ({Role}) created by {CreatedBy}.")]
    public static partial void KeyCreated(ILogger logger, string name, string role, string createdBy);

    [LoggerMessage(42, LogLevel.Information, "API key '{Name}' revoked by {RevokedBy}.")]
    public static partial void KeyRevoked(ILogger logger, string name, string revokedBy);

    [LoggerMessage(43, LogLevel.Information, "The server has API keys already; the admin key given at start (--admin-key-file or TM_ADMIN_KEY) is ignored.")]
    public static partial void AdminKeyIgnored(ILogger logger);

    [LoggerMessage(44, LogLevel.Warning, "A call to {Path} was refused: {Reason}")]
    public static partial void Refused(ILogger logger, string path, string reason);
}
