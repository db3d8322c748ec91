using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;

namespace TM.Grpc.Internal.Client;

/// <summary>
/// One client call over HTTP/2: sends the request (streamed for client-streaming and duplex calls),
/// reads response messages as they arrive, and settles the call's status exactly once, from whichever
/// comes first: the server's grpc-status, the deadline, cancellation, disposal or a transport failure.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : class
    where TResponse : class
{
    private static readonly Status DeadlineExceededStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    private static readonly Status CancelledStatus = new(StatusCode.Cancelled, "Call canceled by the client.");
    private static readonly Status DisposedStatus = new(StatusCode.Cancelled, "gRPC call disposed.");
    private static readonly Status NoResponseMessageStatus = new(StatusCode.Internal, "The call completed without a response message.");

    // CancellationTokenSource timers accept at most uint.MaxValue - 1 ms (about 49.7 days).
    private static readonly TimeSpan MaxTimerDueTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private static readonly Task<bool> CallFinishedTask = Task.FromResult(false);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly DateTime _deadline;
    private readonly CancellationTokenSource? _deadlineCts;
    private readonly CancellationTokenSource _callCts;
    private readonly CancellationToken _callToken;
    private readonly CancellationTokenRegistration _cancellationRegistration;
    private Task<bool> _startTask = CallFinishedTask;
    private PushStreamContent? _pushContent;
    private PipeWriter? _requestWriter;
    private HttpResponseMessage? _response;
    private PipeReader? _responseReader;
    private string? _responseEncoding;

    // The response headers are valid gRPC headers; their Metadata is built only if someone asks for it.
    private bool _responseHeadersReceived;
    private Metadata? _responseHeaders;
    private Task<Metadata>? _responseHeadersTask;
    private Task<TResponse>? _responseTask;

    // Set once, by whichever outcome comes first; published as one reference so readers on other
    // threads never see a status without its trailers.
    private CallOutcome? _outcome;
    private volatile bool _cancelledByCaller;
    private volatile bool _disposed;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _deadline = options.Deadline switch
        {
            null => DateTime.MaxValue,
            { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
            { } deadline => deadline,
        };

        var timeout = _deadline == DateTime.MaxValue ? Timeout.InfiniteTimeSpan : _deadline - DateTime.UtcNow;
        if (timeout > TimeSpan.Zero && timeout <= MaxTimerDueTime)
        {
            _deadlineCts = new CancellationTokenSource(timeout);
        }

        var userToken = options.CancellationToken;
        _callCts = (userToken.CanBeCanceled, _deadlineCts) switch
        {
            (true, { } deadlineCts) => CancellationTokenSource.CreateLinkedTokenSource(userToken, deadlineCts.Token),
            (true, null) => CancellationTokenSource.CreateLinkedTokenSource(userToken),
            (false, { } deadlineCts) => CancellationTokenSource.CreateLinkedTokenSource(deadlineCts.Token),
            _ => new CancellationTokenSource(),
        };
        _callToken = _callCts.Token;

        // Settle the status the moment the deadline passes or the caller cancels, even if nobody is reading.
        // Without either, only this call cancels its token, and always after settling the status itself.
        if (_deadlineCts is not null || userToken.CanBeCanceled)
        {
            _cancellationRegistration = _callToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).OnCallCanceled(), this);
        }
    }

    /// <summary>The response headers' metadata; created on first use, as most callers never look.</summary>
    public Task<Metadata> ResponseHeadersAsync
    {
        get
        {
            if (_responseHeadersTask is { } task)
            {
                return task;
            }

            task = ObserveFailure(GetResponseHeadersAsync());
            return Interlocked.CompareExchange(ref _responseHeadersTask, task, null) ?? task;
        }
    }

    /// <summary>Starts a unary or server-streaming call: the one request is serialized and sent now.</summary>
    public void StartWithRequest(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = _method.RequestMarshaller.Serializer(request);
        if (payload.Length > _channel.MaxSendMessageSize)
        {
            Finish(SendSizeExceeded(payload.Length), trailers: null);
            Start(content: null);
            return;
        }

        if (_channel.CompressRequests)
        {
            using var compressed = MessageCompression.Compress(payload);
            payload = compressed.WrittenSpan.ToArray();
        }

        Start(new UnaryRequestContent(payload, _channel.CompressRequests));
    }

    /// <summary>Starts a client-streaming or duplex call: the request body stays open for <see cref="WriteMessageAsync"/>.</summary>
    public void StartStreaming()
    {
        _pushContent = new PushStreamContent();
        Start(_pushContent);
    }

    /// <summary>Reads the one response of a unary or client-streaming call; call once.</summary>
    public Task<TResponse> GetResponseAsync() => _responseTask = ReadSingleResponseAsync();

    /// <summary>Reads the next message of a response stream; <see langword="null"/> when the call ended with OK.</summary>
    public async Task<TResponse?> ReadNextMessageAsync(CancellationToken cancellationToken)
    {
        var payload = await ReadPayloadAsync(cancellationToken).ConfigureAwait(false);
        if (payload is not null)
        {
            return Deserialize(payload);
        }

        FinishFromTrailers(receivedMessage: true);
        return _outcome!.Status.StatusCode == StatusCode.OK ? null : throw CreateStatusException();
    }

    /// <summary>Writes one message of the request stream.</summary>
    public async Task WriteMessageAsync(TRequest message)
    {
        ThrowIfFinished();

        // A serializer failure is the caller's bug about this one message; the call itself carries on.
        var payload = _method.RequestMarshaller.Serializer(message);
        if (payload.Length > _channel.MaxSendMessageSize)
        {
            Finish(SendSizeExceeded(payload.Length), trailers: null);
            throw CreateStatusException();
        }

        try
        {
            if (_requestWriter is null)
            {
                var stream = await _pushContent!.StreamTask.WaitAsync(_callToken).ConfigureAwait(false);
                _requestWriter = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
            }

            GrpcFrameWriter.WriteMessage(_requestWriter, payload, _channel.CompressRequests);
            await _requestWriter.FlushAsync(_callToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (_outcome is null)
            {
                // The request stream breaks when the server ends the call early; its status is the real answer.
                await _startTask.ConfigureAwait(false);
                Finish(ResolveException(ex, "Error sending a request message"), trailers: null, ex);
            }

            throw CreateStatusException(ex);
        }
    }

    /// <summary>Ends the request stream (the client's half-close). A no-op once the call has finished.</summary>
    public async Task CompleteRequestAsync()
    {
        if (_outcome is not null)
        {
            return;
        }

        if (_requestWriter is not null)
        {
            await _requestWriter.CompleteAsync().ConfigureAwait(false);
        }

        _pushContent!.Complete();
    }

    public Status GetStatus()
        => _outcome?.Status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers()
    {
        var outcome = _outcome ?? throw new InvalidOperationException("Unable to get the trailers because the call is not complete.");
        return outcome.Trailers ?? Metadata.Empty;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Finish(DisposedStatus, trailers: null);

        // A call disposed before its response was awaited fails it with Cancelled; nobody will look.
        if (_responseTask is { IsCompletedSuccessfully: false } responseTask)
        {
            ObserveFailure(responseTask);
        }

        _cancellationRegistration.Dispose();
        _response?.Dispose();
        _callCts.Dispose();
        _deadlineCts?.Dispose();
    }

    private void Start(HttpContent? content)
    {
        if (_outcome is null && _deadline != DateTime.MaxValue && _deadline <= DateTime.UtcNow)
        {
            // Nothing is sent for a call whose deadline has already passed.
            Finish(DeadlineExceededStatus, trailers: null);
        }

        if (_outcome is not null || content is null)
        {
            content?.Dispose();
            _startTask = CallFinishedTask;
        }
        else
        {
            _startTask = SendAsync(CreateRequest(content));
        }
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocolConstants.TeHeader, GrpcProtocolConstants.TeTrailers);
        headers.TryAddWithoutValidation("user-agent", GrpcProtocolConstants.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.AcceptEncodingHeader, GrpcProtocolConstants.SupportedEncodings);
        if (_channel.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.EncodingHeader, GrpcProtocolConstants.GzipEncoding);
        }

        if (_deadline != DateTime.MaxValue)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcTimeoutHeader.Format(_deadline - DateTime.UtcNow));
        }

        if (_options.Headers is { } metadata)
        {
            MetadataHeaders.AddTo(headers, metadata);
        }

        return request;
    }

    /// <summary>Sends the request and reads the response headers; <see langword="true"/> when response messages may follow.</summary>
    private async Task<bool> SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await _channel.SendAsync(request, _callToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var context = ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
                ? $"Error connecting to {_channel.AddressText}"
                : $"Error starting gRPC call to {_channel.AddressText}";
            Finish(ResolveException(ex, context), trailers: null, ex);
            return false;
        }

        _response = response;
        if (_outcome is not null)
        {
            response.Dispose();
            return false;
        }

        if (ReadResponseHeaders(response) is { } status)
        {
            // Trailers-Only: what came with the status are the call's trailers.
            Finish(status, _responseHeadersReceived ? GetResponseHeaders() : null);
            return false;
        }

        return true;
    }

    /// <summary>Validates the response headers; returns the call's status when they already settle it.</summary>
    private Status? ReadResponseHeaders(HttpResponseMessage response)
    {
        var headers = response.Headers;
        var grpcStatus = GetHeaderValue(headers, GrpcProtocolConstants.StatusTrailer);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // A grpc-status, when present, wins over the HTTP status (http-grpc-status-mapping.md).
            return grpcStatus is not null
                ? ParseStatus(grpcStatus, GetHeaderValue(headers, GrpcProtocolConstants.MessageTrailer))
                : new Status(GrpcStatusMapping.FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (grpcStatus is null && !GrpcProtocolConstants.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}.");
        }

        _responseHeadersReceived = true;
        if (grpcStatus is not null)
        {
            // Trailers-Only: the status came in the headers frame and no message follows.
            var status = ParseStatus(grpcStatus, GetHeaderValue(headers, GrpcProtocolConstants.MessageTrailer));
            return ExpectsSingleResponse && status.StatusCode == StatusCode.OK ? NoResponseMessageStatus : status;
        }

        var encoding = GetHeaderValue(headers, GrpcProtocolConstants.EncodingHeader);
        if (encoding is not null && !string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            if (!GrpcProtocolConstants.IsSupportedEncoding(encoding))
            {
                return new Status(StatusCode.Internal, $"The server used unsupported grpc-encoding '{encoding}' for the response.");
            }

            _responseEncoding = encoding;
        }

        return null;
    }

    private bool ExpectsSingleResponse => _method.Type is MethodType.Unary or MethodType.ClientStreaming;

    private async Task<Metadata> GetResponseHeadersAsync()
    {
        await _startTask.ConfigureAwait(false);
        return _responseHeadersReceived ? GetResponseHeaders() : throw CreateStatusException();
    }

    private Metadata GetResponseHeaders()
    {
        if (_responseHeaders is { } headers)
        {
            return headers;
        }

        // The headers outlive the disposal of the response, which only releases its content.
        headers = MetadataHeaders.FromHeaders(_response!.Headers);
        return Interlocked.CompareExchange(ref _responseHeaders, headers, null) ?? headers;
    }

    /// <summary>
    /// The unary read path: the one message is read straight from the response stream into an array of its
    /// exact size, which goes to the deserializer as is. No PipeReader, no 16 KB buffer, no copy.
    /// </summary>
    private async Task<TResponse> ReadSingleResponseAsync()
    {
        await _startTask.ConfigureAwait(false);
        if (_outcome is not null)
        {
            throw CreateStatusException();
        }

        byte[]? payload;
        try
        {
            payload = await ReadSinglePayloadAsync(_response!.Content.ReadAsStream(_callToken)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Finish(ResolveException(ex, "Error reading the response message"), trailers: null, ex);
            throw CreateStatusException(ex);
        }

        var status = StatusFromTrailers(receivedMessage: payload is not null, out var trailers);
        if (status.StatusCode != StatusCode.OK || payload is null)
        {
            Finish(status, trailers);
            throw CreateStatusException();
        }

        // Deserialized before the call settles as OK: a message that cannot be parsed fails the call instead.
        var message = Deserialize(payload);
        Finish(status, trailers);
        return _outcome!.Status.StatusCode == StatusCode.OK ? message : throw CreateStatusException();
    }

    /// <summary>Reads the body of a call that returns one message; <see langword="null"/> when it has none.</summary>
    private async ValueTask<byte[]?> ReadSinglePayloadAsync(Stream body)
    {
        var header = ArrayPool<byte>.Shared.Rent(GrpcProtocolConstants.MessageHeaderSize);
        try
        {
            var headerMemory = header.AsMemory(0, GrpcProtocolConstants.MessageHeaderSize);
            var read = await body.ReadAtLeastAsync(headerMemory, headerMemory.Length, throwOnEndOfStream: false, _callToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            if (read < headerMemory.Length)
            {
                throw IncompleteMessage(read);
            }

            var compressed = GrpcFrameReader.ParseHeader(header, _channel.MaxReceiveMessageSize, out var length);
            var payload = length == 0 ? [] : new byte[length];
            read = await body.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, _callToken).ConfigureAwait(false);
            if (read < payload.Length)
            {
                throw IncompleteMessage(GrpcProtocolConstants.MessageHeaderSize + read);
            }

            if (await body.ReadAsync(header.AsMemory(0, 1), _callToken).ConfigureAwait(false) != 0)
            {
                throw new RpcException(new Status(StatusCode.Internal, "The server sent more than one response message for a call that takes one."));
            }

            return compressed ? GrpcFrameReader.Decompress(new ReadOnlySequence<byte>(payload), _responseEncoding, _channel.MaxReceiveMessageSize) : payload;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(header);
        }
    }

    private static RpcException IncompleteMessage(int bytesRead)
        => new(new Status(StatusCode.Internal, $"Incomplete message: the stream ended inside a message ({bytesRead} bytes left over)."));

    /// <summary>Reads the next frame; <see langword="null"/> at the end of the body (or when the call already ended with OK).</summary>
    private async Task<byte[]?> ReadPayloadAsync(CancellationToken cancellationToken)
    {
        // Registered before waiting for the response headers: a duplex server may send none until the client writes.
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelByCaller(), this)
            : default;
        await _startTask.ConfigureAwait(false);
        if (_outcome is { } outcome)
        {
            return outcome.Status.StatusCode == StatusCode.OK ? null : throw CreateStatusException();
        }

        try
        {
            if (_responseReader is null)
            {
                var stream = await _response!.Content.ReadAsStreamAsync(_callToken).ConfigureAwait(false);
                _responseReader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024));
            }

            return await GrpcFrameReader.ReadMessageAsync(_responseReader, _channel.MaxReceiveMessageSize, _responseEncoding, _callToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Finish(ResolveException(ex, "Error reading the next response message"), trailers: null, ex);
            throw CreateStatusException(ex);
        }
    }

    private TResponse Deserialize(byte[] payload)
    {
        try
        {
            return _method.ResponseMarshaller.Deserializer(payload);
        }
        catch (Exception ex)
        {
            Finish(new Status(StatusCode.Internal, $"Failed to deserialize the response message: {ex.Message}"), trailers: null, ex);
            throw CreateStatusException(ex);
        }
    }

    /// <summary>Settles the status from the trailers, once the response body has been read to its end.</summary>
    private void FinishFromTrailers(bool receivedMessage)
    {
        if (_outcome is not null)
        {
            return;
        }

        var status = StatusFromTrailers(receivedMessage, out var trailers);
        Finish(status, trailers);
    }

    /// <summary>Reads the status and custom trailers of a response whose body has been read to its end.</summary>
    private Status StatusFromTrailers(bool receivedMessage, out Metadata trailers)
    {
        var trailingHeaders = _response!.TrailingHeaders;
        trailers = MetadataHeaders.FromHeaders(trailingHeaders);
        var grpcStatus = GetHeaderValue(trailingHeaders, GrpcProtocolConstants.StatusTrailer);
        var status = grpcStatus is null
            ? new Status(StatusCode.Internal, "The response ended without a grpc-status trailer.")
            : ParseStatus(grpcStatus, GetHeaderValue(trailingHeaders, GrpcProtocolConstants.MessageTrailer));
        return !receivedMessage && ExpectsSingleResponse && status.StatusCode == StatusCode.OK ? NoResponseMessageStatus : status;
    }

    /// <summary>
    /// Marks a task's failure as observed: callers often await only one of a call's tasks (the response, say),
    /// and the other's copy of the same RpcException should not surface as an unobserved task exception.
    /// </summary>
    private static Task<T> ObserveFailure<T>(Task<T> task)
    {
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>
    /// Sets the status if it is not set yet, then releases what a finished call no longer needs.
    /// <paramref name="cause"/> becomes the inner exception of the RpcException callers get, for diagnosis.
    /// </summary>
    private void Finish(Status status, Metadata? trailers, Exception? cause = null)
    {
        if (Interlocked.CompareExchange(ref _outcome, new CallOutcome(status, trailers, cause), null) is not null)
        {
            return;
        }

        try
        {
            // Stop the deadline timer so an unfinished-looking call does not stay rooted until it fires.
            _deadlineCts?.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }

        if (status.StatusCode != StatusCode.OK)
        {
            // Abort the HTTP/2 stream (RST_STREAM) so the server stops work on a call the client has given up.
            CancelCallSafely();
        }

        _pushContent?.Abort();
        _response?.Dispose();
    }

    private void OnCallCanceled()
    {
        var status = _deadlineCts?.IsCancellationRequested == true && !_cancelledByCaller && !_options.CancellationToken.IsCancellationRequested
            ? DeadlineExceededStatus
            : _disposed ? DisposedStatus : CancelledStatus;
        Finish(status, trailers: null);
    }

    private void CancelByCaller()
    {
        _cancelledByCaller = true;
        CancelCallSafely();
    }

    private void CancelCallSafely()
    {
        try
        {
            _callCts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void ThrowIfFinished()
    {
        if (_outcome is not null)
        {
            throw CreateStatusException();
        }
    }

    private Exception CreateStatusException(Exception? innerException = null)
    {
        var (status, trailers, cause) = _outcome!;
        return status.StatusCode == StatusCode.OK
            ? new InvalidOperationException("Can't continue: the call is complete.")
            : new RpcException(status, trailers ?? Metadata.Empty, status.ToString(), innerException ?? cause);
    }

    private Status SendSizeExceeded(int length) => new(
        StatusCode.ResourceExhausted,
        $"Sending message exceeds the maximum configured message size: {length} bytes, limit {_channel.MaxSendMessageSize}.");

    /// <summary>Maps a failure of the HTTP exchange to the status the caller sees.</summary>
    private Status ResolveException(Exception exception, string context)
    {
        if (exception is RpcException rpcException)
        {
            return rpcException.Status;
        }

        if (_callToken.IsCancellationRequested)
        {
            // The deadline, the caller or Dispose cancelled the call; OnCallCanceled has the details.
            OnCallCanceled();
            return _outcome?.Status ?? CancelledStatus;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpProtocolException protocolException)
            {
                return new Status(GrpcStatusMapping.FromHttp2ErrorCode(protocolException.ErrorCode), $"{context}: {protocolException.Message}");
            }
        }

        return exception switch
        {
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"{context}: {DescribeTransportError(exception)}"),
            OperationCanceledException => new Status(StatusCode.Cancelled, $"{context}: {exception.Message}"),
            _ => new Status(StatusCode.Internal, $"{context}: {exception.GetType().Name}: {exception.Message}"),
        };
    }

    private static string DescribeTransportError(Exception exception)
    {
        // "The SSL connection could not be established, see inner exception." says little on its own.
        var message = exception.Message;
        if (exception.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += " " + inner.Message;
        }

        return message;
    }

    private static Status ParseStatus(string statusText, string? message)
    {
        var detail = message is null ? string.Empty : PercentEncoding.Decode(message);
        return int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? new Status((StatusCode)code, detail)
            : new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{statusText}'. {detail}".TrimEnd());
    }

    private static string? GetHeaderValue(HttpHeaders headers, string name)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }

    private sealed record CallOutcome(Status Status, Metadata? Trailers, Exception? Cause);
}
