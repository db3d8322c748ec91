using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using TM.Grpc.Internal;

namespace TM.Grpc.Tests.Internal;

public class GrpcFrameReaderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(70_000)]
    public async Task Written_messages_read_back_unchanged(int length)
    {
        var payload = Payload(length);
        var pipe = new Pipe();
        GrpcFrameWriter.WriteMessage(pipe.Writer, payload, compress: false);
        GrpcFrameWriter.WriteMessage(pipe.Writer, payload, compress: true);
        await pipe.Writer.CompleteAsync();

        Assert.Equal(payload, await GrpcFrameReader.ReadMessageAsync(pipe.Reader, maxMessageSize: null, encoding: null, default));
        Assert.Equal(payload, await GrpcFrameReader.ReadMessageAsync(pipe.Reader, maxMessageSize: null, encoding: "gzip", default));
        Assert.Null(await GrpcFrameReader.ReadMessageAsync(pipe.Reader, maxMessageSize: null, encoding: "gzip", default));
    }

    [Fact]
    public async Task Frame_header_is_flag_then_big_endian_length()
    {
        var pipe = new Pipe();
        GrpcFrameWriter.WriteMessage(pipe.Writer, new byte[258], compress: false);
        await pipe.Writer.CompleteAsync();

        var result = await pipe.Reader.ReadAsync();
        Assert.Equal(new byte[] { 0, 0, 0, 1, 2 }, result.Buffer.Slice(0, 5).ToArray());
        Assert.Equal(263, result.Buffer.Length);
    }

    [Fact]
    public async Task Messages_split_byte_by_byte_across_reads_are_reassembled()
    {
        var first = Payload(300);
        var second = Payload(7);
        var frames = new Pipe();
        GrpcFrameWriter.WriteMessage(frames.Writer, first, compress: false);
        GrpcFrameWriter.WriteMessage(frames.Writer, second, compress: false);
        await frames.Writer.CompleteAsync();
        var bytes = (await frames.Reader.ReadAsync()).Buffer.ToArray();

        var pipe = new Pipe();
        var feed = Task.Run(async () =>
        {
            foreach (var b in bytes)
            {
                await pipe.Writer.WriteAsync(new[] { b });
            }

            await pipe.Writer.CompleteAsync();
        });

        Assert.Equal(first, await GrpcFrameReader.ReadMessageAsync(pipe.Reader, null, null, default));
        Assert.Equal(second, await GrpcFrameReader.ReadMessageAsync(pipe.Reader, null, null, default));
        Assert.Null(await GrpcFrameReader.ReadMessageAsync(pipe.Reader, null, null, default));
        await feed;
    }

    [Fact]
    public void A_message_of_exactly_the_limit_is_accepted_and_one_more_byte_is_not()
    {
        var atLimit = new ReadOnlySequence<byte>(RawFrame(flag: 0, length: 100, bodyLength: 100));
        Assert.True(GrpcFrameReader.TryReadFrame(atLimit, 100, out _, out var payload));
        Assert.Equal(100, payload.Length);

        var overLimit = new ReadOnlySequence<byte>(RawFrame(flag: 0, length: 101, bodyLength: 0));
        var ex = Assert.Throws<RpcException>(() => GrpcFrameReader.TryReadFrame(overLimit, 100, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("Received message exceeds the maximum configured message size: 101 bytes, limit 100.", ex.Status.Detail);
    }

    [Fact]
    public void Oversized_message_is_rejected_from_its_header_alone()
    {
        // Only the 5 header bytes have arrived; the 4 GB body never needs to.
        var header = new ReadOnlySequence<byte>(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF });
        var ex = Assert.Throws<RpcException>(() => GrpcFrameReader.TryReadFrame(header, 4 * 1024 * 1024, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("4294967295 bytes, limit 4194304", ex.Status.Detail);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Incomplete_header_needs_more_data(int available)
    {
        var buffer = new ReadOnlySequence<byte>(new byte[available]);
        Assert.False(GrpcFrameReader.TryReadFrame(buffer, null, out _, out _));
    }

    [Fact]
    public void Incomplete_body_needs_more_data()
    {
        var buffer = new ReadOnlySequence<byte>(RawFrame(flag: 0, length: 10, bodyLength: 9));
        Assert.False(GrpcFrameReader.TryReadFrame(buffer, null, out _, out _));
    }

    [Fact]
    public void Compressed_flag_is_reported()
    {
        var buffer = new ReadOnlySequence<byte>(RawFrame(flag: 1, length: 3, bodyLength: 3));
        Assert.True(GrpcFrameReader.TryReadFrame(buffer, null, out var compressed, out _));
        Assert.True(compressed);
    }

    [Fact]
    public void Unknown_compressed_flag_is_a_protocol_error()
    {
        var buffer = new ReadOnlySequence<byte>(RawFrame(flag: 2, length: 0, bodyLength: 0));
        var ex = Assert.Throws<RpcException>(() => GrpcFrameReader.TryReadFrame(buffer, null, out _, out _));
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Stream_ending_inside_a_message_is_an_error()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(RawFrame(flag: 0, length: 10, bodyLength: 4));
        await pipe.Writer.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(pipe.Reader, null, null, default).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.StartsWith("Incomplete message", ex.Status.Detail);
    }

    [Fact]
    public async Task Compressed_message_without_an_encoding_is_an_error()
    {
        var pipe = new Pipe();
        GrpcFrameWriter.WriteMessage(pipe.Writer, Payload(10), compress: true);
        await pipe.Writer.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(pipe.Reader, null, "identity", default).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Decompressed_size_is_checked_against_the_limit()
    {
        // 1 MB of zeros compresses to about 1 KB: small on the wire, too big once inflated.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(new byte[1024 * 1024]);
        }

        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(RawFrame(1, (uint)compressed.Length, 0));
        await pipe.Writer.WriteAsync(compressed.ToArray());
        await pipe.Writer.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(pipe.Reader, 64 * 1024, "gzip", default).AsTask());
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    private static byte[] Payload(int length)
    {
        var payload = new byte[length];
        new Random(length).NextBytes(payload.AsSpan(0, length / 2)); // half random, half zeros: compressible but not trivially
        return payload;
    }

    private static byte[] RawFrame(byte flag, uint length, int bodyLength)
    {
        var frame = new byte[5 + bodyLength];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), length);
        return frame;
    }
}
