using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using TM.Interchange;
using TM.Server.Concordance;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Server.Security;
using TM.Server.Terminology;
using TM.Storage;
using TM.Text;

namespace TM.Server.Services;

/// <summary>
/// The one place where exceptions become gRPC statuses, for every call of every service (and the HTTP/JSON routes,
/// which run through the same handlers). Services and the catalog throw what went wrong in their own terms; this maps
/// each kind to the status a client can act on, keeping the message. Anything unexpected is INTERNAL with an error id
/// that the log repeats beside the stack trace, which never reaches the client.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="RpcException"/>s pass through as they are, and so does anything thrown after the call was cancelled or
/// its deadline passed: grpc-dotnet has answered CANCELLED or DEADLINE_EXCEEDED by then.
/// </para>
/// <para>
/// <see cref="ArgumentException"/> is INVALID_ARGUMENT: the libraries under the server refuse what a client sent that
/// way (the analyzer refuses a query with nothing to match, the store a pair it cannot hold). A null argument is never
/// a client's doing (protobuf fields are never null), so <see cref="ArgumentNullException"/> is INTERNAL.
/// </para>
/// </remarks>
public sealed class ErrorBoundaryInterceptor(ILogger<ErrorBoundaryInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (IsOurs(e, context))
        {
            throw ToStatus(e, context);
        }
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (IsOurs(e, context))
        {
            throw ToStatus(e, context);
        }
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (IsOurs(e, context))
        {
            throw ToStatus(e, context);
        }
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (IsOurs(e, context))
        {
            throw ToStatus(e, context);
        }
    }

    /// <summary>The status code for an exception a handler let escape; <see cref="StatusCode.Internal"/> for any this server does not expect.</summary>
    public static StatusCode CodeOf(Exception exception) => exception switch
    {
        DocumentException or InterchangeFormatException or ImportInputException or InvalidProtocolBufferException => StatusCode.InvalidArgument,
        ArgumentNullException => StatusCode.Internal,
        ArgumentException => StatusCode.InvalidArgument,
        UnknownMemoryException or UnknownImportException or UnknownKeyException or UnknownSegmentException or UnknownTermException => StatusCode.NotFound,
        DuplicateSegmentException or DuplicateTermException or MemoryExistsException => StatusCode.AlreadyExists,
        SegmentConflictException or TermConflictException => StatusCode.Aborted,
        AccessDeniedException => StatusCode.PermissionDenied,
        KeyConflictException => StatusCode.AlreadyExists,
        ImportStateException or SegmentExportException or StoreCapabilityException => StatusCode.FailedPrecondition,
        ImportStoppedException or SearchIndexUnavailableException => StatusCode.Unavailable,
        _ when SharedStoreFailure.IsUnreachable(exception) => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    // Not an RpcException (already a status), and not the aftermath of a call that has ended.
    private static bool IsOurs(Exception exception, ServerCallContext context) =>
        exception is not RpcException && !context.CancellationToken.IsCancellationRequested;

    private RpcException ToStatus(Exception exception, ServerCallContext context)
    {
        var code = CodeOf(exception);
        if (code != StatusCode.Internal)
            return new RpcException(new Status(code, MessageOf(exception)));
        // Random, short enough to read out over the phone, and in the log line with the stack trace.
        var errorId = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()));
        ServerLog.CallFailed(logger, context.Method, errorId, exception);
        return new RpcException(new Status(StatusCode.Internal,
            $"The server failed on this call: an internal error, id {errorId}. Its log has the details under that id; please report it with the id."));
    }

    /// <summary>The message for a request message that is not valid protobuf (read in a stream, or by <see cref="UnreadableRequestMiddleware"/>).</summary>
    internal static string Unreadable(InvalidProtocolBufferException exception) =>
        $"A request message is not valid protobuf: {exception.Message} (Text fields must be valid UTF-8.)";

    // ArgumentException appends " (Parameter 'name')" to its message: a client has no use for our parameter names.
    private static string MessageOf(Exception exception)
    {
        if (exception is InvalidProtocolBufferException unreadable)
            return Unreadable(unreadable);
        if (SharedStoreFailure.IsUnreachable(exception))
            return $"{SharedStoreFailure.Message} ({exception.Message})";
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { } parameter })
        {
            var suffix = $" (Parameter '{parameter}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
                message = message[..^suffix.Length];
        }
        return message;
    }
}
