using Grpc.Core;
using TM.Server.Hosting;
using TM.Server.Services;

namespace TM.Server.Tests.Services;

public sealed class ReadinessInterceptorTests
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Translation_memory_calls_wait_until_the_server_is_ready()
    {
        var readiness = new ServerReadiness();
        var interceptor = new ReadinessInterceptor(readiness);

        var call = interceptor.UnaryServerHandler<string, string>("x", new TestServerCallContext("/tm.v1.TranslationMemory/Lookup"), (r, _) => Task.FromResult(r + "!"));
        await Task.Delay(50);
        Assert.False(call.IsCompleted);
        readiness.SetReady();

        Assert.Equal("x!", await call.WaitAsync(SafetyTimeout));
    }

    [Fact]
    public async Task Health_calls_pass_while_the_server_loads()
    {
        var interceptor = new ReadinessInterceptor(new ServerReadiness());

        var answer = await interceptor.UnaryServerHandler<string, string>("x", new TestServerCallContext("/grpc.health.v1.Health/Check"), (r, _) => Task.FromResult(r))
            .WaitAsync(SafetyTimeout);

        Assert.Equal("x", answer);
    }

    [Fact]
    public async Task A_waiting_call_ends_when_its_deadline_cancels_it()
    {
        using var deadline = new CancellationTokenSource();
        var interceptor = new ReadinessInterceptor(new ServerReadiness());

        var call = interceptor.UnaryServerHandler<string, string>("x", new TestServerCallContext("/tm.v1.TranslationMemory/Lookup", deadline.Token), (r, _) => Task.FromResult(r));
        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(SafetyTimeout));
    }

    [Fact]
    public async Task Calls_are_unavailable_when_the_memories_could_not_be_loaded()
    {
        var readiness = new ServerReadiness();
        var interceptor = new ReadinessInterceptor(readiness);

        var call = interceptor.ClientStreamingServerHandler<string, string>(null!, new TestServerCallContext("/tm.v1.TranslationMemory/ImportSegments"), (_, _) => Task.FromResult(""));
        readiness.SetFailed(new IOException("database disk image is malformed"));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(SafetyTimeout));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("database disk image is malformed", error.Status.Detail);
    }
}
