using Microsoft.Extensions.Configuration;
using TM.Server.Hosting;

namespace TM.Server.Tests.Hosting;

public sealed class ServerOptionsTests
{
    private static ServerOptions Parse(params string[] args) =>
        ServerOptions.From(new ConfigurationBuilder().AddCommandLine(args).Build(), _ => null);

    [Fact]
    public void Reflection_is_on_for_loopback_and_off_for_the_network_unless_told()
    {
        Assert.True(Parse().ServesReflection);
        Assert.True(Parse("--host", "::1").ServesReflection);
        Assert.False(Parse("--host", "0.0.0.0").ServesReflection);
        Assert.True(Parse("--host", "0.0.0.0", "--reflection", "true").ServesReflection);
        Assert.False(Parse("--reflection", "false").ServesReflection);
    }

    [Fact]
    public void Http_port_is_off_unless_given()
    {
        Assert.Null(Parse().HttpPort);
        Assert.Equal(5172, Parse("--http-port", "5172").HttpPort);
    }

    [Theory]
    [InlineData("--http-port", "80000")]
    [InlineData("--http-port", "web")]
    [InlineData("--reflection", "yes")]
    public void Values_the_server_cannot_use_name_the_option(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(option, value));

        Assert.Contains(option, error.Message);
        Assert.Contains(value, error.Message);
    }
}
