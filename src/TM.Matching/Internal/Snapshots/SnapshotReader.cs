using System.Runtime.InteropServices;

namespace TM.Matching.Internal.Snapshots;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote, checking the checksum at the end. The stream is the caller's.</summary>
internal sealed class SnapshotReader(Stream stream)
{
    private SnapshotChecksum _checksum = new();

    public int ReadInt32()
    {
        int value = 0;
        Read(new Span<int>(ref value));
        return value;
    }

    public long ReadInt64()
    {
        long value = 0;
        Read(new Span<long>(ref value));
        return value;
    }

    public ulong ReadUInt64()
    {
        ulong value = 0;
        Read(new Span<ulong>(ref value));
        return value;
    }

    /// <summary>
    /// Reads a count of items of <paramref name="bytesEach"/> bytes that follow, and checks it against what is left of
    /// the stream (when it can tell) and <paramref name="max"/>, so a damaged count fails here rather than allocating
    /// gigabytes before the checksum would have caught it.
    /// </summary>
    public int ReadCount(string what, int bytesEach, int max)
    {
        int count = ReadInt32();
        long left = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
        return count >= 0 && count <= max && (long)count * bytesEach <= left
            ? count
            : throw Invalid($"it says it holds {count:N0} {what}, which cannot be");
    }

    /// <summary>Checks that <paramref name="bytes"/> more can be read, when the stream can tell, before they are allocated.</summary>
    public void EnsureAvailable(long bytes, string what)
    {
        if (bytes < 0 || (stream.CanSeek && bytes > stream.Length - stream.Position))
        {
            throw Invalid($"it says it holds {what} that do not fit in it");
        }
    }

    public void Read<T>(Span<T> values)
        where T : unmanaged
    {
        Span<byte> bytes = MemoryMarshal.AsBytes(values);
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException)
        {
            throw Invalid("it ends early (cut short while it was written?)");
        }

        _checksum.Append(bytes);
    }

    /// <summary>Reads the checksum at the end and compares it with that of everything read.</summary>
    public void VerifyChecksum()
    {
        ulong expected = _checksum.Value;
        ulong stored = 0;
        try
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(new Span<ulong>(ref stored)));
        }
        catch (EndOfStreamException)
        {
            throw Invalid("it ends before its checksum (cut short while it was written?)");
        }

        if (stored != expected)
        {
            throw Invalid("its checksum does not match its contents (the file is damaged)");
        }
    }

    public static InvalidDataException Invalid(string why) => new($"The index snapshot cannot be used: {why}.");
}
