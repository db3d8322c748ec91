using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Server.Hosting;

namespace TM.Server.Tests.Functional;

/// <summary>A TLS certificate the server cannot use stops the start with one line naming it; a password file opens one.</summary>
public sealed class TlsCertificateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-tls-certificate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Certificate => Path.Combine(_directory, "server.pfx");

    private Task<Microsoft.AspNetCore.Builder.WebApplication> CreateAsync(params string[] arguments) =>
        TmServerApp.CreateAsync(["--port", "0", "--data-dir", Path.Combine(_directory, "data"), "--no-seeds", .. arguments]);

    [Fact]
    public async Task A_missing_certificate_file_is_refused_naming_it()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateAsync("--tls-certificate", Certificate));

        Assert.Equal($"--tls-certificate: {Certificate} does not exist.", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_directory, "data")), "nothing is created before the options are checked");
    }

    [Fact]
    public async Task A_file_that_is_not_PKCS12_is_refused_naming_it()
    {
        await File.WriteAllTextAsync(Certificate, "-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateAsync("--tls-certificate", Certificate));

        Assert.StartsWith($"--tls-certificate: {Certificate} is not a PKCS#12 (.pfx) file", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_naming_the_certificate()
    {
        TestCertificate.WritePfx(Certificate, "secret");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateAsync("--tls-certificate", Certificate, "--tls-password", "wrong"));

        Assert.StartsWith($"--tls-certificate: {Certificate} cannot be opened with the password given", error.Message);
    }

    [Fact]
    public async Task A_missing_password_file_is_refused_naming_it()
    {
        TestCertificate.WritePfx(Certificate, "secret");
        var passwordFile = Path.Combine(_directory, "password");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateAsync("--tls-certificate", Certificate, "--tls-password-file", passwordFile));

        Assert.StartsWith($"--tls-password-file: {passwordFile} cannot be read", error.Message);
    }

    [Fact]
    public async Task The_password_can_come_from_a_file_whose_first_line_it_is()
    {
        TestCertificate.WritePfx(Certificate, "secret");
        var passwordFile = Path.Combine(_directory, "password");
        await File.WriteAllTextAsync(passwordFile, "secret\n");
        await using var app = await CreateAsync("--tls-certificate", Certificate, "--tls-password-file", passwordFile);
        await app.StartAsync();
        await TmServerApp.WhenReadyAsync(app);
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } };
        using var channel = GrpcChannel.ForAddress(TmServerApp.ListeningAddresses(app).Single(), new GrpcChannelOptions { HttpHandler = handler });

        var stats = await new TranslationMemory.TranslationMemoryClient(channel).GetStatsAsync(new GetStatsRequest());

        Assert.StartsWith("https://", TmServerApp.ListeningAddresses(app).Single());
        Assert.Equal("default", stats.Memories.Single().Memory);
        await app.StopAsync();
    }
}
