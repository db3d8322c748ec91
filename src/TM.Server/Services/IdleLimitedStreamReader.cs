using Grpc.Core;

namespace TM.Server.Services;

/// <summary>
/// A request stream that ends its call with DEADLINE_EXCEEDED when no message arrives for <paramref name="limit"/>:
/// an import holds one of the few import slots (<see cref="ImportAdmission"/>), and a client that opens a stream and
/// then stalls must not hold it forever. Allocates a timer per message; import messages carry up to 64 KB.
/// </summary>
internal sealed class IdleLimitedStreamReader<T>(IAsyncStreamReader<T> inner, TimeSpan limit) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(limit);
        try
        {
            return await inner.MoveNext(idle.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }
            && idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                $"No message arrived for {limit.TotalSeconds:0} s, so the server ended this import stream: a stalled stream would keep others from importing. " +
                "What it committed stays; send the rest again (ImportFile resumes by import id)."));
        }
    }
}
