using System.Runtime.InteropServices;

namespace TM.Matching.Internal.Snapshots;

/// <summary>
/// Writes the values of a snapshot to a stream in the machine's byte order, arrays as raw memory, and keeps the
/// checksum of everything written. The stream is the caller's.
/// </summary>
internal sealed class SnapshotWriter(Stream stream)
{
    private SnapshotChecksum _checksum = new();

    public void WriteInt32(int value) => Write(new ReadOnlySpan<int>(in value));

    public void WriteInt64(long value) => Write(new ReadOnlySpan<long>(in value));

    public void WriteUInt64(ulong value) => Write(new ReadOnlySpan<ulong>(in value));

    public void Write<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(values);
        _checksum.Append(bytes);
        stream.Write(bytes);
    }

    /// <summary>Ends the snapshot with the checksum of everything before it.</summary>
    public void WriteChecksum()
    {
        ulong value = _checksum.Value;
        stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in value)));
    }
}
