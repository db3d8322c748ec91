using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class DetailedErrorTests : ServerTest, IClassFixture<LimitedServer>
{
    private readonly LimitedServer _server;

    public DetailedErrorTests(LimitedServer server)
        : base(server)
    {
        _server = server;
    }

    [Fact]
    public async Task Detailed_errors_add_the_exception_message_but_no_stack_trace()
    {
        using var channel = _server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).CallAsync(Tester.Fail, "crash-2"));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal("Exception was thrown by handler. InvalidOperationException: Secret internal detail: crash-2", ex.Status.Detail);
        await _server.AssertStillServesAsync();
    }
}
