using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

/// <summary>
/// Turns the methods a service's generated <c>BindService</c> reports into endpoints
/// <c>POST /{service}/{method}</c>. <c>BindService</c> runs once, without an instance; each method is then
/// reached through an open-instance delegate to the service class's method of the same name (as
/// grpc-dotnet does), so a call costs one delegate invocation on the per-call instance, not a rebinding.
/// </summary>
internal sealed class ServiceRouteBinder<TService> : ServiceBinderBase
    where TService : class
{
    private readonly IEndpointRouteBuilder _endpoints;
    private readonly GrpcServiceRegistry _registry;
    private readonly GrpcServiceOptions _options;
    private readonly ILogger _logger;
    private readonly List<IEndpointConventionBuilder> _methodBuilders = [];

    private ServiceRouteBinder(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, GrpcServiceOptions options, ILogger logger)
    {
        _endpoints = endpoints;
        _registry = registry;
        _options = options;
        _logger = logger;
    }

    /// <summary>Maps every method of <typeparamref name="TService"/>; returns one builder per method endpoint.</summary>
    public static IReadOnlyList<IEndpointConventionBuilder> MapService(
        IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, GrpcServiceOptions options, ILogger logger)
    {
        var bindMethod = FindBindMethod();
        var binder = new ServiceRouteBinder<TService>(endpoints, registry, options, logger);
        bindMethod.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [binder, null], culture: null);
        if (binder._methodBuilders.Count == 0)
        {
            throw new InvalidOperationException($"'{bindMethod.DeclaringType}.{bindMethod.Name}' bound no methods for '{typeof(TService)}'.");
        }

        return binder._methodBuilders;
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(
            method.Name, typeof(TRequest), typeof(ServerCallContext));
        Map(method.ServiceName, method.FullName, new UnaryServerCallHandler<TService, TRequest, TResponse>(method, invoker, _options, _logger).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        Map(method.ServiceName, method.FullName, new ClientStreamingServerCallHandler<TService, TRequest, TResponse>(method, invoker, _options, _logger).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(
            method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Map(method.ServiceName, method.FullName, new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, invoker, _options, _logger).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Map(method.ServiceName, method.FullName, new DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(method, invoker, _options, _logger).HandleCallAsync);
    }

    private void Map(string serviceName, string path, RequestDelegate requestDelegate)
    {
        _registry.AddService(serviceName);
        _methodBuilders.Add(_endpoints.MapPost(path, requestDelegate).WithDisplayName("gRPC - " + path));
    }

    private static MethodInfo FindBindMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } attribute)
            {
                continue;
            }

            foreach (var candidate in attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (candidate.Name != attribute.BindMethodName)
                {
                    continue;
                }

                var parameters = candidate.GetParameters();
                if (parameters.Length == 2
                    && parameters[0].ParameterType == typeof(ServiceBinderBase)
                    && parameters[1].ParameterType.IsAssignableFrom(typeof(TService)))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException(
                $"Could not find 'static void {attribute.BindMethodName}(ServiceBinderBase, {type.Name})' on '{attribute.BindType}', named by the BindServiceMethodAttribute of '{type}'.");
        }

        throw new InvalidOperationException(
            $"Could not find a BindServiceMethodAttribute on '{typeof(TService)}' or its base classes. A gRPC service must derive from a generated service base class.");
    }

    private static TDelegate CreateInvoker<TDelegate>(string methodName, params Type[] parameterTypes)
        where TDelegate : Delegate
    {
        var methodInfo = typeof(TService).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new InvalidOperationException(
                $"Could not find a public instance method '{methodName}({string.Join(", ", parameterTypes.Select(t => t.Name))})' on '{typeof(TService)}'.");
        try
        {
            // An open-instance delegate: the first argument is the instance, and virtual dispatch still applies.
            return methodInfo.CreateDelegate<TDelegate>();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Method '{typeof(TService)}.{methodName}' does not have the signature its gRPC method needs.", ex);
        }
    }
}
