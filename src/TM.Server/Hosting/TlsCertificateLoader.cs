using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TM.Server.Hosting;

/// <summary>
/// Loads the TLS certificate before anything starts, so that a certificate the server cannot use is one line naming the
/// file and why (exit code 2), not a stack trace from Kestrel's start (which ended the process with 134).
/// </summary>
internal static class TlsCertificateLoader
{
    /// <summary>The certificate of <see cref="ServerOptions.TlsCertificatePath"/> with its private key; null when the server runs without TLS.</summary>
    /// <exception cref="ArgumentException">The file or the password file is missing or unreadable, not PKCS#12, the password is wrong, or there is no private key.</exception>
    public static X509Certificate2? Load(ServerOptions options)
    {
        if (options.TlsCertificatePath is not { } path)
            return null;
        var password = options.TlsCertificatePasswordFile is { } passwordFile ? ReadPasswordFile(passwordFile) : options.TlsCertificatePassword;
        if (!File.Exists(path))
            throw new ArgumentException($"--tls-certificate: {path} does not exist.");
        if (ContentType(path) != X509ContentType.Pkcs12)
            throw new ArgumentException($"--tls-certificate: {path} is not a PKCS#12 (.pfx) file; make one from a PEM certificate and key with `openssl pkcs12 -export`.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            var given = password is null ? "without a password (give one with --tls-password-file)" : "with the password given";
            throw new ArgumentException($"--tls-certificate: {path} cannot be opened {given}: {e.Message.TrimEnd('.')}.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--tls-certificate: {path} cannot be read: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ArgumentException($"--tls-certificate: {path} holds no private key; a server certificate needs one.");
        }
        return certificate;
    }

    // Read without the password: a PKCS#12 file says what it is before it is decrypted. Unknown for a file that is no
    // certificate at all (GetCertContentType throws for those).
    private static X509ContentType ContentType(string path)
    {
        try
        {
            return X509Certificate2.GetCertContentType(path);
        }
        catch (CryptographicException)
        {
            return X509ContentType.Unknown;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--tls-certificate: {path} cannot be read: {e.Message}", e);
        }
    }

    // The first line: `echo secret > file` ends the password with a newline that is not part of it.
    private static string ReadPasswordFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--tls-password-file: {path} cannot be read: {e.Message}", e);
        }
    }
}
