using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm backup FILE [--force]</c>: a consistent copy of the server's whole database (every memory, as committed when
/// the backup began), taken while the server runs, written to FILE. The file is written as <c>FILE.partial</c> and
/// renamed when it is complete, so a failed backup never leaves a file that looks whole; an existing FILE is kept
/// unless <c>--force</c> says otherwise. The server restores it with <c>--restore FILE</c>.
/// </summary>
internal sealed class BackupCommand : ServerCommand
{
    // The server copies the database, then streams it: at a million pairs about a gigabyte.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    // As the import's plain progress: a line for the first bytes, then at most one every 2 s.
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    private readonly Argument<string> _file = new("file")
    {
        Description = "The file to write the backup to (a SQLite database the server can --restore)",
    };

    private readonly Option<bool> _force = new("--force")
    {
        Description = "Overwrite the file if it exists",
    };

    public BackupCommand(CliContext context, CommonOptions common)
        : base("backup", "Writes a consistent copy of the server's whole database to a file while the server runs", context, common, DefaultTimeout,
            withoutMemory: "a backup holds every memory.")
    {
        Add(_file);
        Add(_force);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(parseResult.GetValue(_file)!);
        var force = parseResult.GetValue(_force);
        if (Directory.Exists(path))
        {
            Context.WriteError($"{path} is a directory; give the backup file's name.");
            return ExitCodes.Usage;
        }

        if (File.Exists(path) && !force)
        {
            Context.WriteError($"{path} exists; give --force to overwrite it.");
            return ExitCodes.Usage;
        }

        // Progress goes where the report goes, stdout; with --json to stderr, so stdout holds only the JSON document.
        var json = WantsJson(parseResult);
        var progress = json ? Context.StdErr : Context.StdOut;
        var partial = path + ".partial";
        var started = Stopwatch.GetTimestamp();
        long totalBytes = 0, written = 0, firstByte = 0, lastLine = 0;
        using var call = connection.Administration.Backup(new BackupRequest(), deadline: connection.Deadline(), cancellationToken: cancellationToken);
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true))
            {
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var message = call.ResponseStream.Current;
                    var now = Stopwatch.GetTimestamp();
                    if (written == 0)
                    {
                        // The first message comes once the server has copied the database: the transfer starts here.
                        totalBytes = message.TotalBytes;
                        firstByte = lastLine = now;
                        await WriteLineAsync(progress, $"{Path.GetFileName(path)}: receiving {Quantities.Bytes(totalBytes)} (the server's copy took {Quantities.Duration(Stopwatch.GetElapsedTime(started, now))})", cancellationToken);
                    }
                    else if (Stopwatch.GetElapsedTime(lastLine, now) >= LineInterval)
                    {
                        lastLine = now;
                        await WriteLineAsync(progress, $"{Path.GetFileName(path)}: {Describe(written, totalBytes, Stopwatch.GetElapsedTime(firstByte, now))}", cancellationToken);
                    }

                    await file.WriteAsync(message.Chunk.Memory, cancellationToken);
                    written += message.Chunk.Length;
                }

                // A backup is for the day the disk fails: on the disk before it has its name.
                file.Flush(flushToDisk: true);
            }

            // A SQLite file is never empty: no bytes at all is a server that ended the call early, as is a short file.
            if (written == 0 || written != totalBytes)
            {
                TryDelete(partial);
                Context.WriteError($"The server ended the backup after {Quantities.Bytes(written)} of {Quantities.Bytes(totalBytes)}; {path} was not written.");
                return ExitCodes.ServerError;
            }

            File.Move(partial, path, overwrite: force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            Context.WriteError($"{path}: cannot be written: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (json)
        {
            WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("server", connection.DisplayAddress);
                writer.WriteString("file", path);
                writer.WriteNumber("bytes", written);
                writer.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 3));
                writer.WriteEndObject();
            });
        }
        else
        {
            Context.WriteLine(Markup.Escape($"Backed up the database of {connection.DisplayAddress} to {path}: {Quantities.Bytes(written)} in {Quantities.Duration(elapsed)}."));
        }

        return ExitCodes.Success;
    }

    private static async Task WriteLineAsync(TextWriter writer, string line, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(line);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One progress line without the file name: <c>12.3 MB of 48.1 MB (25%), 30.2 MB/s, about 2 s left</c>.</summary>
    private static string Describe(long written, long totalBytes, TimeSpan elapsed)
    {
        var line = $"{Quantities.Bytes(written)} of {Quantities.Bytes(totalBytes)}";
        if (totalBytes > 0)
        {
            line += $" ({Math.Floor(100.0 * written / totalBytes):0}%)";
        }

        var perSecond = elapsed > TimeSpan.Zero ? written / elapsed.TotalSeconds : 0;
        line += $", {Quantities.Bytes((long)perSecond)}/s";
        if (perSecond > 0 && totalBytes > written)
        {
            line += $", about {Quantities.Duration(TimeSpan.FromSeconds((totalBytes - written) / perSecond))} left";
        }

        return line;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the .partial name already says the file is incomplete.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
