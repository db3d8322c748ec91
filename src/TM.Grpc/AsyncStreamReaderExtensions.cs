using System.Runtime.CompilerServices;

namespace TM.Grpc;

/// <summary>Extension methods for <see cref="IAsyncStreamReader{T}"/>.</summary>
public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads all remaining messages as an async sequence, for <c>await foreach</c>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="reader">The stream to read.</param>
    /// <param name="cancellationToken">Cancels the wait for each message.</param>
    /// <returns>The messages, in order.</returns>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadAllAsyncCore(reader, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadAllAsyncCore<T>(IAsyncStreamReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }
}
