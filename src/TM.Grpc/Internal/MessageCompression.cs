using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace TM.Grpc.Internal;

/// <summary>gzip message compression (grpc/doc/compression.md); identity needs no code.</summary>
internal static class MessageCompression
{
    private const int ReadChunkSize = 16 * 1024;

    /// <summary>Compresses a message into a pooled buffer; the caller disposes the result.</summary>
    public static PooledBufferStream Compress(ReadOnlySpan<byte> message)
    {
        // Text messages shrink to roughly a third; start there and let the buffer grow if needed.
        var output = new PooledBufferStream(message.Length / 2);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }

        return output;
    }

    /// <summary>
    /// Decompresses a message. Stops as soon as the output passes <paramref name="maxMessageSize"/>, so a
    /// small "zip bomb" cannot make the receiver allocate gigabytes.
    /// </summary>
    public static byte[] Decompress(in ReadOnlySequence<byte> compressed, int? maxMessageSize)
    {
        byte[]? rented = null;
        Stream input;
        if (compressed.IsSingleSegment && MemoryMarshal.TryGetArray(compressed.First, out var segment))
        {
            input = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
        }
        else
        {
            var length = checked((int)compressed.Length);
            rented = ArrayPool<byte>.Shared.Rent(length);
            compressed.CopyTo(rented);
            input = new MemoryStream(rented, 0, length, writable: false);
        }

        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new PooledBufferStream((int)Math.Min(compressed.Length * 4, ReadChunkSize * 4));
            int read;
            while ((read = gzip.Read(output.GetSpan(ReadChunkSize))) > 0)
            {
                output.Advance(read);
                if (output.Length > maxMessageSize)
                {
                    throw new RpcException(new Status(
                        StatusCode.ResourceExhausted,
                        $"Received message exceeds the maximum configured message size after decompression, limit {maxMessageSize} bytes."));
                }
            }

            return output.WrittenSpan.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Failed to decompress a gzip message: {ex.Message}"));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
