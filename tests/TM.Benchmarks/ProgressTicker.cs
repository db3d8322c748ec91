namespace TM.Benchmarks;

/// <summary>
/// Calls an action at a fixed interval on a background task until disposed: the progress lines (to stderr) of a
/// phase that may take minutes, so that a slow run is visibly slow rather than silently hung.
/// </summary>
internal sealed class ProgressTicker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ProgressTicker(TimeSpan interval, Action tick) => _loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                tick();
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    });

    public static ProgressTicker Start(TimeSpan interval, Action tick) => new(interval, tick);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
