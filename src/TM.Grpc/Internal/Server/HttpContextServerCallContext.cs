using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

/// <summary>
/// The <see cref="ServerCallContext"/> of one call over an ASP.NET Core <see cref="Microsoft.AspNetCore.Http.HttpContext"/>:
/// owns the call's deadline and cancellation, reads and writes its messages, and is the one error
/// boundary (<see cref="ProcessHandlerError"/>) that turns whatever a handler threw into the status sent.
/// </summary>
internal sealed class HttpContextServerCallContext : ServerCallContext, IDisposable
{
    private static readonly Status DeadlineExceededStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    private static readonly Status CancelledStatus = new(StatusCode.Cancelled, "Call canceled by the client.");

    // CancellationTokenSource timers accept at most uint.MaxValue - 1 ms (about 49.7 days).
    private static readonly TimeSpan MaxTimerDueTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly GrpcServiceOptions _options;
    private readonly ILogger _logger;
    private readonly string _method;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private string? _peer;
    private Status _status = Status.DefaultSuccess;
    private DateTime _deadline = DateTime.MaxValue;
    private TimeSpan _timeout;
    private CancellationTokenSource? _deadlineCts;
    private CancellationTokenSource? _callCts;
    private CancellationToken _cancellationToken;
    private string? _requestEncoding;
    private bool _compressResponse;

    // Only a call with a deadline has a second party that may end it (the deadline) while the handler is
    // writing, so only such calls pay for a lock.
    private SemaphoreSlim? _writeLock;
    private bool _callEnded;

    // A message written without a flush leaves Response.HasStarted false until the call ends.
    private bool _messageWritten;

    public HttpContextServerCallContext(HttpContext httpContext, string method, GrpcServiceOptions options, ILogger logger)
    {
        HttpContext = httpContext;
        _method = method;
        _options = options;
        _logger = logger;
        _cancellationToken = httpContext.RequestAborted;
    }

    public HttpContext HttpContext { get; }

    /// <summary>Completes when the deadline passes; <see langword="null"/> when the call has no enforced deadline.</summary>
    public Task? DeadlineTask { get; private set; }

    protected override string MethodCore => _method;

    protected override string HostCore => HttpContext.Request.Host.Value ?? string.Empty;

    protected override string PeerCore => _peer ??= FormatPeer(HttpContext.Connection);

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= MetadataHeaders.FromHeaders(HttpContext.Request.Headers);

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= new Metadata();

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    private bool DeadlineReached => _deadlineCts?.IsCancellationRequested == true;

    private bool ResponseStarted => _messageWritten || HttpContext.Response.HasStarted;

    /// <summary>Reads the call's protocol headers and prepares the response headers; call once, before the handler.</summary>
    public void Initialize()
    {
        var request = HttpContext.Request;
        var response = HttpContext.Response;

        var encoding = request.Headers[GrpcProtocolConstants.EncodingHeader].ToString();
        if (encoding.Length > 0 && !string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            _requestEncoding = encoding;
        }

        response.ContentType = GrpcProtocolConstants.ContentType;
        response.Headers[GrpcProtocolConstants.AcceptEncodingHeader] = GrpcProtocolConstants.SupportedEncodings;
        if (_options.ResponseCompressionAlgorithm is { } algorithm
            && !string.Equals(algorithm, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase)
            && GrpcProtocolConstants.AcceptsEncoding(request.Headers[GrpcProtocolConstants.AcceptEncodingHeader].ToString(), algorithm))
        {
            _compressResponse = true;
            response.Headers[GrpcProtocolConstants.EncodingHeader] = algorithm;
        }

        var timeoutHeader = request.Headers[GrpcProtocolConstants.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (GrpcTimeoutHeader.TryParse(timeoutHeader, out var timeout))
            {
                StartDeadline(timeout);
            }
            else
            {
                GrpcServerLog.InvalidTimeoutIgnored(_logger, timeoutHeader);
            }
        }
    }

    /// <summary>Reads the next request message; <see langword="null"/> at the end of the request stream.</summary>
    public async Task<T?> ReadMessageAsync<T>(Marshaller<T> marshaller, CancellationToken cancellationToken)
        where T : class
    {
        var token = _cancellationToken;
        CancellationTokenSource? linked = null;
        if (cancellationToken.CanBeCanceled && cancellationToken != token)
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            token = linked.Token;
        }

        try
        {
            var payload = await ReadPayloadAsync(token).ConfigureAwait(false);
            return payload is null ? null : Deserialize(payload, marshaller);
        }
        finally
        {
            linked?.Dispose();
        }
    }

    /// <summary>Reads the one request message of a unary or server-streaming call.</summary>
    public async Task<T> ReadSingleMessageAsync<T>(Marshaller<T> marshaller)
        where T : class
    {
        var payload = await ReadPayloadAsync(_cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "Incomplete request: the call ended without a request message."));
        if (await ReadPayloadAsync(_cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Additional data after the request message: this method takes exactly one message."));
        }

        return Deserialize(payload, marshaller);
    }

    /// <summary>
    /// Writes one response message. <paramref name="flush"/> <see langword="false"/> leaves it in the response
    /// buffer: the one message of a unary or client-streaming call then goes out with the trailers when the
    /// call ends, as HEADERS + DATA + HEADERS frames in one socket write instead of two.
    /// </summary>
    public async Task WriteMessageAsync<T>(T message, Marshaller<T> marshaller, bool flush = true)
    {
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (_callEnded)
            {
                throw new InvalidOperationException("Can't write the message because the call is complete.");
            }

            var bodyWriter = HttpContext.Response.BodyWriter;
            GrpcFrameWriter.WriteMessage(bodyWriter, message, marshaller.Serializer, _options.MaxSendMessageSize, _compressResponse);
            _messageWritten = true;
            if (flush)
            {
                await bodyWriter.FlushAsync(_cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    protected override async Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            var response = HttpContext.Response;
            if (_callEnded || ResponseStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
            }

            MetadataHeaders.AddTo(response.Headers, responseHeaders);

            // Flushing the body writer with nothing in it sends the headers frame alone.
            await response.BodyWriter.FlushAsync(_cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>
    /// The error boundary: maps what the handler (or the message plumbing under it) threw to the status
    /// sent to the client, logging it once. Unexpected exceptions never reach the client beyond their
    /// message, and that only with <see cref="GrpcServiceOptions.EnableDetailedErrors"/>.
    /// </summary>
    public void ProcessHandlerError(Exception exception)
    {
        if (exception is RpcException rpcException)
        {
            GrpcServerLog.RpcConnectionError(_logger, rpcException.StatusCode, rpcException.Status.Detail);
            _status = rpcException.Status;
            foreach (var entry in rpcException.Trailers)
            {
                ResponseTrailers.Add(entry);
            }
        }
        else if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client is gone: nobody will see this status, but the handler is not at fault either.
            GrpcServerLog.ServiceMethodCanceled(_logger, _method, exception);
            _status = CancelledStatus;
        }
        else if (DeadlineReached && exception is OperationCanceledException)
        {
            GrpcServerLog.DeadlineExceeded(_logger, _timeout);
            _status = DeadlineExceededStatus;
        }
        else
        {
            GrpcServerLog.ErrorExecutingServiceMethod(_logger, _method, exception);
            _status = new Status(
                StatusCode.Unknown,
                _options.EnableDetailedErrors
                    ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                    : "Exception was thrown by handler.");
        }
    }

    /// <summary>Sends the call's status and trailers and completes the response; later writes are refused.</summary>
    public Task EndCallAsync() => EndCallAsync(_status, includeTrailers: true);

    /// <summary>
    /// Ends the call with DEADLINE_EXCEEDED while the handler may still be running: a handler that ignores
    /// its cancellation token must not hold the client past its deadline.
    /// </summary>
    public Task DeadlineExceededAsync()
    {
        GrpcServerLog.DeadlineExceeded(_logger, _timeout);

        // The trailers are left out: a handler still running may be adding to them.
        return EndCallAsync(DeadlineExceededStatus, includeTrailers: false);
    }

    public void Dispose()
    {
        _callCts?.Dispose();
        _deadlineCts?.Dispose();
        _writeLock?.Dispose();
    }

    private async Task EndCallAsync(Status status, bool includeTrailers)
    {
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (_callEnded)
            {
                return;
            }

            _callEnded = true;
            var response = HttpContext.Response;
            ResponseStatusWriter.WriteStatus(response, status, includeTrailers ? _responseTrailers : null, trailersOnly: !ResponseStarted);
            await response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            GrpcServerLog.ErrorEndingCall(_logger, _method, ex);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    private ValueTask<byte[]?> ReadPayloadAsync(CancellationToken cancellationToken)
        => GrpcFrameReader.ReadMessageAsync(HttpContext.Request.BodyReader, _options.MaxReceiveMessageSize, _requestEncoding, cancellationToken);

    private T Deserialize<T>(byte[] payload, Marshaller<T> marshaller)
    {
        try
        {
            return marshaller.Deserializer(payload);
        }
        catch (Exception ex)
        {
            GrpcServerLog.ErrorDeserializingMessage(_logger, _method, ex);
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Failed to deserialize the request message: {ex.Message}"));
        }
    }

    private void StartDeadline(TimeSpan timeout)
    {
        _timeout = timeout;
        var now = DateTime.UtcNow;
        _deadline = timeout < DateTime.MaxValue - now ? now + timeout : DateTime.MaxValue;
        if (timeout > MaxTimerDueTime)
        {
            // A deadline months away is reported to the handler but not enforced with a timer.
            return;
        }

        _deadlineCts = new CancellationTokenSource(timeout);
        _callCts = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted, _deadlineCts.Token);
        _cancellationToken = _callCts.Token;
        _writeLock = new SemaphoreSlim(1, 1);
        DeadlineTask = Task.Delay(Timeout.Infinite, _deadlineCts.Token);
    }

    private static string FormatPeer(ConnectionInfo connection) => connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetwork } ip => $"ipv4:{ip}:{connection.RemotePort}",
        { AddressFamily: AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
        var ip => $"unknown:{ip}:{connection.RemotePort}",
    };
}
