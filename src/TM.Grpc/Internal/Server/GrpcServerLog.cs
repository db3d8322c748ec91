using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

/// <summary>The server's log events, source-generated; event ids are stable so alerts can key on them.</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(1, LogLevel.Error, "Error when executing service method '{ServiceMethod}'.", EventName = "ErrorExecutingServiceMethod")]
    public static partial void ErrorExecutingServiceMethod(ILogger logger, string serviceMethod, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Error status code '{StatusCode}' with detail '{Detail}' raised.", EventName = "RpcConnectionError")]
    public static partial void RpcConnectionError(ILogger logger, StatusCode statusCode, string detail);

    [LoggerMessage(3, LogLevel.Debug, "Request with timeout of {Timeout} has exceeded its deadline.", EventName = "DeadlineExceeded")]
    public static partial void DeadlineExceeded(ILogger logger, TimeSpan timeout);

    [LoggerMessage(4, LogLevel.Debug, "Invalid grpc-timeout header value '{Timeout}' has been ignored.", EventName = "InvalidTimeoutIgnored")]
    public static partial void InvalidTimeoutIgnored(ILogger logger, string timeout);

    [LoggerMessage(5, LogLevel.Information, "Request content-type of '{ContentType}' is not supported.", EventName = "UnsupportedRequestContentType")]
    public static partial void UnsupportedRequestContentType(ILogger logger, string? contentType);

    [LoggerMessage(6, LogLevel.Information, "Request protocol of '{Protocol}' is not supported.", EventName = "UnsupportedRequestProtocol")]
    public static partial void UnsupportedRequestProtocol(ILogger logger, string protocol);

    [LoggerMessage(7, LogLevel.Information, "Request grpc-encoding '{Encoding}' is not supported.", EventName = "UnsupportedRequestEncoding")]
    public static partial void UnsupportedRequestEncoding(ILogger logger, string encoding);

    [LoggerMessage(8, LogLevel.Debug, "Service method '{ServiceMethod}' canceled: the client cancelled the call or disconnected.", EventName = "ServiceMethodCanceled")]
    public static partial void ServiceMethodCanceled(ILogger logger, string serviceMethod, Exception exception);

    [LoggerMessage(9, LogLevel.Debug, "Failed to deserialize a request message for '{ServiceMethod}'.", EventName = "ErrorDeserializingMessage")]
    public static partial void ErrorDeserializingMessage(ILogger logger, string serviceMethod, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Service '{ServiceName}' is unimplemented.", EventName = "ServiceUnimplemented")]
    public static partial void ServiceUnimplemented(ILogger logger, string serviceName);

    [LoggerMessage(11, LogLevel.Information, "Method '{MethodName}' of service '{ServiceName}' is unimplemented.", EventName = "MethodUnimplemented")]
    public static partial void MethodUnimplemented(ILogger logger, string serviceName, string methodName);

    [LoggerMessage(12, LogLevel.Debug, "Service method '{ServiceMethod}' finished after its call had ended.", EventName = "HandlerFinishedAfterCallEnded")]
    public static partial void HandlerFinishedAfterCallEnded(ILogger logger, string serviceMethod, Exception? exception);

    [LoggerMessage(13, LogLevel.Debug, "Could not send the status of '{ServiceMethod}'; the client is gone.", EventName = "ErrorEndingCall")]
    public static partial void ErrorEndingCall(ILogger logger, string serviceMethod, Exception exception);
}
