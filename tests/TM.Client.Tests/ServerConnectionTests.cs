using Grpc.Core;

namespace TM.Client.Tests;

public class ServerConnectionTests
{
    [Fact]
    public void Server_option_wins_over_environment_and_default()
    {
        Assert.True(ServerConnection.TryResolveAddress("http://option:1", "http://env:2", out var address, out _));

        Assert.Equal(new Uri("http://option:1"), address);
    }

    [Fact]
    public void Environment_variable_is_used_when_the_option_is_absent()
    {
        Assert.True(ServerConnection.TryResolveAddress(null, "https://tm.example:8443", out var address, out _));

        Assert.Equal(new Uri("https://tm.example:8443"), address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Default_address_is_used_when_neither_is_set(string? environment)
    {
        Assert.True(ServerConnection.TryResolveAddress(null, environment, out var address, out _));

        Assert.Equal(new Uri(ServerConnection.DefaultAddress), address);
        Assert.Equal("http://127.0.0.1:5171", ServerConnection.Display(address));
    }

    [Fact]
    public void Address_without_scheme_is_taken_as_http()
    {
        Assert.True(ServerConnection.TryResolveAddress("localhost:5171", null, out var address, out _));

        Assert.Equal(new Uri("http://localhost:5171"), address);
    }

    [Theory]
    [InlineData("ftp://host:21", "--server")]
    [InlineData("", "--server")]
    [InlineData("http://", "--server")]
    public void Bad_option_is_rejected_naming_the_option(string value, string source)
    {
        Assert.False(ServerConnection.TryResolveAddress(value, "http://fine:1", out _, out var error));

        Assert.StartsWith($"{source} '{value}'", error);
    }

    [Fact]
    public void Bad_environment_value_is_rejected_naming_the_variable()
    {
        Assert.False(ServerConnection.TryResolveAddress(null, "ftp://x", out _, out var error));

        Assert.StartsWith("TM_SERVER 'ftp://x'", error);
    }

    [Theory]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.InvalidArgument, "INVALID_ARGUMENT")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    public void Status_codes_are_named_as_grpc_spells_them(StatusCode code, string name)
    {
        Assert.Equal(name, ServerConnection.StatusName(code));
    }
}
