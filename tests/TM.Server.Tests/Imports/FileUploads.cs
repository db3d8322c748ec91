using Google.Protobuf;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Imports;

/// <summary>What an ImportFile call answered: every progress message, and the error that ended it, if any.</summary>
public sealed record UploadResult(IReadOnlyList<ImportProgress> Progress, RpcException? Error)
{
    public ImportProgress Last => Progress[^1];
}

/// <summary>Drives ImportFile the way a client does: sends the file in chunks while it reads the acknowledgments.</summary>
public static class FileUploads
{
    /// <param name="header">The first message's fields (memory, file name, format, policy, resume id); its chunk is ignored.</param>
    /// <param name="breakAfter">When it returns true for a progress message, the call is cancelled right there (a broken connection).</param>
    /// <param name="sendOnly">Bytes to send before waiting for <paramref name="breakAfter"/> to break the call; null sends the whole file.</param>
    /// <param name="headers">The call's metadata (an API key), or null.</param>
    public static async Task<UploadResult> ImportFileAsync(
        TranslationMemory.TranslationMemoryClient client, ImportFileRequest header, byte[] file, int chunkSize = 64 * 1024,
        Func<ImportProgress, bool>? breakAfter = null, int? sendOnly = null, Metadata? headers = null)
    {
        var end = sendOnly ?? file.Length;
        using var cancel = new CancellationTokenSource();
        using var call = client.ImportFile(headers, cancellationToken: cancel.Token);
        var progress = new List<ImportProgress>();
        var reading = Task.Run(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                progress.Add(call.ResponseStream.Current);
                if (breakAfter?.Invoke(call.ResponseStream.Current) == true)
                {
                    await cancel.CancelAsync();
                    return;
                }
            }
        });

        Exception? writeError = null;
        try
        {
            var offset = 0;
            do
            {
                var length = Math.Min(chunkSize, end - offset);
                var message = offset == 0 ? header.Clone() : new ImportFileRequest();
                message.Chunk = ByteString.CopyFrom(file, offset, length);
                await call.RequestStream.WriteAsync(message);
                offset += length;
            }
            while (offset < end && !cancel.IsCancellationRequested);
            if (sendOnly is not null)
            {
                // The rest of the file never comes: the call breaks when breakAfter says so.
                if (await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(60))) != reading)
                {
                    await cancel.CancelAsync();
                    throw new TimeoutException($"breakAfter never said to break the call after {sendOnly} bytes ({progress.Count} progress messages).");
                }
            }
            else if (!cancel.IsCancellationRequested)
            {
                await call.RequestStream.CompleteAsync();
            }
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            // The server ended the call while we were sending (a damaged file, a refused resume, a killed server),
            // or we broke it: the status the response stream ends with says which.
            writeError = e;
        }

        try
        {
            await reading;
        }
        catch (RpcException e)
        {
            return new UploadResult(progress, e);
        }
        if (writeError is not null && !cancel.IsCancellationRequested)
            return new UploadResult(progress, writeError as RpcException ?? new RpcException(new Status(StatusCode.Unavailable, writeError.Message)));
        return new UploadResult(progress, null);
    }

    public static ImportFileRequest Header(string memory, string fileName, string format = "") =>
        new() { Memory = memory, FileName = fileName, Format = format };
}
