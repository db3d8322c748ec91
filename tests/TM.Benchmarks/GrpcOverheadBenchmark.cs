using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Grpc.Core;
using Grpc.Net.Client;

namespace TM.Benchmarks;

/// <summary>
/// What the gRPC stack itself (grpc-dotnet) costs per unary call, with no TM work behind it: an in-process Kestrel server (
/// AddGrpc/MapGrpcService, h2c on a loopback port) whose one method returns a fixed byte array, called through
/// Grpc.Net.Client's GrpcChannel by 1 to 64 concurrent callers, on one channel and on several. Client and server share the
/// cores, as they do in the <c>seeds</c> benchmark, so CPU per call (both sides together) is what bounds
/// the throughput; a real Lookup adds its own cost on top.
/// </summary>
internal static class GrpcOverheadBenchmark
{
    private const string Command = "grpc-overhead";
    private const string ServiceName = "tm.bench.Overhead";

    private static readonly Marshaller<byte[]> BytesMarshaller = Marshallers.Create((byte[] bytes) => bytes, bytes => bytes);

    private static readonly Method<byte[], byte[]> EchoMethod = new(MethodType.Unary, ServiceName, "Echo", BytesMarshaller, BytesMarshaller);

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var seconds = arguments.GetInt("seconds", 5, max: 600);
        var warmupSeconds = arguments.GetInt("warmup", 1, min: 0, max: 60);
        var channelCount = arguments.GetInt("channels", 4, min: 2, max: 64);
        var requestBytes = arguments.GetInt("request-bytes", 100, min: 0, max: 4 * 1024 * 1024);
        var responseBytes = arguments.GetInt("response-bytes", 500, min: 0, max: 4 * 1024 * 1024);
        var onlyCallers = arguments.GetInt("callers", 0, min: 0, max: 1024);
        arguments.ThrowIfUnknown();

        // Created first: its header records the load average before this benchmark adds its own.
        var report = new MarkdownReport(onlyCallers == 0 ? Command : $"{Command}-{onlyCallers}", "gRPC overhead (grpc-dotnet) — trivial unary calls over loopback h2c");

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        OverheadService.Response = Task.FromResult(Filled(responseBytes));
        var request = Filled(requestBytes);

        // (callers, channels): every caller count on one shared channel, then spread over several.
        var scenarios = new List<(int Callers, int Channels)>();
        foreach (var callers in onlyCallers == 0 ? [1, 4, 16, 64] : new[] { onlyCallers })
        {
            scenarios.Add((callers, 1));
            if (callers > 1)
                scenarios.Add((callers, Math.Min(callers, channelCount)));
        }

        await using var app = await StartServerAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Log($"server on {address}; {scenarios.Count} runs of {warmupSeconds} s warm-up + {seconds} s");

        var rows = new List<IReadOnlyList<string>>();
        foreach (var (callers, channels) in scenarios)
        {
            var grpcChannels = Enumerable.Range(0, channels).Select(_ => GrpcChannel.ForAddress(address)).ToArray();
            try
            {
                var invokers = grpcChannels.Select(channel => channel.CreateCallInvoker()).ToArray();
                if (warmupSeconds > 0)
                    await RunCallersAsync(invokers, callers, request, TimeSpan.FromSeconds(warmupSeconds));
                Log($"{callers} caller(s) on {channels} channel(s)");
                var run = await RunCallersAsync(invokers, callers, request, TimeSpan.FromSeconds(seconds));
                var latency = run.Latency.Summarize();
                rows.Add(
                [
                    callers.ToString(CultureInfo.InvariantCulture),
                    channels.ToString(CultureInfo.InvariantCulture),
                    Units.Count(latency.Count),
                    Units.PerSecond(latency.Count / run.Elapsed.TotalSeconds),
                    Units.Duration(latency.P50),
                    Units.Duration(latency.P99),
                    Units.Duration(run.CpuTime.TotalMicroseconds / latency.Count),
                    Units.Bytes((double)run.AllocatedBytes / latency.Count),
                    Units.Count(run.Gen0Collections),
                ]);
            }
            finally
            {
                foreach (var channel in grpcChannels)
                    channel.Dispose();
            }
        }

        report.Paragraph(
            $"An in-process Kestrel server (HTTP/2 only, 127.0.0.1, port 0, AddGrpc + MapGrpcService) with one unary method that returns a fixed " +
            $"{Units.Bytes(responseBytes)} byte array for a {Units.Bytes(requestBytes)} request; marshallers pass byte arrays through, so no " +
            "serialization is timed. The service is not registered in DI, so each call activates an instance, as the TM server's services are. " +
            $"Each caller sends its next call when the previous one returns, for {seconds} s after a {warmupSeconds} s warm-up; callers are spread " +
            $"round-robin over the channels, each channel its own SocketsHttpHandler and HTTP/2 connection. Client and server share the machine's " +
            $"{Environment.ProcessorCount} cores.");
        report.Table(["Callers", "Channels", "Calls", "Throughput", "p50", "p99", "CPU/call", "Alloc/call", "Gen0 GCs"], rows);
        report.Paragraph(
            "CPU/call is the process's CPU time (client and server, all threads) divided by the calls; Alloc/call is the managed allocation " +
            "of both sides per call. With both sides on the same cores, the throughput ceiling is about cores ÷ CPU/call.");
        report.Publish();
        Log("done");
        return 0;
    }

    private static async Task<WebApplication> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        // Logging is not what is measured; the TM server logs warnings and errors only, and none happen here.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<OverheadService>();
        await app.StartAsync();
        return app;
    }

    private static async Task<CallerRun> RunCallersAsync(CallInvoker[] invokers, int callers, byte[] request, TimeSpan duration)
    {
        var recorders = Enumerable.Range(0, callers).Select(_ => new LatencyRecorder(64 * 1024)).ToArray();
        using var stop = new CancellationTokenSource();
        var gen0Before = GC.CollectionCount(0);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var tasks = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            var invoker = invokers[c % invokers.Length];
            var recorder = recorders[c];
            tasks[c] = Task.Run(() => CallUntilStoppedAsync(invoker, request, recorder, stop.Token));
        }

        await Task.Delay(duration);
        stop.Cancel();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new CallerRun(LatencyRecorder.Merge(recorders), elapsed, cpu, allocated, GC.CollectionCount(0) - gen0Before);
    }

    private static async Task CallUntilStoppedAsync(CallInvoker invoker, byte[] request, LatencyRecorder recorder, CancellationToken stop)
    {
        // The stop token is checked between calls, not passed to them: a call is never cut short and never pays for a registration.
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            using (var call = invoker.AsyncUnaryCall(EchoMethod, host: null, default, request))
                await call.ResponseAsync.ConfigureAwait(false);
            recorder.RecordSince(start);
        }
    }

    private static byte[] Filled(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private sealed record CallerRun(LatencyRecorder Latency, TimeSpan Elapsed, TimeSpan CpuTime, long AllocatedBytes, int Gen0Collections);

    /// <summary>
    /// A service base shaped like generated code: BindService reports the method, and grpc-dotnet binds it to the
    /// override of the virtual method this type declares.
    /// </summary>
    [BindServiceMethod(typeof(OverheadServiceBase), nameof(BindService))]
    private abstract class OverheadServiceBase
    {
        public static void BindService(ServiceBinderBase binder, OverheadServiceBase? service)
            => binder.AddMethod(EchoMethod, service is null ? null : new UnaryServerMethod<byte[], byte[]>(service.Echo));

        public virtual Task<byte[]> Echo(byte[] request, ServerCallContext context) => throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }

    private sealed class OverheadService : OverheadServiceBase
    {
        /// <summary>The one response, completed up front so the handler allocates nothing.</summary>
        public static Task<byte[]> Response { get; set; } = Task.FromResult(Array.Empty<byte>());

        public override Task<byte[]> Echo(byte[] request, ServerCallContext context) => Response;
    }
}
