using System.Runtime.ExceptionServices;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>Streams aligned pairs to <c>ImportSegments</c>, one message per pair, as <c>tm import</c> does for a TSV file.</summary>
internal static class SegmentUpload
{
    /// <summary>Sends the pairs and returns the server's answer, which comes once the stream is committed.</summary>
    /// <exception cref="Grpc.Core.RpcException">The server refused a pair or failed; it then stored nothing from the stream.</exception>
    public static async Task<ImportSegmentsResponse> SendAsync(
        TranslationMemory.TranslationMemoryClient client, IEnumerable<CatalogPair> pairs, string memory, DateTime deadline)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pairs);
        using var call = client.ImportSegments(deadline: deadline);
        ExceptionDispatchInfo? writeFailure = null;
        try
        {
            var first = true;
            foreach (var pair in pairs)
            {
                // The server reads the memory from the first message only.
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest
                {
                    Memory = first ? memory : "",
                    Ko = pair.Korean,
                    En = pair.English,
                    Origin = pair.Catalog,
                });
                first = false;
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e)
        {
            // As for TMX: the call's status says why the write failed.
            writeFailure = ExceptionDispatchInfo.Capture(e);
        }
        var response = await call.ResponseAsync;
        writeFailure?.Throw();
        return response;
    }
}
