using System.Text;

namespace TM.Grpc.Tests.Infrastructure;

/// <summary>The implementation under test; one instance per call, built by ActivatorUtilities with state from DI.</summary>
public sealed class TesterService : Tester.TesterBase
{
    public const string DeliberateFailure = "Secret internal detail: ";

    private readonly TesterState _state;

    public TesterService(TesterState state)
    {
        _state = state;
    }

    public override Task<string> Echo(string request, ServerCallContext context) => Task.FromResult(request);

    public override Task<string> Fail(string request, ServerCallContext context)
    {
        switch (request)
        {
            case "rpc":
                var trailers = new Metadata { { "x-reason", "missing" }, { "x-data-bin", new byte[] { 0, 1, 2, 255 } } };
                throw new RpcException(new Status(StatusCode.NotFound, "No entry for '번역' (100% sure)."), trailers);
            case "status":
                context.Status = new Status(StatusCode.FailedPrecondition, "Set by the handler.");
                return Task.FromResult("ignored");
            case "null":
                return Task.FromResult<string>(null!);
            default:
                throw new InvalidOperationException(DeliberateFailure + request);
        }
    }

    public override async Task<string> Headers(string request, ServerCallContext context)
    {
        var responseHeaders = new Metadata
        {
            { "x-echo-name", context.RequestHeaders.GetValue("x-name") ?? "(none)" },
            { "x-echo-bin", context.RequestHeaders.GetValueBytes("x-data-bin") ?? [] },
        };
        await context.WriteResponseHeadersAsync(responseHeaders);
        context.ResponseTrailers.Add("x-trailer", "done");
        context.ResponseTrailers.Add("x-trailer-bin", Encoding.UTF8.GetBytes("끝"));
        return request;
    }

    public override Task<string> Context(string request, ServerCallContext context)
    {
        var httpContext = context.GetHttpContext();
        var value = request switch
        {
            "method" => context.Method,
            "peer" => context.Peer,
            "host" => context.Host,
            "deadline" => context.Deadline == DateTime.MaxValue ? "none" : (context.Deadline - DateTime.UtcNow).TotalSeconds.ToString("0"),
            "protocol" => httpContext.Request.Protocol,
            _ => httpContext.Request.Headers[request].ToString(),
        };
        return Task.FromResult(value);
    }

    public override async Task<string> WaitForCancellation(string request, ServerCallContext context)
    {
        _state.WaitStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            _state.WaitCancelled.TrySetResult(context.CancellationToken.IsCancellationRequested);
            throw;
        }

        return "unreachable";
    }

    public override Task<string> Big(string request, ServerCallContext context) => Task.FromResult(new string('x', int.Parse(request)));

    public override async Task Count(string request, IServerStreamWriter<string> responseStream, ServerCallContext context)
    {
        var count = int.Parse(request);
        for (var i = 0; i < count; i++)
        {
            await responseStream.WriteAsync(i.ToString());
        }
    }

    public override async Task IgnoreDeadline(string request, IServerStreamWriter<string> responseStream, ServerCallContext context)
    {
        // Deliberately ignores context.CancellationToken: waits for the test to open the gate.
        await _state.IgnoreDeadlineGate.Task;
        try
        {
            await responseStream.WriteAsync("late");
            _state.LateWriteOutcome.TrySetResult("written");
        }
        catch (Exception ex)
        {
            _state.LateWriteOutcome.TrySetResult(ex.GetType().Name);
        }
    }

    public override async Task<string> Concat(IAsyncStreamReader<string> requestStream, ServerCallContext context)
    {
        var parts = new List<string>();
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            parts.Add(message);
        }

        return string.Join(",", parts);
    }

    public override async Task Chat(IAsyncStreamReader<string> requestStream, IServerStreamWriter<string> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync("echo:" + requestStream.Current);
        }
    }
}
