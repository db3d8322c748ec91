using System.Net;
using Microsoft.AspNetCore.Builder;
using TM.Server.Hosting;
using TM.Server.Tests.Functional;

namespace TM.Server.Tests.Web;

/// <summary>The pages on the TLS port, beside gRPC: HTTP/1.1 by ALPN, and a sign-in cookie that is Secure.</summary>
public sealed class TlsWebTests : IAsyncLifetime
{
    private const string AdminSecret = "tm_test-tls-web-admin-secret-0123456789";
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-tls-web-").FullName;
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var certificatePath = Path.Combine(_directory, "server.pfx");
        TestCertificate.WritePfx(certificatePath, "secret");
        var keyFile = Path.Combine(_directory, "admin.key");
        await File.WriteAllTextAsync(keyFile, AdminSecret);
        _app = await TmServerApp.CreateAsync(["--port", "0", "--data-dir", Path.Combine(_directory, "data"), "--seeds-dir", RepositoryPaths.Seeds,
            "--tls-certificate", certificatePath, "--tls-password", "secret", "--admin-key-file", keyFile]);
        await _app.StartAsync();
        await TmServerApp.WhenReadyAsync(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_tls_port_serves_the_pages_over_http1_and_the_sign_in_cookie_is_secure()
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            // The test's own self-signed certificate; a real deployment uses a trusted one.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
        })
        {
            BaseAddress = new Uri(TmServerApp.ListeningAddresses(_app!).Single() + "/"),
            DefaultRequestVersion = HttpVersion.Version11,
        };

        using var page = await http.GetAsync("signin");
        var form = await page.Content.ReadAsStringAsync();
        using var signIn = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = AdminSecret,
            ["__RequestVerificationToken"] = ReadOnlyKeyTests.TokenField().Match(form).Groups[1].Value,
        }));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpVersion.Version11, page.Version);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tm_session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
