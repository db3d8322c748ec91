using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TM.Matching;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// The memories' fuzzy indexes saved beside the database (<c>tm.db-index/memory-N.ko.snapshot</c>, <c>.en.</c>, and the
/// fragment indexes' <c>.ko-sentences.</c> and <c>.en-sentences.</c>), so
/// a start loads them instead of analyzing every text again: at a million segments 2.0–2.4 s instead of 10.5–13 s (measured by
/// the perf benchmark).
/// </summary>
/// <remarks>
/// <para>
/// A snapshot is a cache and the database stays the truth. Each file starts with the <see cref="MemoryVersion"/> it
/// describes (the file's random identity, the memory, its write generation, segment count and last id), and is used
/// only when the database is at exactly that version: every write to a memory moves its generation on in the write's
/// own transaction, so a memory written after the snapshot (by an import the server was killed during, say) is
/// rebuilt, never served stale. The index's own checksum catches a damaged file.
/// </para>
/// <para>
/// Files are written under a temporary name and renamed, so a crash leaves the old snapshot or the new one, never half
/// of one; no fsync, because a file the power cut short fails its checksum and costs a rebuild, not an answer.
/// </para>
/// </remarks>
internal sealed class IndexSnapshotFiles
{
    // "TMSS" read as a little-endian int, then the header's own layout version (the index has its own inside).
    private const int Magic = 0x53534D54;
    private const int HeaderVersion = 1;
    private const string TemporarySuffix = ".tmp";
    private const int BufferBytes = 1 << 20;

    // Parts 0 and 1 are the segment indexes of the two sides (SegmentSide's values), 2 and 3 their fragment indexes.
    private const int PartCount = 4;
    private static readonly string[] PartNames = ["ko", "en", "ko-sentences", "en-sentences"];

    private readonly ILogger _logger;

    public IndexSnapshotFiles(string databasePath, ILogger logger)
    {
        Directory = databasePath + "-index";
        _logger = logger;
    }

    /// <summary>Where the snapshots are.</summary>
    public string Directory { get; }

    /// <summary>The snapshot file of one side of one memory.</summary>
    public string PathOf(long memoryId, SegmentSide side) => PathOf(memoryId, (int)side);

    private string PathOf(long memoryId, int part) => Path.Combine(Directory, $"memory-{memoryId}.{PartNames[part]}.snapshot");

    /// <summary>
    /// Loads the indexes of a memory (both sides' segment and fragment indexes) from its snapshots when they describe
    /// <paramref name="version"/>; null when there are none (a snapshot from before fragment indexes has two of its
    /// four files, and is rebuilt once), they are stale, or they are refused (damaged, another format; logged, and deleted).
    /// </summary>
    public FuzzyIndex[]? TryLoad(MemoryInfo info, MemoryVersion version)
    {
        var paths = new string[PartCount];
        for (var part = 0; part < PartCount; part++)
        {
            paths[part] = PathOf(info.Id, part);
            if (!File.Exists(paths[part]))
                return null;
        }
        var streams = new FileStream?[PartCount];
        try
        {
            for (var part = 0; part < PartCount; part++)
                streams[part] = Open(paths[part]);
            // Every header before any body: a stale part means a rebuild, and the other parts are then not worth reading.
            for (var part = 0; part < PartCount; part++)
            {
                if (ReadHeader(streams[part]!, info, version, part) is { } stale)
                {
                    ServerLog.SnapshotStale(_logger, info.Name, stale);
                    return null;
                }
            }
            var indexes = new FuzzyIndex[PartCount];
            // The parts share nothing and each is mostly rebuilding keys: one core each.
            Parallel.For(0, PartCount, part => indexes[part] = FuzzyIndex.ReadSnapshot(streams[part]!));
            if (indexes[0].Count != version.Segments || indexes[1].Count != version.Segments)
                throw new InvalidDataException($"it holds {indexes[0].Count:N0} Korean and {indexes[1].Count:N0} English segments, the memory {version.Segments:N0}");
            return indexes;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException
            || e is AggregateException { InnerExceptions: var inner } && inner.All(x => x is InvalidDataException or IOException or UnauthorizedAccessException))
        {
            var reason = e is AggregateException aggregate ? aggregate.InnerExceptions[0].Message : e.Message;
            ServerLog.SnapshotRefused(_logger, info.Name, reason);
            foreach (var stream in streams)
                stream?.Dispose();
            Delete(info.Id);
            return null;
        }
        finally
        {
            foreach (var stream in streams)
                stream?.Dispose();
        }
    }

    /// <summary>
    /// Writes the indexes of <paramref name="memory"/> as describing <paramref name="version"/>. The caller makes sure
    /// they do: the memory's writers are held off and its committed batches applied.
    /// </summary>
    public void Save(MemoryIndex memory, MemoryVersion version)
    {
        var started = Stopwatch.GetTimestamp();
        System.IO.Directory.CreateDirectory(Directory);
        FuzzyIndex[] indexes = [memory.Korean, memory.English, memory.KoreanFragments.Entries, memory.EnglishFragments.Entries];
        var paths = new string[PartCount];
        for (var part = 0; part < PartCount; part++)
            paths[part] = PathOf(memory.Info.Id, part);
        long bytes = 0;
        try
        {
            Parallel.For(0, PartCount, part => Interlocked.Add(ref bytes, Write(paths[part] + TemporarySuffix, indexes[part], version, part)));
            // A crash between the renames leaves parts of two generations: they do not all match the database, and
            // a load needs all of them.
            foreach (var path in paths)
                File.Move(path + TemporarySuffix, path, overwrite: true);
        }
        finally
        {
            foreach (var path in paths)
                File.Delete(path + TemporarySuffix);
        }
        ServerLog.SnapshotSaved(_logger, memory.Info.Name, version.Segments, version.Generation, bytes / 1e6, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Removes the temporary files of saves a killed process did not finish.</summary>
    public void DeleteUnfinished()
    {
        if (!System.IO.Directory.Exists(Directory))
            return;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*" + TemporarySuffix))
            File.Delete(file);
    }

    /// <summary>Removes a memory's snapshots (the memory is deleted, or they are refused).</summary>
    public void Delete(long memoryId)
    {
        try
        {
            for (var part = 0; part < PartCount; part++)
                File.Delete(PathOf(memoryId, part));
        }
        catch (IOException)
        {
            // Refused again at the next start, and overwritten by the next save.
        }
    }

    private static long Write(string path, FuzzyIndex index, MemoryVersion version, int part)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes);
        using (var header = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            header.Write(Magic);
            header.Write(HeaderVersion);
            header.Write(version.StoreId);
            header.Write(version.MemoryId);
            header.Write(version.Generation);
            header.Write(version.Segments);
            header.Write(version.LastSegmentId);
            header.Write(part);
        }
        index.WriteSnapshot(stream);
        return stream.Position;
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);

    // Null when the file describes exactly this version of the memory, else how it differs; throws InvalidDataException
    // when it is not a snapshot of this memory's side at all. Leaves the stream at the index's own snapshot.
    private static string? ReadHeader(Stream stream, MemoryInfo info, MemoryVersion version, int part)
    {
        using var header = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (header.ReadInt32() != Magic || header.ReadInt32() != HeaderVersion)
                throw new InvalidDataException("it is not an index snapshot of this server version");
            var written = new MemoryVersion(header.ReadInt64(), header.ReadInt64(), header.ReadInt64(), header.ReadInt64(), header.ReadInt64());
            if (header.ReadInt32() != part || written.MemoryId != info.Id)
                throw new InvalidDataException("it belongs to another memory, language or index");
            return written == version ? null
                : written.StoreId != version.StoreId ? "it was written for another database file"
                : $"it describes generation {written.Generation} ({written.Segments:N0} segments), the database is at {version.Generation} ({version.Segments:N0})";
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("it ends inside its header");
        }
    }
}
