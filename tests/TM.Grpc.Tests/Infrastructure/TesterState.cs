namespace TM.Grpc.Tests.Infrastructure;

/// <summary>Lets tests observe what handlers did; a singleton of each test server.</summary>
public sealed class TesterState
{
    public TaskCompletionSource WaitStarted { get; private set; } = NewSource();

    public TaskCompletionSource<bool> WaitCancelled { get; private set; } = NewSource<bool>();

    public TaskCompletionSource IgnoreDeadlineGate { get; private set; } = NewSource();

    public TaskCompletionSource<string> LateWriteOutcome { get; private set; } = NewSource<string>();

    public void Reset()
    {
        WaitStarted = NewSource();
        WaitCancelled = NewSource<bool>();
        IgnoreDeadlineGate = NewSource();
        LateWriteOutcome = NewSource<string>();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
