using Grpc.Core;

namespace TM.Server.Services;

/// <summary>
/// Lets at most <see cref="RequestLimits.MaxConcurrentImports"/> imports run at once and refuses the next with
/// RESOURCE_EXHAUSTED, so no number of clients can make the server hold more than that many imports' buffers.
/// Refusing rather than queueing: a queued call would hold its connection's buffers all the same.
/// </summary>
public sealed class ImportAdmission
{
    private readonly SemaphoreSlim _slots = new(RequestLimits.MaxConcurrentImports, RequestLimits.MaxConcurrentImports);

    /// <summary>Takes a slot for one import; dispose the result when the import ends.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED: every slot is taken.</exception>
    public IDisposable Enter()
    {
        if (!_slots.Wait(0))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"The server is running {RequestLimits.MaxConcurrentImports} imports, as many as it runs at once; try again when one has finished."));
        }
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}
