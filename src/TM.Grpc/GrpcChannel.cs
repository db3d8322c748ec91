using TM.Grpc.Internal;
using TM.Grpc.Internal.Client;

namespace TM.Grpc;

/// <summary>
/// A connection target for gRPC calls: an address plus the <see cref="System.Net.Http.HttpClient"/> that
/// carries the calls over HTTP/2 (cleartext "h2c" for <c>http://</c>, TLS for <c>https://</c>). Channels are
/// thread-safe and meant to be long-lived: create one per server and share it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly bool _disposeHttpClient;
    private bool _disposed;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        AddressText = address.GetLeftPart(UriPartial.Authority);
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        CompressRequests = options.RequestCompressionAlgorithm is { } algorithm
            && !string.Equals(algorithm, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase);

        if (options.HttpClient is { } httpClient)
        {
            HttpClient = httpClient;
            _disposeHttpClient = options.DisposeHttpClient;
        }
        else
        {
            var handler = options.HttpHandler ?? new SocketsHttpHandler
            {
                // More than 100 concurrent calls (the usual HTTP/2 stream limit) open another connection instead of queueing.
                EnableMultipleHttp2Connections = true,

                // A redirected gRPC POST would lose its body; a redirect is an error here.
                AllowAutoRedirect = false,
            };
            var disposeHandler = options.HttpHandler is null || options.DisposeHttpClient;

            // Calls are bounded by their deadlines, and streams may legitimately last hours.
            HttpClient = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
            _disposeHttpClient = true;
        }
    }

    /// <summary>The server address, for example <c>http://localhost:5000</c>; calls use its scheme, host and port (a path is ignored).</summary>
    public Uri Address { get; }

    internal string AddressText { get; }

    internal HttpClient HttpClient { get; }

    internal int? MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal bool CompressRequests { get; }

    /// <summary>Creates a channel for an address.</summary>
    /// <param name="address">An absolute <c>http://</c> or <c>https://</c> address, for example <c>http://localhost:5000</c>.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentException">The address or the options are invalid.</exception>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"Address '{address}' is not an absolute URI such as 'http://localhost:5000'.", nameof(address));
        }

        return ForAddress(uri, options);
    }

    /// <summary>Creates a channel for an address.</summary>
    /// <param name="address">An absolute <c>http://</c> or <c>https://</c> address.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentException">The address or the options are invalid.</exception>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Address '{address}' must be an absolute http:// or https:// URI.", nameof(address));
        }

        options ??= new GrpcChannelOptions();
        if (options.HttpClient is not null && options.HttpHandler is not null)
        {
            throw new ArgumentException("Set either HttpClient or HttpHandler in GrpcChannelOptions, not both.", nameof(options));
        }

        if (options.RequestCompressionAlgorithm is { } algorithm && !GrpcProtocolConstants.IsSupportedEncoding(algorithm))
        {
            throw new ArgumentException(
                $"Request compression algorithm '{algorithm}' is not supported. Supported: {GrpcProtocolConstants.SupportedEncodings}.", nameof(options));
        }

        return new GrpcChannel(address, options);
    }

    /// <summary>Creates the invoker that generated clients send their calls through.</summary>
    /// <returns>A call invoker bound to this channel.</returns>
    /// <exception cref="ObjectDisposedException">The channel has been disposed.</exception>
    public CallInvoker CreateCallInvoker()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new HttpClientCallInvoker(this);
    }

    /// <summary>Releases the HTTP client when the channel owns it. Calls already started are not cancelled.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_disposeHttpClient)
        {
            HttpClient.Dispose();
        }
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
