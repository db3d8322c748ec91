using TM.Server.Hosting;
using TM.Server.Hosting.CommandLine;

namespace TM.Server.Tests.Hosting.Telemetry;

public sealed class MetricsPortOptionTests
{
    private static ServerOptions Parse(string[] args, string? variable = null) =>
        ServerCommandLine.Parse(args, name => name == "TM_METRICS_PORT" ? variable : null, TextWriter.Null)!;

    [Fact]
    public void The_metrics_port_is_off_unless_an_option_or_the_variable_gives_one()
    {
        Assert.Null(Parse([]).MetricsPort);
        Assert.Equal(9464, Parse(["--metrics-port", "9464"]).MetricsPort);
        Assert.Equal(9465, Parse([], variable: "9465").MetricsPort);
        Assert.Equal(0, Parse(["--metrics-port", "0"], variable: "9465").MetricsPort);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("prometheus")]
    public void A_metrics_port_the_server_cannot_use_names_the_option(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(["--metrics-port", value]));

        Assert.Contains("--metrics-port", error.Message);
        Assert.Contains(value, error.Message);
    }
}
