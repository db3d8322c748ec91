using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client;

/// <summary>
/// The one place that knows where the server is and what its failures mean to the user: resolves the address
/// (<c>--server</c>, then <c>TM_SERVER</c>, then the default), opens the channel, gives every call its deadline,
/// and turns an <see cref="RpcException"/> into a message and an exit code.
/// </summary>
internal sealed class ServerConnection : IDisposable
{
    /// <summary>Environment variable read when <c>--server</c> is not given.</summary>
    public const string EnvironmentVariable = "TM_SERVER";

    /// <summary>Where <c>dotnet run --project src/TM.Server</c> listens.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5171";

    /// <summary>Largest message the client takes: the server's own receive limit, so an answer it can send is never refused here.</summary>
    public const int MaxReceiveMessageSize = 16 * 1024 * 1024;

    private readonly GrpcChannel _channel;

    private ServerConnection(Uri address, TimeSpan timeout, HttpMessageHandler? httpHandler)
    {
        Address = address;
        Timeout = timeout;
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            // The caller owns a handler it passes in (a test server's, typically): disposing the channel leaves it usable.
            HttpHandler = httpHandler,
            DisposeHttpClient = httpHandler is null,
            MaxReceiveMessageSize = MaxReceiveMessageSize,
            ServiceConfig = new ServiceConfig { MethodConfigs = { ReadRetries } },
        });
        TranslationMemory = new TranslationMemory.TranslationMemoryClient(_channel);
        Administration = new Administration.AdministrationClient(_channel);
        Health = new Health.HealthClient(_channel);
    }

    /// <summary>
    /// Reads are retried on UNAVAILABLE (a server restarting, a connection reset under it): they change nothing, so a
    /// second attempt is always safe. Writes are not: an import may have committed before its answer was lost, and
    /// `tm import` resumes those by import id instead. Four attempts with backoff add about a second, on average,
    /// before `tm` reports a server that is down.
    /// </summary>
    private static MethodConfig ReadRetries => new()
    {
        Names =
        {
            new MethodName { Service = TM.Protos.V1.TranslationMemory.Descriptor.FullName, Method = "Lookup" },
            new MethodName { Service = TM.Protos.V1.TranslationMemory.Descriptor.FullName, Method = "Concordance" },
            new MethodName { Service = TM.Protos.V1.TranslationMemory.Descriptor.FullName, Method = "GetStats" },
            new MethodName { Service = TM.Protos.V1.TranslationMemory.Descriptor.FullName, Method = "ListImports" },
        },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(250),
            MaxBackoff = TimeSpan.FromSeconds(2),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

    /// <summary>The address as the user would write it (no trailing slash).</summary>
    public string DisplayAddress => Display(Address);

    /// <summary>How long each call may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Client of <c>tm.v1.TranslationMemory</c>.</summary>
    public TranslationMemory.TranslationMemoryClient TranslationMemory { get; }

    /// <summary>Client of <c>tm.v1.Administration</c>.</summary>
    public Administration.AdministrationClient Administration { get; }

    /// <summary>Client of <c>grpc.health.v1.Health</c>.</summary>
    public Health.HealthClient Health { get; }

    /// <summary>The deadline for a call starting now.</summary>
    public DateTime Deadline() => DateTime.UtcNow + Timeout;

    /// <summary>
    /// Resolves the server address: <paramref name="optionValue"/> (<c>--server</c>) wins, then a non-empty
    /// <paramref name="environmentValue"/> (<c>TM_SERVER</c>), then <see cref="DefaultAddress"/>. An address
    /// without a scheme (<c>localhost:5171</c>) is taken as <c>http://</c>.
    /// </summary>
    public static bool TryResolveAddress(
        string? optionValue,
        string? environmentValue,
        [NotNullWhen(true)] out Uri? address,
        [NotNullWhen(false)] out string? error)
    {
        var (value, source) = optionValue is not null
            ? (optionValue, "--server")
            : !string.IsNullOrWhiteSpace(environmentValue)
                ? (environmentValue, EnvironmentVariable)
                : (DefaultAddress, "the default address");
        var text = value.Trim();
        if (text.Length > 0 && !text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out address)
            && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
            && address.Host.Length > 0)
        {
            error = null;
            return true;
        }

        address = null;
        error = $"{source} '{value}' is not an http:// or https:// address, e.g. {DefaultAddress}.";
        return false;
    }

    /// <summary>
    /// Resolves the address, connects, and runs <paramref name="body"/>; an <see cref="RpcException"/> escaping
    /// it is reported on stderr and becomes the exit code (<see cref="Report"/>).
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext context,
        ParseResult parseResult,
        CommonOptions options,
        TimeSpan defaultTimeout,
        Func<ServerConnection, Task<int>> body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(body);
        if (!TryResolveAddress(parseResult.GetValue(options.Server), context.GetEnvironmentVariable(EnvironmentVariable), out var address, out var error))
        {
            context.WriteError(error);
            return ExitCodes.Usage;
        }

        var timeout = parseResult.GetValue(options.Timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaultTimeout;
        using var connection = new ServerConnection(address, timeout, context.HttpHandler);
        try
        {
            return await body(connection).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            return connection.Report(ex, context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.WriteErrorLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>
    /// Prints what <paramref name="exception"/> means and returns the exit code: <see cref="ExitCodes.Unavailable"/>
    /// with a hint on starting the server, <see cref="ExitCodes.Cancelled"/> after Ctrl+C, otherwise
    /// <see cref="ExitCodes.ServerError"/> with <c>Error: CODE_NAME: detail</c>.
    /// </summary>
    public int Report(RpcException exception, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        if (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            context.WriteErrorLine("Cancelled.");
            return ExitCodes.Cancelled;
        }

        if (exception.StatusCode == StatusCode.Unavailable)
        {
            context.WriteErrorLine("[red]" + Markup.Escape(DescribeUnavailable(exception)) + "[/]");
            return ExitCodes.Unavailable;
        }

        context.WriteError(Describe(exception));
        return ExitCodes.ServerError;
    }

    /// <summary><c>CODE_NAME: detail</c>, with a hint when the deadline passed.</summary>
    public string Describe(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = exception.Status.Detail;
        var message = StatusName(exception.StatusCode) + ": " + (string.IsNullOrWhiteSpace(detail) ? "(no detail)" : detail.TrimEnd());
        if (exception.StatusCode == StatusCode.DeadlineExceeded)
        {
            message += $" (waited {Timeout.TotalSeconds:0.#} s; allow longer with --timeout)";
        }

        return message;
    }

    /// <summary>The message for a server that cannot be reached, naming the address, the cause and what to do.</summary>
    public string DescribeUnavailable(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"Cannot reach the TM server at {DisplayAddress}: {UnavailableCause(exception)}. "
            + "Start it with `dotnet run --project src/TM.Server` or point --server / TM_SERVER at a running server.";
    }

    /// <summary>The gRPC spelling of a status code: <c>InvalidArgument</c> → <c>INVALID_ARGUMENT</c>.</summary>
    public static string StatusName(StatusCode code)
    {
        var name = code.ToString();
        if (name == "OK")
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>The address without the trailing slash <see cref="Uri"/> adds.</summary>
    public static string Display(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.ToString();
        return address.AbsolutePath == "/" && string.IsNullOrEmpty(address.Query) ? text.TrimEnd('/') : text;
    }

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();

    private static string UnavailableCause(RpcException exception)
    {
        for (Exception? inner = exception.Status.DebugException ?? exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    SocketError.ConnectionReset => "connection reset",
                    _ => socket.Message.TrimEnd('.'),
                };
            }
        }

        // The channel may report the cause only in the status detail.
        var detail = exception.Status.Detail ?? "";
        if (detail.Contains("refused", StringComparison.OrdinalIgnoreCase))
        {
            return "connection refused";
        }

        if (detail.Contains("name or service not known", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("no such host", StringComparison.OrdinalIgnoreCase))
        {
            return "host not found";
        }

        return string.IsNullOrWhiteSpace(detail) ? "the server is unavailable" : detail.Trim().TrimEnd('.');
    }
}
