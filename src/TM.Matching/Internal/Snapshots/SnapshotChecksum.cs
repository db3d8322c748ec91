using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TM.Matching.Internal.Snapshots;

/// <summary>
/// A 64-bit checksum of a byte stream that does not depend on how the stream was cut into spans: the writer adds
/// one segment's units at a time, the reader whole blocks of them, and both must arrive at the same value.
/// </summary>
/// <remarks>
/// It guards against a torn or damaged file (a crash while it was written, a disk error), not against a crafted one:
/// a snapshot is a cache the server wrote itself beside its database. Four independent lanes of multiply-rotate, so
/// the multiplies overlap and the checksum keeps up with reading the file.
/// </remarks>
internal struct SnapshotChecksum
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    private ulong _lane0;
    private ulong _lane1;
    private ulong _lane2;
    private ulong _lane3;
    private long _length;
    // Bytes of a 32-byte block not yet mixed in: the tail of the last span, completed by the next.
    private Block _pending;
    private int _pendingCount;

    public SnapshotChecksum()
    {
        _lane0 = Prime1;
        _lane1 = Prime2;
        _lane2 = 1;
        _lane3 = Prime1 ^ Prime2;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        if (_pendingCount > 0)
        {
            int take = Math.Min(data.Length, Block.Size - _pendingCount);
            data[..take].CopyTo(_pending.AsSpan()[_pendingCount..]);
            _pendingCount += take;
            data = data[take..];
            if (_pendingCount < Block.Size)
            {
                return;
            }

            MixBlock(_pending.AsSpan());
            _pendingCount = 0;
        }

        int whole = data.Length & ~(Block.Size - 1);
        for (int offset = 0; offset < whole; offset += Block.Size)
        {
            MixBlock(data.Slice(offset, Block.Size));
        }

        data[whole..].CopyTo(_pending.AsSpan());
        _pendingCount = data.Length - whole;
    }

    public readonly ulong Value
    {
        get
        {
            ulong hash = BitOperations.RotateLeft(_lane0, 1) + BitOperations.RotateLeft(_lane1, 7)
                + BitOperations.RotateLeft(_lane2, 12) + BitOperations.RotateLeft(_lane3, 18);
            Block pending = _pending;
            ReadOnlySpan<byte> tail = pending.AsSpan()[.._pendingCount];
            foreach (byte b in tail)
            {
                hash = (hash ^ b) * Prime1;
            }

            return Avalanche.Mix(hash ^ (ulong)_length);
        }
    }

    private void MixBlock(ReadOnlySpan<byte> block)
    {
        _lane0 = Round(_lane0, BinaryPrimitives.ReadUInt64LittleEndian(block));
        _lane1 = Round(_lane1, BinaryPrimitives.ReadUInt64LittleEndian(block[8..]));
        _lane2 = Round(_lane2, BinaryPrimitives.ReadUInt64LittleEndian(block[16..]));
        _lane3 = Round(_lane3, BinaryPrimitives.ReadUInt64LittleEndian(block[24..]));
    }

    private static ulong Round(ulong lane, ulong word) => BitOperations.RotateLeft(lane + (word * Prime2), 31) * Prime1;

    [InlineArray(Size)]
    private struct Block
    {
        public const int Size = 32;
        private byte _first;

        public Span<byte> AsSpan() => MemoryMarshal.CreateSpan(ref _first, Size);
    }
}
