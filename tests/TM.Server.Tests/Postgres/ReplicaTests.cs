using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TM.Protos.V1;
using TM.Storage.Postgres.Tests;

namespace TM.Server.Tests.Postgres;

/// <summary>Two real servers on one PostgreSQL database, each with its own data directory: replicas behind a load balancer.</summary>
public sealed class ReplicaTests : IDisposable
{
    // Far above the measured delay (milliseconds; see the perf benchmark), so only a replica that never catches up fails.
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(20);

    // Issue 18's bar stops PostgreSQL for 30 s; the suite holds it down for 5 s, which takes every path the longer
    // outage takes (TM_TEST_OUTAGE_SECONDS=30 runs the bar's length: passed, 2026-12-07).
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("TM_TEST_OUTAGE_SECONDS"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 5);

    private readonly TemporaryPostgresDatabase _database = new();
    private readonly List<string> _dataDirectories = [];

    [Fact]
    public async Task Pairs_imported_in_batches_through_one_replica_are_each_found_by_lookup_on_the_other()
    {
        await using var a = await StartAsync(_database.ConnectionString);
        await using var b = await StartAsync(_database.ConnectionString);
        const int batches = 4, perBatch = 250;

        for (var batch = 0; batch < batches; batch++)
        {
            using var call = a.Client.ImportSegments();
            for (var i = batch * perBatch; i < (batch + 1) * perBatch; i++)
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "shared", Ko = Korean(i), En = English(i) });
            await call.RequestStream.CompleteAsync();
            Assert.Equal(perBatch, (await call.ResponseAsync).PairsStored);
        }
        await WaitUntilAsync(() => b.Catalog.Find("shared")?.Korean.Count == batches * perBatch);
        var request = new LookupBatchRequest { Memory = "shared", MinScore = 100, MaxResults = 1 };
        for (var i = 0; i < batches * perBatch; i++)
            request.Texts.Add(Korean(i));
        var found = await b.Client.LookupBatchAsync(request);

        Assert.Equal(batches * perBatch, found.Results.Count);
        for (var i = 0; i < found.Results.Count; i++)
            Assert.Equal(English(i), Assert.Single(found.Results[i].Matches).Target);
    }

    [Fact]
    public async Task Edits_deletes_and_memory_changes_on_either_replica_reach_the_other()
    {
        await using var a = await StartAsync(_database.ConnectionString);
        await using var b = await StartAsync(_database.ConnectionString);
        await a.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "talks", Settings = new MemorySettings { Description = "armistice talks", MinScore = 60 } });
        var added = await a.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "talks", Ko = Korean(1), En = English(1) });
        var kept = await a.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "talks", Ko = Korean(2), En = English(2) });

        // A memory created on A is known to B, with its settings, and holds what A added.
        await WaitUntilAsync(() => b.Catalog.Find("talks")?.Korean.Count == 2);
        var described = (await b.Client.ListMemoriesAsync(new ListMemoriesRequest())).Memories.Single(m => m.Name == "talks");
        Assert.Equal("armistice talks", described.Settings.Description);

        // Edited on B, found edited on A.
        await b.Client.UpdateSegmentAsync(new UpdateSegmentRequest { Memory = "talks", SegmentId = added.SegmentId, En = "Edited on the second replica.", Version = added.Version });
        await WaitUntilAsync(async () => (await ExactAsync(a, "talks", Korean(1)))?.Target == "Edited on the second replica.");

        // Deleted on A, gone from B.
        await a.Client.DeleteSegmentAsync(new DeleteSegmentRequest { Memory = "talks", SegmentId = kept.SegmentId, Version = kept.Version });
        await WaitUntilAsync(async () => await ExactAsync(b, "talks", Korean(2)) is null);

        // Renamed and reconfigured on A: B answers under the new name with the new settings.
        await a.Client.RenameMemoryAsync(new RenameMemoryRequest { Name = "talks", NewName = "panmunjom" });
        await a.Client.UpdateMemoryAsync(new UpdateMemoryRequest { Name = "panmunjom", Settings = new MemorySettings { Description = "renamed", MinScore = 60 } });
        await WaitUntilAsync(() => b.Catalog.Find("panmunjom")?.Settings.Description == "renamed");
        Assert.Null(b.Catalog.Find("talks"));
        Assert.Equal("Edited on the second replica.", (await ExactAsync(b, "panmunjom", Korean(1)))?.Target);

        // Deleted on B, gone from A.
        await b.Client.DeleteMemoryAsync(new DeleteMemoryRequest { Name = "panmunjom" });
        await WaitUntilAsync(() => a.Catalog.Find("panmunjom") is null);
    }

    [Fact]
    public async Task A_replica_started_later_loads_what_the_other_committed_and_then_follows_it()
    {
        await using var a = await StartAsync(_database.ConnectionString);
        await a.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "late" });
        await a.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "late", Ko = Korean(1), En = English(1) });

        await using var b = await StartAsync(_database.ConnectionString);
        Assert.Equal(English(1), (await ExactAsync(b, "late", Korean(1)))?.Target);
        await a.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "late", Ko = Korean(2), En = English(2) });

        await WaitUntilAsync(async () => (await ExactAsync(b, "late", Korean(2)))?.Target == English(2));
    }

    [Fact]
    public async Task A_key_made_on_one_replica_works_on_the_other_and_once_revoked_there_is_refused_by_both()
    {
        await using var a = await StartAsync(_database.ConnectionString);
        await using var b = await StartAsync(_database.ConnectionString);
        // Both start open (no keys, loopback); the first key, made on A, ends that on B too.
        var admin = await a.Administration.CreateKeyAsync(new CreateKeyRequest { Name = "lead", Role = KeyRole.Admin });
        var reader = await a.Administration.CreateKeyAsync(new CreateKeyRequest { Name = "reviewer", Role = KeyRole.Read },
            new Metadata { { "authorization", "Bearer " + admin.Secret } });
        var asReader = new Metadata { { "authorization", "Bearer " + reader.Secret } };
        await WaitUntilAsync(async () => await StatusOfListAsync(b, null) == StatusCode.Unauthenticated);
        Assert.Equal(StatusCode.OK, await StatusOfListAsync(b, asReader));

        await a.Administration.RevokeKeyAsync(new RevokeKeyRequest { Name = "reviewer" }, new Metadata { { "authorization", "Bearer " + admin.Secret } });

        Assert.Equal(StatusCode.Unauthenticated, await StatusOfListAsync(a, asReader));
        await WaitUntilAsync(async () => await StatusOfListAsync(b, asReader) == StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_term_added_on_one_replica_is_recognised_in_lookups_on_the_other()
    {
        await using var a = await StartAsync(_database.ConnectionString);
        await using var b = await StartAsync(_database.ConnectionString);
        await a.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "terms" });
        await a.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "terms", Ko = Korean(1), En = English(1) });
        await WaitUntilAsync(() => b.Catalog.Find("terms")?.Korean.Count == 1);
        Assert.Empty((await b.Client.LookupAsync(new LookupRequest { Memory = "terms", Text = Korean(1) })).QueryTerms);

        await a.Client.AddTermAsync(new AddTermRequest { Memory = "terms", Entry = new TermEntry { Ko = "송환", En = "repatriation" } });

        // B rebuilds a termbase older than TermbaseCatalog.SharedRefreshAfter (5 s) in the background: within seconds.
        await WaitUntilAsync(async () =>
            (await b.Client.LookupAsync(new LookupRequest { Memory = "terms", Text = Korean(1) })).QueryTerms.Any(t => t.Translation == "repatriation"));
    }

    [Fact]
    public async Task Postgres_stopped_under_two_replicas_fails_writes_with_unavailable_flags_health_and_both_recover_with_nothing_lost()
    {
        using var cluster = new PostgresCluster();
        await using var a = await StartAsync(cluster.ConnectionString);
        await using var b = await StartAsync(cluster.ConnectionString);
        await a.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "outage" });
        for (var i = 0; i < 20; i++)
            await a.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "outage", Ko = Korean(i), En = English(i) });
        await WaitUntilAsync(() => b.Catalog.Find("outage")?.Korean.Count == 20);

        cluster.Halt();
        var health = await b.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Entries["tm.store"].Status);
        // Throughout the outage, on both replicas: every write fails cleanly, every read answers from what each has.
        var outage = Stopwatch.StartNew();
        var (reads, writes) = (0, 0);
        for (var i = 0; outage.Elapsed < OutageLength; i++)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                a.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "outage", Ko = Korean(100), En = English(100) }).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            Assert.StartsWith("The shared database (PostgreSQL) cannot be reached", refused.Status.Detail);
            writes++;
            Assert.Equal(English(i % 20), (await ExactAsync(b, "outage", Korean(i % 20)))?.Target);
            Assert.Equal(English((i + 7) % 20), (await ExactAsync(a, "outage", Korean((i + 7) % 20)))?.Target);
            var hits = await b.Client.ConcordanceAsync(new ConcordanceRequest { Memory = "outage", Term = $"plenary session {(i % 20).ToString(CultureInfo.InvariantCulture)}" });
            Assert.Equal(Korean(i % 20), Assert.Single(hits.Hits).Ko);
            Assert.Contains((await a.Client.ListMemoriesAsync(new ListMemoriesRequest())).Memories, m => m.Name == "outage" && m.Segments == 20);
            reads += 4;
            await Task.Delay(100);
        }
        Assert.True(reads > 0 && writes > 0);

        cluster.Resume();
        // Writes work again once the pool reconnects, and what is written then reaches the other replica.
        await WaitUntilAsync(async () => await TryAddAsync(a, 100));
        await WaitUntilAsync(() => b.Catalog.Find("outage")?.Korean.Count == 21);
        for (var i = 0; i < 20; i++)
            Assert.Equal(English(i), (await ExactAsync(b, "outage", Korean(i)))?.Target);
        Assert.Equal(English(100), (await ExactAsync(b, "outage", Korean(100)))?.Target);
        health = await b.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["tm.store"].Status);
    }

    public void Dispose()
    {
        _database.Dispose();
        foreach (var directory in _dataDirectories)
            Directory.Delete(directory, recursive: true);
    }

    private static string Korean(int i) => $"제{i.ToString(CultureInfo.InvariantCulture)}차 본회의에서 포로 송환 문제가 다시 논의되었다.";

    private static string English(int i) => $"The repatriation of prisoners was discussed again at plenary session {i.ToString(CultureInfo.InvariantCulture)}.";

    private static async Task<Match?> ExactAsync(RunningServer server, string memory, string korean)
    {
        var found = await server.Client.LookupAsync(new LookupRequest { Memory = memory, Text = korean, MinScore = 100, MaxResults = 1 });
        return found.Matches.Count == 0 ? null : found.Matches[0];
    }

    private static async Task<StatusCode> StatusOfListAsync(RunningServer server, Metadata? headers)
    {
        try
        {
            await server.Client.ListMemoriesAsync(new ListMemoriesRequest(), headers);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<bool> TryAddAsync(RunningServer server, int i)
    {
        try
        {
            await server.Client.AddSegmentAsync(new AddSegmentRequest { Memory = "outage", Ko = Korean(i), En = English(i) });
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return false;
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < CatchUpLimit, $"Not caught up after {CatchUpLimit.TotalSeconds:F0} s.");
            await Task.Delay(20);
        }
    }

    private Task<RunningServer> StartAsync(string connectionString)
    {
        var directory = Directory.CreateTempSubdirectory("tm-replica-").FullName;
        _dataDirectories.Add(directory);
        return RunningServer.StartAsync(directory, "--no-seeds", "--store", connectionString);
    }
}
