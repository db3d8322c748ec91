using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TM.Server.Security;

/// <summary>
/// The secret part of an API key: <c>tm_</c> and 32 random bytes in base64url (256 bits, as strong as the hash that
/// stores it), and its SHA-256, the only form the database keeps. A fast hash is right here, unlike for passwords: the
/// secret is random, so there is nothing to guess, and the server hashes it on every call.
/// </summary>
public static class ApiKeySecret
{
    /// <summary>What every secret starts with, so a leaked one is recognisable (and scanners can flag it).</summary>
    public const string Prefix = "tm_";

    /// <summary>Shortest secret accepted from an operator (<c>--admin-key-file</c>, <c>TM_ADMIN_KEY</c>).</summary>
    public const int MinimumLength = 24;

    /// <summary>A new random secret.</summary>
    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the secret's UTF-8 bytes.</summary>
    public static byte[] Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }
}
