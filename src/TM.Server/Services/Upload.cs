using System.IO.Pipelines;
using Google.Protobuf;
using Grpc.Core;

namespace TM.Server.Services;

/// <summary>
/// The bytes of a file that a client streams in request messages (ImportFile, ImportTmx): lets the start be looked
/// at before the format is known, then copies everything, in order, into a pipe.
/// </summary>
internal sealed class Upload<TRequest>(IAsyncStreamReader<TRequest> requests, TRequest first, Func<TRequest, ByteString> chunkOf)
    where TRequest : class
{
    private readonly List<ByteString> _head = [chunkOf(first)];
    private bool _ended;
    private long _bytesReceived = chunkOf(first).Length;

    /// <summary>Bytes received so far; safe to read from any thread.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>At least <paramref name="length"/> bytes of the file's start (fewer when the file is shorter), without consuming them.</summary>
    public async Task<byte[]> PeekAsync(int length, CancellationToken cancellationToken)
    {
        var buffered = _head.Sum(c => (long)c.Length);
        while (buffered < length && !_ended)
        {
            if (!await requests.MoveNext(cancellationToken))
            {
                _ended = true;
                break;
            }
            var chunk = chunkOf(requests.Current);
            _head.Add(chunk);
            buffered += chunk.Length;
            Interlocked.Add(ref _bytesReceived, chunk.Length);
        }
        var start = new byte[Math.Min(buffered, length)];
        var offset = 0;
        foreach (var chunk in _head)
        {
            var take = Math.Min(chunk.Length, start.Length - offset);
            chunk.Span[..take].CopyTo(start.AsSpan(offset));
            offset += take;
            if (offset == start.Length)
                break;
        }
        return start;
    }

    /// <summary>
    /// Writes the file into <paramref name="destination"/> as the messages arrive, waiting whenever the pipe is full;
    /// stops early, without an error, when the pipe's reader has stopped (the end of the file, or a damaged one).
    /// </summary>
    public async Task CopyToAsync(PipeWriter destination, CancellationToken cancellationToken)
    {
        foreach (var chunk in _head)
        {
            if (!chunk.IsEmpty && (await destination.WriteAsync(chunk.Memory, cancellationToken)).IsCompleted)
                return;
        }
        _head.Clear();
        if (_ended)
            return;
        while (await requests.MoveNext(cancellationToken))
        {
            var chunk = chunkOf(requests.Current);
            Interlocked.Add(ref _bytesReceived, chunk.Length);
            // IsCompleted: the parser has stopped (the end of the document, or an error it will report).
            if (!chunk.IsEmpty && (await destination.WriteAsync(chunk.Memory, cancellationToken)).IsCompleted)
                return;
        }
    }
}
