using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TM.Server.Tests.Functional;

/// <summary>Self-signed certificates for 127.0.0.1, written as PKCS#12 files for <c>--tls-certificate</c>.</summary>
internal static class TestCertificate
{
    /// <summary>Writes a certificate with its private key to <paramref name="path"/>, protected by <paramref name="password"/>.</summary>
    public static void WritePfx(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
