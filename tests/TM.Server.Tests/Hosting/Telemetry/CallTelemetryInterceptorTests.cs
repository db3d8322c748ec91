using System.Diagnostics.Metrics;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TM.Server.Hosting.Telemetry;
using TM.Server.Tests.Services;

namespace TM.Server.Tests.Hosting.Telemetry;

public sealed class CallTelemetryInterceptorTests : IDisposable
{
    private const string Method = "/tm.v1.TranslationMemory/Lookup";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly LogCapture _log = new();
    private readonly ILoggerFactory _loggers;
    private readonly ServerMetrics _metrics;
    private readonly CallRecorder _recorded;
    private readonly CallTelemetryInterceptor _interceptor;

    public CallTelemetryInterceptorTests()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(_log));
        _metrics = new ServerMetrics(_services.GetRequiredService<IMeterFactory>());
        _recorded = new CallRecorder(_metrics);
        _interceptor = new CallTelemetryInterceptor(_metrics, _loggers.CreateLogger<CallTelemetryInterceptor>());
    }

    public void Dispose()
    {
        _recorded.Dispose();
        _loggers.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task A_call_that_answers_is_recorded_once_as_OK_under_its_method()
    {
        var answer = await _interceptor.UnaryServerHandler<string, string>("q", Context(), (_, _) => Task.FromResult("a"));

        Assert.Equal("a", answer);
        var call = Assert.Single(_recorded.Calls);
        Assert.Equal("tm.v1.TranslationMemory/Lookup", call.Method);
        Assert.Equal("OK", call.Status);
        Assert.InRange(call.Seconds, 0, 10);
    }

    [Fact]
    public async Task A_call_is_recorded_with_the_status_the_error_boundary_answered()
    {
        await Assert.ThrowsAsync<RpcException>(() => _interceptor.UnaryServerHandler<string, string>("q", Context(), async (_, _) =>
        {
            await Task.Yield();
            throw new RpcException(new Status(StatusCode.InvalidArgument, "max_results is -1"));
        }));

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(_recorded.Calls).Status);
    }

    [Fact]
    public async Task A_call_its_client_cancelled_is_recorded_as_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _interceptor.ClientStreamingServerHandler<string, string>(
            null!, Context(cancellationToken: cancelled.Token), (_, context) => Task.FromCanceled<string>(context.CancellationToken)));

        Assert.Equal("CANCELLED", Assert.Single(_recorded.Calls).Status);
    }

    [Fact]
    public async Task A_stream_is_recorded_when_it_ends_not_when_it_starts()
    {
        var end = new TaskCompletionSource();
        var call = _interceptor.DuplexStreamingServerHandler<string, string>(null!, null!, Context("/tm.v1.TranslationMemory/ImportFile"), (_, _, _) => end.Task);

        Assert.Empty(_recorded.Calls);
        end.SetException(new RpcException(new Status(StatusCode.FailedPrecondition, "Import 7 is complete.")));
        await Assert.ThrowsAsync<RpcException>(() => call);

        var recorded = Assert.Single(_recorded.Calls);
        Assert.Equal(("tm.v1.TranslationMemory/ImportFile", "FAILED_PRECONDITION"), (recorded.Method, recorded.Status));
    }

    [Fact]
    public async Task Lines_logged_during_a_call_name_the_method_and_the_authenticated_caller()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "translation-team")], "ApiKey"));
        var logger = _loggers.CreateLogger("TM.Server.Memory.TranslationMemoryCatalog");

        await _interceptor.ServerStreamingServerHandler<string, string>("q", null!, Context("/tm.v1.TranslationMemory/ExportTmx", user), async (_, _, _) =>
        {
            await Task.Yield();
            logger.LogInformation("Exported.");
        });

        var line = Assert.Single(_log.Entries);
        Assert.Equal("tm.v1.TranslationMemory/ExportTmx", line.ScopeValue("RpcMethod"));
        Assert.Equal("translation-team", line.ScopeValue("Caller"));
        Assert.Equal("tm.v1.TranslationMemory/ExportTmx by translation-team", line.Scopes.Single()?.ToString());
    }

    [Fact]
    public async Task A_call_without_an_authenticated_caller_is_logged_as_anonymous_and_the_scope_ends_with_it()
    {
        var logger = _loggers.CreateLogger("test");

        await _interceptor.UnaryServerHandler<string, string>("q", Context(), (_, _) =>
        {
            logger.LogInformation("During.");
            return Task.FromResult("a");
        });
        logger.LogInformation("After.");

        var lines = _log.Entries.ToList();
        Assert.Equal("anonymous", lines[0].ScopeValue("Caller"));
        Assert.Empty(lines[1].Scopes);
    }

    private static TestServerCallContext Context(string method = Method, ClaimsPrincipal? user = null, CancellationToken cancellationToken = default)
    {
        var http = new DefaultHttpContext();
        if (user is not null)
            http.User = user;
        var context = new TestServerCallContext(method, cancellationToken);
        // Where grpc-dotnet's GetHttpContext finds the HttpContext of a call context it did not make.
        context.UserState["__HttpContext"] = http;
        return context;
    }
}
