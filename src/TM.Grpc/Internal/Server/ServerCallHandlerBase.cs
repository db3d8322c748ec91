using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

/// <summary>
/// Runs one call of one method: validates the request, resolves the service instance, invokes the
/// method through the subclass for its call kind, and sends the status. The deadline is raced against
/// the handler here, so a call ends on time even when the handler ignores its cancellation token.
/// </summary>
internal abstract class ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly GrpcServiceOptions _options;
    private readonly ILogger _logger;

    // ActivatorUtilities.CreateInstance matches constructors by reflection on every call (microseconds and
    // a few hundred bytes); the factory does it once. Created on first need: a service registered in DI
    // may have no constructor ActivatorUtilities could use, and then never needs one.
    private ObjectFactory<TService>? _serviceFactory;

    protected ServerCallHandlerBase(Method<TRequest, TResponse> method, GrpcServiceOptions options, ILogger logger)
    {
        Method = method;
        _options = options;
        _logger = logger;
    }

    protected Method<TRequest, TResponse> Method { get; }

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidator.TryValidate(httpContext, _logger))
        {
            return;
        }

        DisableRequestBodyLimits(httpContext);
        using var context = new HttpContextServerCallContext(httpContext, Method.FullName, _options, _logger);
        context.Initialize();

        var handlerTask = RunHandlerAsync(context);
        if (context.DeadlineTask is { } deadlineTask
            && await Task.WhenAny(handlerTask, deadlineTask).ConfigureAwait(false) != handlerTask)
        {
            await context.DeadlineExceededAsync().ConfigureAwait(false);

            // The context (and the HttpContext under it) must outlive the handler that still uses it.
            await ObserveLateHandlerAsync(handlerTask).ConfigureAwait(false);
            return;
        }

        try
        {
            await handlerTask.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            context.ProcessHandlerError(ex);
        }

        await context.EndCallAsync().ConfigureAwait(false);
    }

    /// <summary>Reads the request(s), calls the service method and writes the response(s).</summary>
    protected abstract Task InvokeAsync(TService service, HttpContextServerCallContext context);

    private async Task RunHandlerAsync(HttpContextServerCallContext context)
    {
        var services = context.HttpContext.RequestServices;
        var service = services.GetService<TService>();
        var created = service is null;
        service ??= CreateService(services);
        try
        {
            await InvokeAsync(service, context).ConfigureAwait(false);
        }
        finally
        {
            // An instance the container did not provide is ours to dispose; a registered one is the container's.
            if (created)
            {
                if (service is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                }
                else if (service is IDisposable disposable)
                {
                    disposable.Dispose();
                }
            }
        }
    }

    private TService CreateService(IServiceProvider services)
    {
        _serviceFactory ??= ActivatorUtilities.CreateFactory<TService>(Type.EmptyTypes);
        return _serviceFactory(services, arguments: null);
    }

    private async Task ObserveLateHandlerAsync(Task handlerTask)
    {
        try
        {
            await handlerTask.ConfigureAwait(false);
            GrpcServerLog.HandlerFinishedAfterCallEnded(_logger, Method.FullName, exception: null);
        }
        catch (Exception ex)
        {
            GrpcServerLog.HandlerFinishedAfterCallEnded(_logger, Method.FullName, ex);
        }
    }

    private static void DisableRequestBodyLimits(HttpContext httpContext)
    {
        // Kestrel's defaults are for request/response HTTP (a 30 MB body, a minimum data rate); a gRPC
        // stream may carry any number of messages and sit idle between them. Messages are limited one by
        // one with MaxReceiveMessageSize instead.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }
    }
}
