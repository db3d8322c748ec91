using TM.Server.Tests.Durability;
using TM.Server.Tests.Functional;

namespace TM.Server.Tests.Hosting;

/// <summary>
/// The server process with command lines it must refuse: it exits with code 2 and one line on stderr naming what is
/// wrong, before it creates or binds anything; <c>--help</c> exits with 0.
/// </summary>
public sealed class StrictStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-strict-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DataDirectory => Path.Combine(_directory, "data");

    [Theory]
    [InlineData("'--prot'", "--prot", "5392")]
    [InlineData("--no-seeds: 'yes'", "--no-seeds", "yes")]
    [InlineData("--port: 'abc'", "--port", "abc")]
    public async Task A_command_line_the_server_cannot_use_exits_with_2_and_one_line_naming_the_option(string named, params string[] arguments)
    {
        var (exitCode, output, error) = await ServerProcess.RunToExitAsync(_directory, ["--data-dir", DataDirectory, .. arguments]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tm server: ", line);
        Assert.Contains(named, line);
        Assert.False(Directory.Exists(DataDirectory), "nothing is created before the options are checked");
    }

    [Fact]
    public async Task A_certificate_with_a_wrong_password_exits_with_2_and_one_line()
    {
        var certificate = Path.Combine(_directory, "server.pfx");
        TestCertificate.WritePfx(certificate, "secret");

        var (exitCode, _, error) = await ServerProcess.RunToExitAsync(_directory,
            "--data-dir", DataDirectory, "--port", "0", "--tls-certificate", certificate, "--tls-password", "wrong");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tm server: --tls-certificate: {certificate} cannot be opened with the password given", line);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_with_0_without_starting()
    {
        var (exitCode, output, error) = await ServerProcess.RunToExitAsync(_directory, "--help", "--data-dir", DataDirectory);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Usage:", output);
        Assert.Contains("--no-seeds", output);
        Assert.False(Directory.Exists(DataDirectory));
    }
}
