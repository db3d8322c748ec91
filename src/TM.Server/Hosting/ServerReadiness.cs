namespace TM.Server.Hosting;

/// <summary>
/// Whether the server has finished starting: every memory's index loaded and an empty default memory seeded. The
/// server listens before that (a million-pair memory takes 2–3 s from its snapshot and 11–14 s without one), so that
/// health checks can say NOT_SERVING meanwhile; calls of the translation memory service wait for it.
/// </summary>
public sealed class ServerReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _stage = "starting";

    /// <summary>Completes when the server is ready; faults when it could not load its memories (it then stops).</summary>
    public Task Ready => _ready.Task;

    /// <summary>True once every memory is loaded and the seeds are in.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>What the start is doing now, for health reports (e.g. "loading memory 'default' (1 of 2)").</summary>
    public string Stage => _stage;

    internal void Report(string stage) => _stage = stage;

    internal void SetReady()
    {
        _stage = "ready";
        _ready.TrySetResult();
    }

    internal void SetFailed(Exception exception)
    {
        _stage = $"failed: {exception.Message}";
        _ready.TrySetException(exception);
    }
}
