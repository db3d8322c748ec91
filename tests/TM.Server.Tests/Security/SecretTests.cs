using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using TM.Protos.V1;
using TM.Server.Hosting;
using TM.Server.Tests.Durability;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Security;

/// <summary>Keys stay secret (never in the log or the database in clear), and how a server without keys starts.</summary>
public sealed partial class SecretTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-secrets-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Secrets_never_reach_the_log_or_the_database_in_clear()
    {
        var keyFile = Path.Combine(_directory, "admin.key");
        await File.WriteAllTextAsync(keyFile, SecuredServerFixture.AdminSecret + "\n");
        const string WrongKey = "tm_this-key-was-never-made-here-0123456789";
        string alice;
        string output;
        await using (var server = await ServerProcess.StartAsync(_directory, "--admin-key-file", keyFile))
        {
            var admin = new Administration.AdministrationClient(server.Channel);
            var asAdmin = SecuredServerFixture.With(SecuredServerFixture.AdminSecret);
            alice = (await admin.CreateKeyAsync(new CreateKeyRequest { Name = "alice", Role = KeyRole.Write }, asAdmin)).Secret;
            await server.Client.ImportSegmentsAsync([new ImportSegmentsRequest { Memory = "m", Ko = "정전 협정", En = "the armistice agreement" }], SecuredServerFixture.With(alice));
            await Assert.ThrowsAsync<RpcException>(() => server.Client.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(WrongKey)).ResponseAsync);
            await admin.RevokeKeyAsync(new RevokeKeyRequest { Name = "alice" }, asAdmin);
            await Assert.ThrowsAsync<RpcException>(() => server.Client.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(alice)).ResponseAsync);
            output = server.Output;
        }

        Assert.Contains("ImportSegments by alice", output); // the log names keys...
        foreach (var secret in new[] { SecuredServerFixture.AdminSecret, alice, WrongKey })
        {
            Assert.DoesNotContain(secret, output); // ...and never shows one
            foreach (var file in Directory.EnumerateFiles(_directory, "tm.db*"))
                Assert.DoesNotContain(secret, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
        }
    }

    [Fact]
    public async Task A_first_start_on_the_network_makes_an_admin_key_and_shows_it_once()
    {
        string secret;
        await using (var first = await ServerProcess.StartAsync(_directory, "--host", "0.0.0.0", "--allow-insecure", "true"))
        {
            secret = await WaitForAnnouncedKeyAsync(first);
            var keys = await new Administration.AdministrationClient(first.Channel).ListKeysAsync(new ListKeysRequest(), SecuredServerFixture.With(secret));
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => first.Client.GetStatsAsync(new GetStatsRequest()).ResponseAsync);

            Assert.Equal("admin", Assert.Single(keys.Keys).Name);
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        }

        await using var second = await ServerProcess.StartAsync(_directory, "--host", "0.0.0.0", "--allow-insecure", "true");
        await second.Client.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(secret));
        Assert.DoesNotMatch(AnnouncedKey(), second.Output);
    }

    [Fact]
    public async Task Cleartext_on_the_network_is_refused_without_allow_insecure()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            TmServerApp.CreateAsync(["--host", "0.0.0.0", "--port", "0", "--data-dir", _directory, "--no-seeds", "true"]));

        Assert.Contains("--tls-certificate", error.Message);
        Assert.Contains("--allow-insecure", error.Message);
    }

    [Fact]
    public async Task A_loopback_server_without_keys_is_open_until_its_first_key()
    {
        await using var server = await RunningServer.StartAsync(_directory, "--no-seeds", "true");
        await server.Client.GetStatsAsync(new GetStatsRequest());

        var created = await new Administration.AdministrationClient(server.Channel).CreateKeyAsync(new CreateKeyRequest { Name = "first", Role = KeyRole.Admin });
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => server.Client.GetStatsAsync(new GetStatsRequest()).ResponseAsync);
        await server.Client.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(created.Secret));

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal("", created.Key.CreatedBy);
    }

    private static async Task<string> WaitForAnnouncedKeyAsync(ServerProcess server)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if (AnnouncedKey().Match(server.Output) is { Success: true } match)
                return match.Groups[1].Value;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The server did not show an admin key:\n" + server.Output);
    }

    [GeneratedRegex(@"^\s+(tm_[A-Za-z0-9_-]{43})\s*$", RegexOptions.Multiline)]
    private static partial Regex AnnouncedKey();
}
