using System.Diagnostics;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// Waits until a freshly started server answers a Lookup — the moment a CAT tool could use it — by retrying every
/// 10 ms while the port is still closed. The server indexes every memory before it listens (TmServerApp), so the
/// time from process start to the first answer is the whole cold start: runtime start-up, index load, JIT.
/// </summary>
internal static class LookupProbe
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Returns the time from the server's process start until a Lookup of <paramref name="query"/> was answered; with
    /// <paramref name="requireMatch"/>, until an answer held a match (a replica that listens before it has loaded the memory).
    /// </summary>
    /// <exception cref="InvalidOperationException">The server exited, or did not answer within <paramref name="timeout"/>; the message holds its last output.</exception>
    public static async Task<TimeSpan> WaitForAnswerAsync(
        ServerProcess server, TranslationMemory.TranslationMemoryClient client, BenchmarkQuery query, TimeSpan timeout, Action<string> log, bool requireMatch = false)
    {
        var request = new LookupRequest { Text = query.Text, SourceLang = query.Language, MaxResults = 5, MinScore = 50 };
        var lastProgress = Stopwatch.GetTimestamp();
        string lastFailure = "no attempt yet";
        while (true)
        {
            try
            {
                var response = await client.LookupAsync(request, deadline: DateTime.UtcNow + TimeSpan.FromSeconds(30));
                if (!requireMatch || response.Matches.Count > 0)
                    return Stopwatch.GetElapsedTime(server.StartTimestamp);
                lastFailure = "answered, without a match yet";
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Not listening yet.
                lastFailure = $"{e.StatusCode}: {e.Status.Detail}";
            }

            var waited = Stopwatch.GetElapsedTime(server.StartTimestamp);
            if (server.HasExited)
                throw new InvalidOperationException($"The server exited {Units.Seconds(waited)} after its start, before answering a Lookup. Its last output:{Environment.NewLine}{server.Tail()}");
            if (waited > timeout)
                throw new InvalidOperationException($"The server did not answer a Lookup within {Units.Seconds(timeout)} ({lastFailure}). Its last output:{Environment.NewLine}{server.Tail()}");
            if (Stopwatch.GetElapsedTime(lastProgress) > ProgressInterval)
            {
                lastProgress = Stopwatch.GetTimestamp();
                var memory = ProcessMemory.Read(server.Id);
                log($"  still waiting for the server ({Units.Seconds(waited)} since its start, RSS {(memory is { } m ? Units.Bytes(m.Rss) : "?")}; {lastFailure})");
            }
            await Task.Delay(RetryDelay);
        }
    }
}
