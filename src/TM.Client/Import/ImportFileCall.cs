using System.Runtime.ExceptionServices;
using Google.Protobuf;
using TM.Client.Input;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>
/// One call of ImportFile: streams the file from its first byte in 64 KB chunks while reading the server's
/// acknowledgments as they come. Writing and reading run side by side: the server acknowledges each committed batch
/// while the rest of the file is still arriving.
/// </summary>
internal static class ImportFileCall
{
    /// <summary>Bytes per message; the server parses as they arrive, so the size only trades overhead for latency.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>Sends <paramref name="request"/>'s file once and returns the server's last acknowledgment.</summary>
    /// <param name="client">The TranslationMemory client.</param>
    /// <param name="deadline">When the call gives up.</param>
    /// <param name="request">The file and the first message's fields.</param>
    /// <param name="resumeImportId">The import to carry on with; 0 starts a new one.</param>
    /// <param name="totalBytes">The file's size, announced so the server can echo it.</param>
    /// <param name="onAcknowledged">Called with every acknowledgment, in order, on the reading side.</param>
    /// <param name="cancellationToken">Cancels the call (Ctrl+C).</param>
    /// <returns>The last acknowledgment; <see cref="ImportProgress.Completed"/> is true when the server took the whole file.</returns>
    /// <exception cref="RpcException">The call failed; its status says why.</exception>
    /// <exception cref="InputFileException">The file could not be read.</exception>
    public static async Task<ImportProgress?> RunAsync(
        TranslationMemory.TranslationMemoryClient client,
        DateTime deadline,
        FileImportRequest request,
        long resumeImportId,
        long totalBytes,
        Action<ImportProgress> onAcknowledged,
        CancellationToken cancellationToken)
    {
        await using var file = Open(request.Path);
        // Ends the call from this side: on a local failure (the file, Ctrl+C) the reading side, which waits for the
        // server, must stop too. Cancelling is the way; disposing the call under a pending read throws ObjectDisposedException.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = client.ImportFile(deadline: deadline, cancellationToken: abort.Token);
        var reading = ReadAcknowledgmentsAsync(call.ResponseStream, onAcknowledged, abort.Token);
        Exception? writeFailure = null;
        try
        {
            await WriteFileAsync(call.RequestStream, file, request, resumeImportId, totalBytes, reading, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            writeFailure = ex;
            if (IsLocal(ex, cancellationToken))
                await abort.CancelAsync().ConfigureAwait(false);
        }

        ImportProgress? last;
        try
        {
            last = await reading.ConfigureAwait(false);
        }
        catch (Exception ex) when (writeFailure is not null && IsLocal(writeFailure, cancellationToken) && ex is RpcException or OperationCanceledException)
        {
            // The call ended because of the local failure, which is the one to report.
            ExceptionDispatchInfo.Throw(writeFailure);
            throw;
        }

        // The server's side ended well or with a status (thrown above); what remains is this side's failure, if any.
        if (writeFailure is null || last is { Completed: true })
            return last;
        if (writeFailure is RpcException || IsLocal(writeFailure, cancellationToken))
            ExceptionDispatchInfo.Throw(writeFailure);
        // The connection broke under a write (HttpRequestException, IOException: grpc-dotnet does not wrap them all)
        // while the server had not ended the call: a lost connection, which tm import resumes.
        throw new RpcException(new Status(StatusCode.Unavailable, $"the connection broke while sending the file ({writeFailure.Message})", writeFailure));
    }

    // A failure of this side rather than of the call: the file could not be read, or the user cancelled.
    private static bool IsLocal(Exception exception, CancellationToken cancellationToken) =>
        exception is InputFileException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private static async Task WriteFileAsync(
        IClientStreamWriter<ImportFileRequest> requests, FileStream file, FileImportRequest request, long resumeImportId, long totalBytes, Task reading,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        var first = true;
        int read;

        // An empty file still sends one message, so the server names the file in its answer.
        while ((read = await ReadAsync(file, request.Path, buffer, cancellationToken).ConfigureAwait(false)) > 0 || first)
        {
            var message = new ImportFileRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) };
            if (first)
            {
                // The server reads everything but the chunk from the first message only.
                message.Memory = request.Memory;
                message.FileName = Path.GetFileName(request.Path);
                message.Format = request.FormatName;
                message.UpdatePolicy = request.Policy;
                message.SourceLang = request.SourceLang;
                message.ResumeImportId = resumeImportId;
                message.TotalBytes = totalBytes;
                first = false;
            }

            // Once the server has ended the call (an error, or a completed import), further bytes are only refused: stop
            // here and let the reading side report the outcome.
            if (reading.IsCompleted)
                return;
            await requests.WriteAsync(message).ConfigureAwait(false);
        }

        await requests.CompleteAsync().ConfigureAwait(false);
    }

    private static async Task<ImportProgress?> ReadAcknowledgmentsAsync(
        IAsyncStreamReader<ImportProgress> responses, Action<ImportProgress> onAcknowledged, CancellationToken cancellationToken)
    {
        ImportProgress? last = null;
        while (await responses.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            last = responses.Current;
            onAcknowledged(last);
        }

        return last;
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, 0, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found." : $"cannot be read: {ex.Message}");
        }
    }

    private static async Task<int> ReadAsync(FileStream file, string path, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new InputFileException(path, 0, $"cannot be read: {ex.Message}");
        }
    }
}
