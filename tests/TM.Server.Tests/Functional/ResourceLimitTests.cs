using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Services;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Functional;

/// <summary>No call can make the server hold more than a fixed amount: stream caps and the number of imports at once.</summary>
public sealed class ResourceLimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    [Fact]
    public async Task A_segments_stream_past_its_cap_is_resource_exhausted_points_at_ImportFile_and_stores_nothing()
    {
        // Pairs of 10,000 + 10,000 characters: the 401st passes 8 million.
        var ko = new string('가', RequestLimits.MaxSentenceLength);
        var en = new string('a', RequestLimits.MaxSentenceLength);
        var messages = Enumerable.Range(0, 450).Select(i => new ImportSegmentsRequest { Memory = i == 0 ? "capped" : "", Ko = ko, En = en });

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportSegmentsAsync(messages));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("ImportFile", error.Status.Detail);
        Assert.Contains("Message 401", error.Status.Detail);
        var stats = await Client.GetStatsAsync(new GetStatsRequest());
        Assert.DoesNotContain(stats.Memories, m => m.Memory == "capped");
    }

    [Fact]
    public async Task Imports_past_the_number_that_run_at_once_are_refused_until_one_ends()
    {
        await Client.GetStatsAsync(new GetStatsRequest()); // the server is ready: calls no longer wait for it
        var open = new List<AsyncClientStreamingCall<ImportSegmentsRequest, ImportSegmentsResponse>>();
        try
        {
            for (var i = 0; i < RequestLimits.MaxConcurrentImports; i++)
                open.Add(await OpenImportAsync(i));
            var refused = await RefusedImportAsync(open);

            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Contains($"{RequestLimits.MaxConcurrentImports} imports", refused.Status.Detail);

            await open[0].RequestStream.CompleteAsync();
            Assert.Equal(1, (await open[0].ResponseAsync).PairsStored);
            var next = await Client.ImportSegmentsAsync([new ImportSegmentsRequest { Memory = "concurrent", Ko = "다음", En = "next" }]);
            Assert.Equal(1, next.PairsStored);
        }
        finally
        {
            foreach (var call in open)
                call.Dispose();
        }
    }

    private async Task<AsyncClientStreamingCall<ImportSegmentsRequest, ImportSegmentsResponse>> OpenImportAsync(int i)
    {
        var call = Client.ImportSegments();
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "concurrent", Ko = $"문장 {i}", En = $"sentence {i}" });
        return call;
    }

    // The streams hold their slots once the server has their first message, which a write's completion does not
    // promise: a probe can arrive first, take a slot and leave a stream refused. Such a stream is opened again, until
    // all of them hold a slot and the probe is refused.
    private async Task<RpcException> RefusedImportAsync(List<AsyncClientStreamingCall<ImportSegmentsRequest, ImportSegmentsResponse>> open)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            for (var i = 0; i < open.Count; i++)
            {
                if (open[i].ResponseAsync.IsCompleted)
                {
                    open[i].Dispose();
                    open[i] = await OpenImportAsync(i);
                }
            }

            try
            {
                await Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = "concurrent", Name = "d.txt", Text = "전쟁은 끝났다.\n\nThe war ended.\n" });
            }
            catch (RpcException e)
            {
                return e;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"A fifth import was never refused while {RequestLimits.MaxConcurrentImports} streams were open.");
    }
}
