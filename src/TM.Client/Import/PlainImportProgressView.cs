using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>
/// Progress as plain lines, for output that is not a terminal (a log file, a pipe, CI): no ANSI codes and no
/// carriage returns, one line when the import starts (with the import id a resume needs), one for the first commit and then one
/// at most every <see cref="Interval"/>, so a million-unit import writes a handful of lines, not two hundred.
/// </summary>
internal sealed class PlainImportProgressView : IImportProgressView
{
    /// <summary>The default spacing of lines.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(2);

    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly TimeProvider _time;
    private long _callStarted;
    private long? _lastLine;

    /// <summary>A view writing to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="label">What each line starts with: the file's name.</param>
    /// <param name="time">The clock for the spacing of lines and for rates.</param>
    /// <param name="interval">Least time between two progress lines after the first.</param>
    public PlainImportProgressView(TextWriter writer, string label, TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(time);
        _writer = writer;
        _label = label;
        _time = time;
        Interval = interval;
        _callStarted = time.GetTimestamp();
    }

    /// <summary>Least time between two progress lines after the first.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc />
    public void Started(long totalBytes) => _callStarted = _time.GetTimestamp();

    /// <inheritdoc />
    public void Acknowledged(ImportProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);

        // The final acknowledgment is followed at once by the summary, which says it all.
        if (progress.Completed)
        {
            return;
        }

        // The server's first message comes when the import has its record, before any unit is read or committed:
        // say which import started (the id a resume needs) without spending the first progress line on zeros.
        if (progress.UnitsRead == 0)
        {
            _writer.WriteLine(progress.UnitsCommitted == 0
                ? $"{_label}: import {progress.ImportId} started"
                : $"{_label}: import {progress.ImportId} resumed; {Counted.Of(progress.UnitsCommitted, "unit")} were committed earlier");
            _writer.Flush();
            return;
        }

        var now = _time.GetTimestamp();
        if (_lastLine is { } last && _time.GetElapsedTime(last, now) < Interval)
        {
            return;
        }

        _lastLine = now;
        _writer.WriteLine(_label + ": " + Describe(progress, ProgressFigures.Of(progress, _time.GetElapsedTime(_callStarted, now))));
        _writer.Flush();
    }

    /// <inheritdoc />
    public void Note(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _writer.WriteLine(_label + ": " + message);
        _writer.Flush();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One progress line without the label: <c>import 42: 250,000 segments committed, 26% of 48.1 MB, 120,000 segments/s, about 6 s left</c>.</summary>
    public static string Describe(ImportProgress progress, ProgressFigures figures)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var line = $"import {progress.ImportId}: {Counted.Of(progress.UnitsCommitted, "segment")} committed";
        if (figures.Fraction is { } fraction)
        {
            line += $", {Math.Floor(fraction * 100):0}% of {Quantities.Bytes(progress.TotalBytes)}";
        }

        line += $", {Quantities.Rate(figures.UnitsPerSecond)} segments/s";
        if (figures.Remaining is { } remaining)
        {
            line += $", about {Quantities.Duration(remaining)} left";
        }

        return line;
    }
}
