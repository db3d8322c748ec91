using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace TM.Grpc.Internal;

/// <summary>Writes length-prefixed gRPC messages to a <see cref="PipeWriter"/>, straight into its buffers.</summary>
internal static class GrpcFrameWriter
{
    /// <summary>Serializes, checks the size limit and frames one message into the writer, without flushing.</summary>
    /// <exception cref="RpcException">The serialized message is larger than <paramref name="maxMessageSize"/>.</exception>
    public static void WriteMessage<T>(PipeWriter writer, T message, Func<T, byte[]> serializer, int? maxMessageSize, bool compress)
    {
        var payload = serializer(message);
        if (payload.Length > maxMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size: {payload.Length} bytes, limit {maxMessageSize}."));
        }

        WriteMessage(writer, payload, compress);
    }

    /// <summary>Frames one message into the writer without flushing.</summary>
    public static void WriteMessage(PipeWriter writer, ReadOnlySpan<byte> payload, bool compress)
    {
        if (!compress)
        {
            WriteFrame(writer, payload, compressed: false);
            return;
        }

        using var compressed = MessageCompression.Compress(payload);
        WriteFrame(writer, compressed.WrittenSpan, compressed: true);
    }

    /// <summary>Writes the 5-byte frame header for a payload of <paramref name="length"/> bytes.</summary>
    public static void WriteHeader(Span<byte> destination, int length, bool compressed)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    private static void WriteFrame(PipeWriter writer, ReadOnlySpan<byte> payload, bool compressed)
    {
        var header = writer.GetSpan(GrpcProtocolConstants.MessageHeaderSize);
        WriteHeader(header, payload.Length, compressed);
        writer.Advance(GrpcProtocolConstants.MessageHeaderSize);
        writer.Write(payload);
    }
}
