namespace TM.Benchmarks;

/// <summary>
/// Samples a process's <see cref="ProcessMemory.Rss"/> at a fixed interval on a background task, for the memory
/// high-water mark of a phase (an import): <see cref="PeakRss"/> is the largest sample, and the kernel's VmHWM read at
/// <see cref="StopAsync"/> may catch a peak between two samples (or lag behind one: see <see cref="ProcessMemory"/>).
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;
    private long _last;
    private int _samples;

    private RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _interval = interval;
        Sample();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The largest VmRSS sampled so far, in bytes.</summary>
    public long PeakRss => Volatile.Read(ref _peak);

    /// <summary>The latest VmRSS sample, in bytes.</summary>
    public long LastRss => Volatile.Read(ref _last);

    public int Samples => Volatile.Read(ref _samples);

    /// <summary>Starts sampling process <paramref name="pid"/> every <paramref name="interval"/> (the first sample is taken at once).</summary>
    public static RssSampler Start(int pid, TimeSpan interval) => new(pid, interval);

    /// <summary>Stops sampling; returns the peak sampled VmRSS and the kernel's VmHWM (−1 when the process is gone).</summary>
    public async Task<(long PeakRss, long HighWaterMark, int Samples)> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        return (PeakRss, ProcessMemory.Read(_pid)?.HighWaterMark ?? -1, Samples);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                Sample();
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Sample()
    {
        if (ProcessMemory.Read(_pid) is not { } memory)
            return;
        Volatile.Write(ref _last, memory.Rss);
        if (memory.Rss > Volatile.Read(ref _peak))
            Volatile.Write(ref _peak, memory.Rss);
        Interlocked.Increment(ref _samples);
    }
}
