using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Imports;

/// <summary>Sends an ImportSegments stream and returns the answer; a refused stream throws the call's status.</summary>
public static class SegmentStreams
{
    public static async Task<ImportSegmentsResponse> ImportSegmentsAsync(
        this TranslationMemory.TranslationMemoryClient client, IEnumerable<ImportSegmentsRequest> messages, Metadata? headers = null)
    {
        using var call = client.ImportSegments(headers);
        try
        {
            foreach (var message in messages)
                await call.RequestStream.WriteAsync(message);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call early: its status is the answer's.
        }
        return await call.ResponseAsync;
    }
}
