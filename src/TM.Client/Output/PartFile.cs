using Grpc.Core;

namespace TM.Client.Output;

/// <summary>
/// A file a command writes from a server stream (an export): written as <c>FILE.part</c> and renamed when complete,
/// so a failed or interrupted export never leaves a file that looks whole.
/// </summary>
internal static class PartFile
{
    /// <summary>
    /// Writes the bytes of every message of <paramref name="chunks"/> to <paramref name="path"/>.
    /// </summary>
    /// <returns>The bytes written; null when the file could not be written (the error is printed).</returns>
    public static async Task<long?> WriteAsync<T>(CliContext context, string path, IAsyncStreamReader<T> chunks, Func<T, ReadOnlyMemory<byte>> bytesOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(bytesOf);
        var temporary = path + ".part";
        long written = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true))
            {
                while (await chunks.MoveNext(cancellationToken))
                {
                    var chunk = bytesOf(chunks.Current);
                    await file.WriteAsync(chunk, cancellationToken);
                    written += chunk.Length;
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            context.WriteError($"{path}: cannot be written: {ex.Message}");
            return null;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return written;
    }

    /// <summary>Deletes an unfinished file, if it can: best effort, its .part name says it is incomplete anyway.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // As the summary says.
        }
    }
}
