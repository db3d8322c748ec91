using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace TM.Benchmarks;

/// <summary>
/// A full, blocking garbage collection in another .NET process, and its managed heap right after — what
/// <c>dotnet-gcdump</c> does to start a heap dump, without the dump: an EventPipe session over the runtime's diagnostic
/// port enabling the runtime provider's <c>GCHeapCollect</c> keyword makes the runtime induce a gen 2 collection, and
/// the <c>GCHeapStats</c> event that ends it gives the size of every generation. The server needs no hook of its own.
/// </summary>
/// <remarks>
/// The diagnostics client and TraceEvent come with BenchmarkDotNet (their versions are its dependencies').
/// </remarks>
internal static class InducedCollection
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    /// <summary>Makes process <paramref name="pid"/> collect every generation and returns its managed heap afterwards, in bytes.</summary>
    /// <exception cref="InvalidOperationException">No induced collection was seen within <paramref name="timeout"/>.</exception>
    public static async Task<long> CollectAsync(int pid, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(pid);
        EventPipeProvider[] providers = [new(RuntimeProvider, EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)];
        using var session = client.StartEventPipeSession(providers, requestRundown: false, circularBufferMB: 64);
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        // The session also sees collections the process was doing anyway: the one wanted starts as induced, gen 2.
        source.Clr.GCStart += e => induced |= e.Reason == GCReason.Induced && e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (induced)
                heap.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
        };
        Task reading = Task.Run(source.Process);
        try
        {
            return await heap.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"process {pid} reported no induced full collection within {Units.Seconds(timeout)}.");
        }
        finally
        {
            session.Stop();
            await reading.WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
