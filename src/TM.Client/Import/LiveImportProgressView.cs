using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>
/// Progress as a live bar on a terminal (Spectre.Console): the bar and percentage follow the bytes the server has
/// received; the line beside it gives the segments committed, the rate and the time left. The display runs on
/// Spectre's own refresh loop between <see cref="StartAsync"/> and <see cref="DisposeAsync"/>; acknowledgments
/// only update its task, which Spectre locks.
/// </summary>
internal sealed class LiveImportProgressView : IImportProgressView
{
    private readonly IAnsiConsole _console;
    private readonly string _label;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _display = Task.CompletedTask;
    private ProgressTask _task = null!;
    private long _callStarted;

    private LiveImportProgressView(IAnsiConsole console, string label, TimeProvider time)
    {
        _console = console;
        _label = label;
        _time = time;
        _callStarted = time.GetTimestamp();
    }

    /// <summary>Starts the live display on <paramref name="console"/>, which must be interactive and support ANSI.</summary>
    /// <param name="console">The terminal.</param>
    /// <param name="label">The file's name, shown before the figures.</param>
    /// <param name="time">The clock for rates and the time left.</param>
    public static async Task<LiveImportProgressView> StartAsync(IAnsiConsole console, string label, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(time);
        var view = new LiveImportProgressView(console, label, time);
        var ready = new TaskCompletionSource<ProgressTask>(TaskCreationOptions.RunContinuationsAsynchronously);
        view._display = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), autoStart: true, maxValue: 1);
                task.IsIndeterminate = true;
                ready.SetResult(task);
                await view._finished.Task.ConfigureAwait(false);
            });
        view._task = await Task.WhenAny(ready.Task, view._display).ConfigureAwait(false) == ready.Task
            ? ready.Task.Result
            : throw new InvalidOperationException("The progress display ended before it started.", view._display.Exception);
        return view;
    }

    /// <inheritdoc />
    public void Started(long totalBytes)
    {
        _callStarted = _time.GetTimestamp();
        _task.IsIndeterminate = totalBytes <= 0;
        _task.MaxValue = Math.Max(1, totalBytes);
        _task.Value = 0;
    }

    /// <inheritdoc />
    public void Acknowledged(ImportProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var figures = ProgressFigures.Of(progress, _time.GetElapsedTime(_callStarted));
        var description = $"{_label}  {Counted.Of(progress.UnitsCommitted, "segment")} committed  {Quantities.Rate(figures.UnitsPerSecond)} segments/s";
        if (figures.Remaining is { } remaining && !progress.Completed)
        {
            description += $"  ETA {Quantities.Duration(remaining)}";
        }

        _task.Description = Markup.Escape(description);
        if (progress.TotalBytes > 0)
        {
            _task.MaxValue = progress.TotalBytes;
            _task.Value = progress.BytesReceived;
        }

        if (progress.Completed)
        {
            _task.Value = _task.MaxValue;
            _task.StopTask();
        }
    }

    /// <inheritdoc />
    public void Note(string message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Spectre redraws the live display below lines written while it runs.
        _console.MarkupLine("[yellow]" + Markup.Escape(message) + "[/]");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _finished.TrySetResult();
        await _display.ConfigureAwait(false);
    }
}
