using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class DeadlineAndCancellationTests : ServerTest, IClassFixture<DeadlineServer>
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);
    private readonly DeadlineServer _server;

    public DeadlineAndCancellationTests(DeadlineServer server)
        : base(server)
    {
        _server = server;
        server.State.Reset();
    }

    [Fact]
    public async Task Deadline_ends_the_call_with_deadline_exceeded_and_cancels_the_handler()
    {
        using var channel = _server.CreateChannel();
        var client = new Tester.TesterClient(channel);
        await client.EchoAsync("connect first, so the deadline is not spent on connecting");

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CallAsync(Tester.WaitForCancellation, "x", new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(500))));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(await _server.State.WaitCancelled.Task.WaitAsync(SafetyTimeout));
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Deadline_already_passed_fails_without_sending()
    {
        using var channel = _server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Tester.TesterClient(channel).CallAsync(Tester.WaitForCancellation, "x", new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1))));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.False(_server.State.WaitStarted.Task.IsCompleted);
    }

    [Fact]
    public async Task Server_enforces_grpc_timeout_even_when_the_handler_ignores_its_token()
    {
        // A raw request, so no client-side timer is involved: the status must come from the server.
        using var http = RawGrpc.CreateHttpClient();
        var request = RawGrpc.Request(_server.Address, "/grpc.testing.Tester/IgnoreDeadline", RawGrpc.Frame("x"));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "200m");

        using var response = await http.SendAsync(request).WaitAsync(SafetyTimeout);
        var (status, message, _) = RawGrpc.ReadStatus(response);
        Assert.Equal("4", status);
        Assert.Equal("Deadline Exceeded", message);

        // The handler wakes up after its call has ended: its write must be refused, not sent.
        _server.State.IgnoreDeadlineGate.SetResult();
        Assert.Equal(nameof(InvalidOperationException), await _server.State.LateWriteOutcome.Task.WaitAsync(SafetyTimeout));
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_call_on_both_sides()
    {
        using var channel = _server.CreateChannel();
        using var cts = new CancellationTokenSource();
        using var call = new Tester.TesterClient(channel).CallAsync(Tester.WaitForCancellation, "x", new CallOptions(cancellationToken: cts.Token));

        await _server.State.WaitStarted.Task.WaitAsync(SafetyTimeout);
        cts.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(new Status(StatusCode.Cancelled, "Call canceled by the client."), ex.Status);
        Assert.True(await _server.State.WaitCancelled.Task.WaitAsync(SafetyTimeout));
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Disposing_an_unfinished_call_cancels_it()
    {
        using var channel = _server.CreateChannel();
        var call = new Tester.TesterClient(channel).CallAsync(Tester.WaitForCancellation, "x");
        await _server.State.WaitStarted.Task.WaitAsync(SafetyTimeout);

        call.Dispose();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.True(await _server.State.WaitCancelled.Task.WaitAsync(SafetyTimeout));
    }

    [Fact]
    public async Task Cancelling_a_read_of_a_response_stream_cancels_the_call()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).Chat();
        using var cts = new CancellationTokenSource();

        var read = call.ResponseStream.MoveNext(cts.Token);
        cts.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => read);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await _server.AssertStillServesAsync();
    }
}
