using TM.Server.Hosting;
using TM.Server.Hosting.CommandLine;

namespace TM.Server.Tests.Hosting;

public sealed class ServerCommandLineTests
{
    private static ServerOptions Parse(params string[] args) => ParseWith(new Dictionary<string, string>(), args);

    private static ServerOptions ParseWith(Dictionary<string, string> environment, params string[] args) =>
        ServerCommandLine.Parse(args, name => environment.GetValueOrDefault(name), TextWriter.Null)
        ?? throw new InvalidOperationException("The arguments asked for help.");

    [Fact]
    public void Reflection_is_on_for_loopback_and_off_for_the_network_unless_told()
    {
        Assert.True(Parse().ServesReflection);
        Assert.True(Parse("--host", "::1").ServesReflection);
        Assert.False(Parse("--host", "0.0.0.0").ServesReflection);
        Assert.True(Parse("--host", "0.0.0.0", "--reflection", "true").ServesReflection);
        Assert.True(Parse("--host", "0.0.0.0", "--reflection").ServesReflection);
        Assert.False(Parse("--reflection", "false").ServesReflection);
    }

    [Fact]
    public void Http_port_is_off_unless_given()
    {
        Assert.Null(Parse().HttpPort);
        Assert.Equal(5172, Parse("--http-port", "5172").HttpPort);
    }

    [Fact]
    public void A_flag_alone_is_true_and_also_takes_true_or_false()
    {
        Assert.True(Parse("--no-seeds").SkipSeeds);
        Assert.True(Parse("--no-seeds", "true").SkipSeeds);
        Assert.False(Parse("--no-seeds", "false").SkipSeeds);
        Assert.False(Parse().SkipSeeds);
        Assert.False(Parse("--index-snapshots", "false").IndexSnapshots);
        Assert.True(Parse("--index-snapshots").IndexSnapshots);
    }

    [Fact]
    public void A_flag_alone_does_not_take_the_next_option_as_its_value()
    {
        var options = Parse("--no-seeds", "--port", "5392");

        Assert.True(options.SkipSeeds);
        Assert.Equal(5392, options.Port);
    }

    [Fact]
    public void Every_option_takes_its_value_from_the_command_line()
    {
        var options = Parse(
            "--port", "5392", "--host", "0.0.0.0", "--data-dir", "/srv/tm", "--seeds-dir", "/srv/seeds", "--no-seeds", "true",
            "--tls-certificate", "server.pfx", "--tls-password-file", "/run/secrets/tm", "--http-port", "5393", "--reflection", "false",
            "--index-snapshots", "false", "--import-batch-size", "100", "--snapshot-check-seconds", "2", "--snapshot-min-changes", "10",
            "--search-refresh-seconds", "60");

        Assert.Equal(new ServerOptions
        {
            Port = 5392,
            Host = "0.0.0.0",
            DataDirectory = "/srv/tm",
            SeedsDirectory = "/srv/seeds",
            SkipSeeds = true,
            TlsCertificatePath = "server.pfx",
            TlsCertificatePasswordFile = "/run/secrets/tm",
            HttpPort = 5393,
            Reflection = false,
            IndexSnapshots = false,
            ImportBatchSize = 100,
            SnapshotCheckInterval = TimeSpan.FromSeconds(2),
            SnapshotMinChanges = 10,
            SearchRefreshInterval = TimeSpan.FromSeconds(60),
        }, options);
    }

    [Fact]
    public void Options_fall_back_to_their_environment_variables_and_the_command_line_wins()
    {
        var environment = new Dictionary<string, string>
        {
            ["TM_PORT"] = "6000",
            ["TM_HOST"] = "::1",
            ["TM_NO_SEEDS"] = "TRUE",
            ["TM_INDEX_SNAPSHOTS"] = "false",
            ["TM_TLS_PASSWORD"] = "secret",
            ["TM_HTTP_PORT"] = "",
        };

        var fromEnvironment = ParseWith(environment);
        var overridden = ParseWith(environment, "--port", "7000", "--no-seeds", "false");

        Assert.Equal(6000, fromEnvironment.Port);
        Assert.Equal("::1", fromEnvironment.Host);
        Assert.True(fromEnvironment.SkipSeeds);
        Assert.False(fromEnvironment.IndexSnapshots);
        Assert.Equal("secret", fromEnvironment.TlsCertificatePassword);
        Assert.Null(fromEnvironment.HttpPort); // empty means unset
        Assert.Equal(7000, overridden.Port);
        Assert.False(overridden.SkipSeeds);
    }

    [Theory]
    [InlineData("'--prot'", "--prot", "5392")]
    [InlineData("'stray'", "stray")]
    [InlineData("--port", "--port")]
    [InlineData("--port", "--no-seeds", "--port")]
    [InlineData("--port: 'abc'", "--port", "abc")]
    [InlineData("--port", "--port", "1", "--port", "2")]
    [InlineData("--http-port: '80000'", "--http-port", "80000")]
    [InlineData("--reflection: 'yes'", "--reflection", "yes")]
    [InlineData("--no-seeds: 'yes'", "--no-seeds", "yes")]
    [InlineData("--data-dir", "--data-dir", "")]
    [InlineData("--import-batch-size: '0'", "--import-batch-size", "0")]
    [InlineData("--search-refresh-seconds: '0'", "--search-refresh-seconds", "0")]
    public void Unknown_options_and_bad_values_are_one_line_naming_the_option(string named, params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(args));

        Assert.Contains(named, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("TM_PORT", "abc", "--port")]
    [InlineData("TM_NO_SEEDS", "yes", "--no-seeds")]
    [InlineData("TM_SNAPSHOT_MIN_CHANGES", "-1", "--snapshot-min-changes")]
    [InlineData("TM_SEARCH_REFRESH_SECONDS", "3601", "--search-refresh-seconds")]
    public void A_bad_environment_variable_names_itself_and_its_option(string variable, string value, string option)
    {
        var error = Assert.Throws<ArgumentException>(() => ParseWith(new() { [variable] = value }));

        Assert.Contains($"{variable}: '{value}'", error.Message);
        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void The_TLS_password_given_both_ways_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ParseWith(new() { ["TM_TLS_PASSWORD"] = "secret" }, "--tls-password-file", "/run/secrets/tm"));

        Assert.Contains("--tls-password-file", error.Message);
    }

    [Fact]
    public void Help_lists_the_options_with_their_variables_but_not_the_hidden_ones()
    {
        var output = new StringWriter();

        var options = ServerCommandLine.Parse(["--help"], _ => null, output);

        Assert.Null(options);
        var help = output.ToString();
        Assert.Contains("--port", help);
        Assert.Contains("TM_PORT", help);
        Assert.Contains("--tls-password-file", help);
        Assert.DoesNotContain("--import-batch-size", help);
    }

    [Fact]
    public void The_admin_key_comes_from_its_file_or_its_variable_never_both()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "tm_from-a-file-0123456789abcdef\n");
        try
        {
            Assert.Equal("tm_from-a-file-0123456789abcdef", Parse("--admin-key-file", file).AdminSecret);
            Assert.Equal("tm_from-the-variable-0123456789", ParseWith(new() { ["TM_ADMIN_KEY"] = "tm_from-the-variable-0123456789" }).AdminSecret);
            Assert.Null(Parse().AdminSecret);
            var twice = Assert.Throws<ArgumentException>(() => ParseWith(new() { ["TM_ADMIN_KEY"] = "tm_x" }, "--admin-key-file", file));
            Assert.Contains("given twice", twice.Message);
            var missing = Assert.Throws<ArgumentException>(() => Parse("--admin-key-file", file + ".missing"));
            Assert.Contains("cannot be read", missing.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Allow_insecure_is_a_switch()
    {
        Assert.False(Parse().AllowInsecure);
        Assert.True(Parse("--allow-insecure").AllowInsecure);
    }
}
