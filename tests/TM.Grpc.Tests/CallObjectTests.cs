namespace TM.Grpc.Tests;

/// <summary>The call objects as a custom <see cref="CallInvoker"/> builds them, with either form of callbacks.</summary>
public class CallObjectTests
{
    private static readonly Metadata Headers = new() { { "x-kind", "headers" } };
    private static readonly Metadata Trailers = new() { { "x-kind", "trailers" } };
    private static readonly Status Done = new(StatusCode.OK, "done");

    [Fact]
    public async Task State_passing_callbacks_all_receive_the_state()
    {
        var state = new CallState();
        using (var call = new AsyncUnaryCall<string>(
            Task.FromResult("response"),
            s => Task.FromResult(((CallState)s).Record("headers", Headers)),
            s => ((CallState)s).Record("status", Done),
            s => ((CallState)s).Record("trailers", Trailers),
            s => ((CallState)s).Record("dispose", 0),
            state))
        {
            Assert.Equal("response", await call);
            Assert.Same(Headers, await call.ResponseHeadersAsync);
            Assert.Equal(Done, call.GetStatus());
            Assert.Same(Trailers, call.GetTrailers());
        }

        Assert.Equal(["headers", "status", "trailers", "dispose"], state.Calls);
    }

    [Fact]
    public async Task Delegate_callbacks_are_called_for_every_call_kind()
    {
        var disposed = 0;
        Status GetStatus() => Done;
        Metadata GetTrailers() => Trailers;
        void Dispose() => disposed++;
        var headers = Task.FromResult(Headers);
        var response = Task.FromResult("response");

        using (var unary = new AsyncUnaryCall<string>(response, headers, GetStatus, GetTrailers, Dispose))
        using (var clientStreaming = new AsyncClientStreamingCall<string, string>(new NoWriter(), response, headers, GetStatus, GetTrailers, Dispose))
        using (var serverStreaming = new AsyncServerStreamingCall<string>(new NoReader(), headers, GetStatus, GetTrailers, Dispose))
        using (var duplex = new AsyncDuplexStreamingCall<string, string>(new NoWriter(), new NoReader(), headers, GetStatus, GetTrailers, Dispose))
        {
            Assert.Equal("response", await unary);
            Assert.Equal("response", await clientStreaming);
            Assert.Same(headers, serverStreaming.ResponseHeadersAsync);
            Assert.Equal(Done, duplex.GetStatus());
            Assert.Same(Trailers, clientStreaming.GetTrailers());
        }

        Assert.Equal(4, disposed);
    }

    [Fact]
    public void Null_callbacks_are_rejected_by_name()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new AsyncUnaryCall<string>(Task.FromResult("r"), Task.FromResult(Headers), null!, () => Trailers, () => { }));

        Assert.Equal("getStatusFunc", ex.ParamName);
    }

    private sealed class CallState
    {
        public List<string> Calls { get; } = [];

        public T Record<T>(string name, T result)
        {
            Calls.Add(name);
            return result;
        }
    }

    private sealed class NoWriter : IClientStreamWriter<string>
    {
        public Task WriteAsync(string message) => Task.CompletedTask;

        public Task CompleteAsync() => Task.CompletedTask;
    }

    private sealed class NoReader : IAsyncStreamReader<string>
    {
        public string Current => throw new InvalidOperationException();

        public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
