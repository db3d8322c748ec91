using Grpc.Core;
using TM.Interchange;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>The pairs a memory holds, in id order (as ExportTmx writes them), read back through the real API.</summary>
internal static class StoredPairs
{
    public static async Task<List<TranslationUnit>> ReadAsync(TranslationMemory.TranslationMemoryClient client, string memory = "")
    {
        using var call = client.ExportTmx(new ExportTmxRequest { Memory = memory });
        using var buffer = new MemoryStream();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
            chunk.Chunk.WriteTo(buffer);
        buffer.Position = 0;
        using var reader = new TmxReader(buffer);
        reader.ReadHeader();
        return [.. reader.ReadUnits()];
    }
}
