using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace TM.Grpc.Internal;

/// <summary>
/// Reads length-prefixed gRPC messages (1-byte compressed flag, 4-byte big-endian length, payload) from a
/// <see cref="PipeReader"/>. Frames may arrive split across any number of reads; a frame is only copied
/// out once it is complete, and its size is checked against the limit as soon as its header is in.
/// </summary>
internal static class GrpcFrameReader
{
    /// <summary>
    /// Reads the next message payload, decompressed.
    /// </summary>
    /// <param name="reader">The request or response body.</param>
    /// <param name="maxMessageSize">The largest accepted payload in bytes; <see langword="null"/> for no limit.</param>
    /// <param name="encoding">The <c>grpc-encoding</c> of the stream; <see langword="null"/> for identity.</param>
    /// <param name="cancellationToken">Cancels the wait for data.</param>
    /// <returns>The payload, or <see langword="null"/> when the stream ended cleanly between messages.</returns>
    /// <exception cref="RpcException">The message is too large, truncated, or wrongly compressed.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // once per message: reuse the state machine
    public static async ValueTask<byte[]?> ReadMessageAsync(PipeReader reader, int? maxMessageSize, string? encoding, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("The read of the next message was canceled.");
            }

            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                if (TryReadFrame(buffer, maxMessageSize, out var compressed, out var payload))
                {
                    consumed = examined = payload.End;
                    return compressed ? Decompress(payload, encoding, maxMessageSize) : payload.ToArray();
                }

                if (result.IsCompleted)
                {
                    if (buffer.IsEmpty)
                    {
                        return null;
                    }

                    throw new RpcException(new Status(StatusCode.Internal, $"Incomplete message: the stream ended inside a message ({buffer.Length} bytes left over)."));
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }

    /// <summary>
    /// Slices one complete frame off the front of <paramref name="buffer"/>.
    /// </summary>
    /// <returns><see langword="false"/> when more data is needed.</returns>
    /// <exception cref="RpcException">The frame header announces a message above the limit, or has a bad flag.</exception>
    public static bool TryReadFrame(in ReadOnlySequence<byte> buffer, int? maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocolConstants.MessageHeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocolConstants.MessageHeaderSize];
        buffer.Slice(0, GrpcProtocolConstants.MessageHeaderSize).CopyTo(header);
        compressed = ParseHeader(header, maxMessageSize, out var length);
        if (buffer.Length - GrpcProtocolConstants.MessageHeaderSize < length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocolConstants.MessageHeaderSize, length);
        return true;
    }

    /// <summary>Reads a 5-byte frame header: whether the payload is compressed, and its length.</summary>
    /// <exception cref="RpcException">The header announces a message above the limit, or has a bad flag.</exception>
    public static bool ParseHeader(ReadOnlySpan<byte> header, int? maxMessageSize, out int length)
    {
        var compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(new Status(StatusCode.Internal, $"Unexpected compressed flag value {header[0]} in a message header; expected 0 or 1.")),
        };

        var announced = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        var limit = maxMessageSize ?? Array.MaxLength;
        if (announced > (uint)limit)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size: {announced} bytes, limit {limit}."));
        }

        length = (int)announced;
        return compressed;
    }

    /// <summary>Decompresses a payload whose compressed flag is set, with the stream's <c>grpc-encoding</c>.</summary>
    /// <exception cref="RpcException">The stream names no compression, or the payload is not valid gzip.</exception>
    public static byte[] Decompress(in ReadOnlySequence<byte> payload, string? encoding, int? maxMessageSize)
    {
        if (encoding is null || string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Internal, "Received a compressed message, but the stream has no grpc-encoding header naming its compression."));
        }

        return MessageCompression.Decompress(payload, maxMessageSize);
    }
}
