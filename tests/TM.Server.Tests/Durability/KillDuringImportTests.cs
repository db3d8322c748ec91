using System.Diagnostics;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using TM.Protos.V1;
using TM.Server.Tests.Imports;
using Xunit.Abstractions;

namespace TM.Server.Tests.Durability;

/// <summary>
/// SIGKILL in the middle of imports, twenty times each at seeded random points, for ImportFile (batches acknowledged as
/// they commit) and ImportSegments (one transaction): whatever the server acknowledged is stored exactly once, nothing
/// is stored twice or in part, the file is sound, a resumed file import completes the file exactly, and after the
/// restart the search index holds exactly the pairs the database holds.
/// </summary>
public sealed class KillDuringImportTests(ITestOutputHelper output) : IDisposable
{
    private const int Units = 4_000;
    private const int BatchSize = 100;
    private const int Trials = 20;
    private const int StreamPairs = 2_000;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-kill-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Killed_server_keeps_every_acknowledged_pair_once_and_the_import_resumes_to_the_exact_file()
    {
        var random = new Random(20_261_121);
        var file = TestFiles.Tmx(Units);
        var server = await StartAsync();
        try
        {
            for (var trial = 0; trial < Trials; trial++)
            {
                var memory = $"kill-{trial}";
                // Anywhere from before the first acknowledgment to the last batches, plus a little jitter so the
                // kill also lands inside commits rather than only between them.
                var killAfterBatch = random.Next(0, Units / BatchSize - 2);
                var jitter = TimeSpan.FromMilliseconds(random.Next(0, 15));
                var victim = server;
                var killed = 0;
                void KillOnce()
                {
                    if (Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        Thread.Sleep(jitter);
                        victim.Kill();
                    }
                }

                var upload = FileUploads.ImportFileAsync(victim.Client, FileUploads.Header(memory, "kill.tmx"), file, chunkSize: 32 * 1024, breakAfter: p =>
                {
                    if (p.BatchesCommitted >= killAfterBatch)
                        KillOnce();
                    return false;
                });
                if (killAfterBatch == 0)
                    KillOnce();
                var result = await upload;
                KillOnce();
                var acknowledged = result.Progress.Count == 0 ? null : result.Progress[^1];
                output.WriteLine($"trial {trial}: kill after batch {killAfterBatch} (+{jitter.TotalMilliseconds} ms): " +
                    $"{acknowledged?.UnitsCommitted ?? 0} units acknowledged, call ended with {result.Error?.StatusCode.ToString() ?? "no error"}");

                server = await StartAsync();
                var imports = (await server.Client.ListImportsAsync(new ListImportsRequest())).Imports.Where(i => i.Memory == memory).ToList();
                var stored = ReadPairs(memory);

                Assert.Equal("ok", IntegrityCheck());
                Assert.Equal(stored.Count, stored.Distinct().Count());
                Assert.All(stored, pair => Assert.Contains(pair, AllPairs));
                await AssertSearchIndexHoldsExactlyAsync(server, memory);
                var storedSet = stored.ToHashSet();
                for (var i = 0; i < (acknowledged?.UnitsCommitted ?? 0); i++)
                    Assert.Contains((TestFiles.Korean(i), TestFiles.English(i)), storedSet);
                if (imports.Count == 0)
                {
                    // Killed before the file's header was read: nothing recorded, nothing stored.
                    Assert.Null(acknowledged);
                    Assert.Empty(stored);
                    continue;
                }

                var record = Assert.Single(imports);
                Assert.True(record.UnitsCommitted >= (acknowledged?.UnitsCommitted ?? 0));
                Assert.Equal(record.UnitsCommitted, stored.Count); // every unit of this file is a distinct pair
                if (record.Status == "completed")
                    continue; // the kill came after the end
                Assert.Equal("interrupted", record.Status);

                var header = FileUploads.Header(memory, "kill.tmx");
                header.ResumeImportId = record.ImportId;
                var resumed = await FileUploads.ImportFileAsync(server.Client, header, file);

                if (resumed.Error is not null)
                    output.WriteLine(server.Output);
                Assert.Null(resumed.Error);
                Assert.True(resumed.Last.Completed);
                Assert.Equal(Units, resumed.Last.UnitsCommitted);
                Assert.Equal(Units, resumed.Last.PairsStored);
                Assert.Equal(record.UnitsCommitted, resumed.Last.UnitsResumed);
                var complete = ReadPairs(memory);
                Assert.Equal(Units, complete.Count);
                Assert.Equal(AllPairs.Order(), complete.Order());
                await AssertSearchIndexHoldsExactlyAsync(server, memory);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Killed_server_keeps_a_segments_stream_whole_or_not_at_all_and_never_twice()
    {
        var random = new Random(20_261_207);
        var pairs = Enumerable.Range(0, StreamPairs).Select(i => (Ko: TestFiles.Korean(i), En: TestFiles.English(i))).ToList();
        var outcomes = new Dictionary<string, int>();
        var server = await StartAsync();
        try
        {
            // How long a whole stream takes from its first message to its answer on this machine, measured once
            // without a kill: the kills after the stream's end are spread over that much time and a half again.
            var timing = Stopwatch.StartNew();
            await server.Client.ImportSegmentsAsync(pairs.Select((p, i) => new ImportSegmentsRequest { Memory = i == 0 ? "stream-timing" : "", Ko = p.Ko, En = p.En }));
            var window = (int)Math.Max(20, timing.ElapsedMilliseconds * 1.5);
            output.WriteLine($"a whole stream of {StreamPairs} pairs takes {timing.ElapsedMilliseconds} ms to its answer; kills after its end come 0-{window} ms later");
            for (var trial = 0; trial < Trials; trial++)
            {
                var memory = $"stream-kill-{trial}";
                // Half the trials kill while the stream is sent; the others once it is complete, at a random point of the
                // window, which lands before, inside or after the commit of its one transaction.
                var killAfterMessages = random.Next(2) == 0 ? random.Next(1, StreamPairs) : StreamPairs;
                var jitter = TimeSpan.FromMilliseconds(random.Next(0, window));
                var victim = server;
                ImportSegmentsResponse? acknowledged = null;
                using (var call = victim.Client.ImportSegments())
                {
                    try
                    {
                        for (var i = 0; i < pairs.Count; i++)
                        {
                            if (i == killAfterMessages)
                                victim.Kill();
                            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = i == 0 ? memory : "", Ko = pairs[i].Ko, En = pairs[i].En });
                        }
                        await call.RequestStream.CompleteAsync();
                        var answer = call.ResponseAsync;
                        await Task.WhenAny(answer, Task.Delay(jitter));
                        victim.Kill();
                        acknowledged = await answer;
                    }
                    catch (Exception e) when (e is RpcException or InvalidOperationException or IOException or HttpRequestException)
                    {
                        // Killed before the answer: the call fails (grpc-dotnet does not wrap every transport error in an
                        // RpcException); what the server stored is checked below.
                    }
                }

                server = await StartAsync();
                var stored = ReadPairs(memory);
                var outcome = acknowledged is not null ? "acknowledged" : stored.Count == 0 ? "not stored" : "stored, answer lost";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                output.WriteLine($"trial {trial}: kill after {killAfterMessages} messages (+{jitter.TotalMilliseconds} ms): {outcome}, {stored.Count} pairs stored");

                Assert.Equal("ok", IntegrityCheck());
                await AssertSearchIndexHoldsExactlyAsync(server, memory);
                Assert.True(stored.Count == 0 || stored.Count == StreamPairs, $"trial {trial}: {stored.Count} of {StreamPairs} pairs stored; a stream is one transaction");
                Assert.Equal(stored.Count, stored.Distinct().Count());
                if (acknowledged is not null)
                {
                    Assert.Equal(StreamPairs, acknowledged.PairsStored);
                    Assert.Equal(pairs.Order(), stored.Order());
                }
            }
            output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}")));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static readonly HashSet<(string, string)> AllPairs =
        Enumerable.Range(0, Units).Select(i => (TestFiles.Korean(i), TestFiles.English(i))).ToHashSet();

    private Task<ServerProcess> StartAsync() =>
        ServerProcess.StartAsync(_dataDirectory, "--import-batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_dataDirectory, "tm.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private List<(string Ko, string En)> ReadPairs(string memory)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.ko, s.en FROM segments s JOIN memories m ON m.id = s.memory_id WHERE m.name = $memory;";
        command.Parameters.AddWithValue("$memory", memory);
        using var reader = command.ExecuteReader();
        var pairs = new List<(string, string)>();
        while (reader.Read())
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        return pairs;
    }

    // Every test pair holds 휴전, so a concordance for it lists the memory's whole search index: its ids must be the
    // database's, and its total their count (a document the database lacks would count without being shown).
    private async Task AssertSearchIndexHoldsExactlyAsync(ServerProcess server, string memory)
    {
        var expected = ReadIds(memory);
        var found = new List<long>();
        var request = new ConcordanceRequest { Memory = memory, Term = "휴전", Lang = "ko", MaxResults = 500 };
        ConcordanceResponse page;
        do
        {
            try
            {
                page = await ConcordanceOnceCaughtUpAsync(server, request);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // No memory: the kill came before its first import was recorded.
                Assert.Empty(expected);
                return;
            }
            Assert.Equal(expected.Count, page.Total);
            found.AddRange(page.Hits.Select(hit => long.Parse(hit.SegmentId, System.Globalization.CultureInfo.InvariantCulture)));
            request.PageToken = page.NextPageToken;
        }
        while (page.NextPageToken.Length > 0);
        Assert.Equal(expected, found);
        var stats = await server.Client.GetStatsAsync(new GetStatsRequest { Memory = memory });
        Assert.Equal(0, stats.Memories.Single().ConcordancePending);
    }

    // A restarted server takes up the changes since the search index's last commit before it answers concordances, and
    // says UNAVAILABLE after waiting 5 s for that; a client tries again. On a loaded 2-core machine it has taken longer.
    private static async Task<ConcordanceResponse> ConcordanceOnceCaughtUpAsync(ServerProcess server, ConcordanceRequest request)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return await server.Client.ConcordanceAsync(request);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private List<long> ReadIds(string memory)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.id FROM segments s JOIN memories m ON m.id = s.memory_id WHERE m.name = $memory ORDER BY s.id;";
        command.Parameters.AddWithValue("$memory", memory);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    private string IntegrityCheck()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }
}
