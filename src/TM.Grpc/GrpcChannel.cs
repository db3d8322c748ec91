using System.Collections.Concurrent;
using TM.Grpc.Internal;
using TM.Grpc.Internal.Client;

namespace TM.Grpc;

/// <summary>
/// A connection target for gRPC calls: an address plus the HTTP handler (a <see cref="SocketsHttpHandler"/>
/// unless the options name another, or an <see cref="System.Net.Http.HttpClient"/>) that carries the calls over
/// HTTP/2 (cleartext "h2c" for <c>http://</c>, TLS for <c>https://</c>). Channels are thread-safe and meant to be
/// long-lived: create one per server and share it; its connections are reused by every call.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    // A caller's HttpClient is used as given (its Timeout applies). Otherwise calls go through a bare
    // HttpMessageInvoker over the handler, which skips HttpClient's per-request linked
    // CancellationTokenSource and timeout bookkeeping: gRPC calls have deadlines of their own.
    private readonly HttpClient? _httpClient;
    private readonly HttpMessageInvoker _httpInvoker;
    private readonly bool _disposeHttpInvoker;

    // Parsing "/package.Service/Method" against the address costs a Uri per call; methods are few.
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
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
            _httpClient = httpClient;
            _httpInvoker = httpClient;
            _disposeHttpInvoker = options.DisposeHttpClient;
        }
        else
        {
            var handler = options.HttpHandler ?? new SocketsHttpHandler
            {
                // More than 100 concurrent calls (the usual HTTP/2 stream limit) open another connection instead of queueing.
                EnableMultipleHttp2Connections = true,

                // A redirected gRPC POST would lose its body; a redirect is an error here.
                AllowAutoRedirect = false,

                // gRPC has no cookies; the default CookieContainer would be consulted on every request and response.
                UseCookies = false,
            };
            var disposeHandler = options.HttpHandler is null || options.DisposeHttpClient;
            _httpInvoker = new HttpMessageInvoker(handler, disposeHandler);
            _disposeHttpInvoker = true;
        }
    }

    /// <summary>The server address, for example <c>http://localhost:5000</c>; calls use its scheme, host and port (a path is ignored).</summary>
    public Uri Address { get; }

    internal string AddressText { get; }

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
        if (_disposeHttpInvoker)
        {
            _httpInvoker.Dispose();
        }
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>The absolute URI of a method, <c>{address}/{service}/{method}</c>.</summary>
    internal Uri GetMethodUri(string methodFullName)
        => _methodUris.TryGetValue(methodFullName, out var uri) ? uri : _methodUris.GetOrAdd(methodFullName, static (name, address) => new Uri(address, name), Address);

    /// <summary>Sends a request and completes once the response headers are in; the body is streamed, never buffered.</summary>
    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _httpClient is not null
            ? _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : _httpInvoker.SendAsync(request, cancellationToken);
}
