using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Server.Services;
using TM.Server.Tests.Imports;
using Xunit.Abstractions;

namespace TM.Server.Tests.Durability;

/// <summary>
/// Fifty clients at once, each streaming ImportSegments pairs of the largest size, never ending their streams: the
/// server's memory stays under its documented bound, nothing is stored, and other clients' lookups keep answering.
/// </summary>
public sealed class HostileClientTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// The bound README states for what hostile import streams can add to a server's resident memory: four streams at
    /// their cap (8 million characters: 16 MB of strings, as much again in the messages being read) and the connections'
    /// buffers. Measured: 73 MB above the idle server (96 MB before, 169 MB peak; the test prints it).
    /// </summary>
    public const long BoundMegabytes = 300;

    private const int Clients = 50;

    private readonly string _directory = Directory.CreateTempSubdirectory("tm-hostile-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Fifty_endless_streams_of_the_largest_pairs_stay_within_the_memory_bound_while_lookups_answer()
    {
        await using var server = await ServerProcess.StartAsync(_directory);
        await server.Client.ImportSegmentsAsync([new ImportSegmentsRequest { Memory = "lookups", Ko = "따라서 휴전 협정은 7월 26일 체결될 수 있었다.", En = "Thus the armistice was signed on 26 July." }]);
        var before = ResidentMegabytes(server.Id, "VmRSS");

        using var stop = new CancellationTokenSource();
        var lookups = LookUpUntilAsync(server, stop.Token);
        // The hostile clients come on connections of their own, as other clients would: the server resets a connection
        // whose client goes on sending on streams it refused, and that must not be the lookups' connection.
        using var hostile = GrpcChannel.ForAddress(server.Address);
        var client = new TranslationMemory.TranslationMemoryClient(hostile);
        var streams = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(() => StreamUntilRefusedAsync(client))));
        await stop.CancelAsync();
        var (answered, failed) = await lookups;
        var peak = ResidentMegabytes(server.Id, "VmHWM");

        output.WriteLine($"server RSS: {before:N0} MB before, peak {peak:N0} MB with {Clients} hostile streams (bound: {before:N0} + {BoundMegabytes} MB); " +
            $"streams ended: {string.Join(", ", streams.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"))}; lookups meanwhile: {answered} answered, {failed} failed");
        Assert.All(streams, status => Assert.NotEqual(StatusCode.OK, status));
        Assert.Contains(StatusCode.ResourceExhausted, streams);
        Assert.InRange(peak - before, 0, BoundMegabytes);
        Assert.True(answered > 0 && failed == 0, $"{answered} lookups answered, {failed} failed");
        var stats = await server.Client.GetStatsAsync(new GetStatsRequest());
        Assert.DoesNotContain(stats.Memories, m => m.Memory == "hostile");
    }

    // Writes pairs of the largest size until the server ends the call; returns the status it ended with.
    private static async Task<StatusCode> StreamUntilRefusedAsync(TranslationMemory.TranslationMemoryClient client)
    {
        var pair = new ImportSegmentsRequest { Memory = "hostile", Ko = new string('가', RequestLimits.MaxSentenceLength), En = new string('전', RequestLimits.MaxSentenceLength) };
        using var call = client.ImportSegments();
        try
        {
            while (true)
            {
                await call.RequestStream.WriteAsync(pair);
                pair = new ImportSegmentsRequest { Ko = pair.Ko, En = pair.En };
            }
        }
        catch (RpcException)
        {
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            // grpc-dotnet refuses a write to a call that has ended, and does not wrap every transport error.
        }
        try
        {
            await call.ResponseAsync;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<(int Answered, int Failed)> LookUpUntilAsync(ServerProcess server, CancellationToken stop)
    {
        var answered = 0;
        var failed = new ConcurrentBag<Exception>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var response = await server.Client.LookupAsync(new LookupRequest { Memory = "lookups", Text = "따라서 휴전 협정은 7월 26일 체결될 수 있었다." },
                    deadline: DateTime.UtcNow.AddSeconds(10));
                if (response.Matches.Count == 1)
                    answered++;
            }
            catch (RpcException e)
            {
                failed.Add(e);
            }
            await Task.Delay(20, CancellationToken.None);
        }
        return (answered, failed.Count);
    }

    // VmRSS (now) or VmHWM (the peak) of a process, from the kernel, in MB.
    private static long ResidentMegabytes(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        throw new InvalidOperationException($"{field} not in /proc/{processId}/status");
    }
}
