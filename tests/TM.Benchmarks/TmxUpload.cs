using System.Runtime.ExceptionServices;
using Google.Protobuf;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// Streams a TMX file to <c>ImportTmx</c> as the <c>tm import</c> client does: raw bytes in 64 KB messages, the first
/// one naming the memory and the file. <see cref="BytesSent"/> can be read from another thread for progress lines.
/// </summary>
internal sealed class TmxUpload
{
    /// <summary>The chunk size of the <c>tm</c> client (ImportCommand).</summary>
    public const int ChunkSize = 64 * 1024;

    private long _bytesSent;

    /// <summary>Bytes handed to the call so far; the server's pipe holds at most 1 MB of them unparsed.</summary>
    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>Sends the file and returns the server's answer, which comes once every batch is committed.</summary>
    /// <exception cref="Grpc.Core.RpcException">The server refused the file or failed.</exception>
    public async Task<ImportTmxResponse> SendAsync(TranslationMemory.TranslationMemoryClient client, string path, string memory, DateTime deadline)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        using var call = client.ImportTmx(deadline: deadline);
        ExceptionDispatchInfo? writeFailure = null;
        try
        {
            var buffer = new byte[ChunkSize];
            var first = true;
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
            {
                var message = new ImportTmxRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) };
                if (first)
                {
                    message.Memory = memory;
                    message.FileName = Path.GetFileName(path);
                    first = false;
                }
                await call.RequestStream.WriteAsync(message);
                Interlocked.Add(ref _bytesSent, read);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e)
        {
            // A server that rejects the file midway fails the next write; the reason is in the call's status,
            // which awaiting the response throws. The write's own exception is only the symptom.
            writeFailure = ExceptionDispatchInfo.Capture(e);
        }
        var response = await call.ResponseAsync;
        writeFailure?.Throw();
        return response;
    }
}
