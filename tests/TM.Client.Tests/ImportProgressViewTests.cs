using Spectre.Console;
using TM.Client.Import;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Tests;

public class ImportProgressViewTests
{
    private static ImportProgress Ack(long committed, long bytes, bool completed = false) => new()
    {
        ImportId = 42,
        UnitsRead = committed,
        UnitsCommitted = committed,
        PairsStored = committed,
        BytesReceived = bytes,
        TotalBytes = 4_000_000,
        BatchesCommitted = (int)(committed / 5000),
        Completed = completed,
    };

    [Fact]
    public void Plain_view_writes_the_first_acknowledgment_then_one_line_per_interval()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var view = new PlainImportProgressView(output, "big.tmx", clock, TimeSpan.FromSeconds(2));

        view.Started(4_000_000);
        clock.Advance(TimeSpan.FromSeconds(1));
        view.Acknowledged(Ack(5_000, 1_000_000));
        clock.Advance(TimeSpan.FromSeconds(1));
        view.Acknowledged(Ack(10_000, 2_000_000));
        clock.Advance(TimeSpan.FromSeconds(1));
        view.Acknowledged(Ack(15_000, 3_000_000));
        view.Acknowledged(Ack(20_000, 4_000_000, completed: true));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "big.tmx: import 42: 5,000 segments committed, 25% of 4.0 MB, 5,000 segments/s, about 3.0 s left",
                "big.tmx: import 42: 15,000 segments committed, 75% of 4.0 MB, 5,000 segments/s, about 1.0 s left",
            ],
            lines);
    }

    [Fact]
    public void Plain_view_names_the_import_when_it_starts_and_when_it_resumes()
    {
        var output = new StringWriter();
        var view = new PlainImportProgressView(output, "big.tmx", new ManualClock(), TimeSpan.FromSeconds(2));

        view.Acknowledged(new ImportProgress { ImportId = 42 });
        view.Acknowledged(new ImportProgress { ImportId = 43, UnitsCommitted = 15_000 });
        view.Acknowledged(Ack(5_000, 1_000_000));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("big.tmx: import 42 started", lines[0]);
        Assert.Equal("big.tmx: import 43 resumed; 15,000 units were committed earlier", lines[1]);
        Assert.StartsWith("big.tmx: import 42: 5,000 segments committed", lines[2]);
    }

    [Fact]
    public void Plain_view_writes_no_ansi_codes_and_no_carriage_returns()
    {
        var output = new StringWriter();
        var view = new PlainImportProgressView(output, "big.tmx", new ManualClock(), TimeSpan.Zero);

        view.Acknowledged(Ack(5_000, 1_000_000));
        view.Note("Connection lost; resuming in 1.0 s (retry 1 of 4).");

        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.DoesNotContain('\r', output.ToString().Replace(Environment.NewLine, "\n"));
        Assert.Contains("big.tmx: Connection lost; resuming", output.ToString());
    }

    [Fact]
    public void Progress_line_leaves_out_fraction_and_time_left_when_the_size_is_unknown()
    {
        var progress = new ImportProgress { ImportId = 3, UnitsRead = 100, UnitsCommitted = 100, BytesReceived = 9_000 };

        var line = PlainImportProgressView.Describe(progress, ProgressFigures.Of(progress, TimeSpan.FromSeconds(2)));

        Assert.Equal("import 3: 100 segments committed, 50 segments/s", line);
    }

    [Fact]
    public void Figures_count_this_call_only()
    {
        // A resumed call: the import had 1,000,000 units committed, this call has read 50,000 in 5 s.
        var progress = new ImportProgress { UnitsRead = 50_000, UnitsCommitted = 1_050_000, BytesReceived = 2_500_000, TotalBytes = 10_000_000 };

        var figures = ProgressFigures.Of(progress, TimeSpan.FromSeconds(5));

        Assert.Equal(0.25, figures.Fraction);
        Assert.Equal(10_000, figures.UnitsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(15), figures.Remaining);
    }

    [Fact]
    public void Figures_before_any_time_has_passed_have_no_rate_and_no_estimate()
    {
        var figures = ProgressFigures.Of(Ack(0, 0), TimeSpan.Zero);

        Assert.Equal((0.0, 0.0, (TimeSpan?)null), (figures.Fraction, figures.UnitsPerSecond, figures.Remaining));
    }

    [Fact]
    public async Task Live_view_draws_a_bar_with_the_figures_on_an_ansi_console()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 160;

        await using (var view = await LiveImportProgressView.StartAsync(console, "big.tmx", new ManualClock()))
        {
            view.Started(4_000_000);
            view.Acknowledged(Ack(20_000, 4_000_000, completed: true));
        }

        var text = output.ToString();
        Assert.Contains('\u001b', text);
        Assert.Contains("big.tmx", text);
        Assert.Contains("20,000 segments committed", text);
        Assert.Contains("100%", text);
    }

    [Theory]
    [InlineData(999, "999 B")]
    [InlineData(1_000, "1.0 KB")]
    [InlineData(48_123_456, "48.1 MB")]
    [InlineData(2_500_000_000, "2.5 GB")]
    public void Sizes_read_in_powers_of_a_thousand(long bytes, string text)
    {
        Assert.Equal(text, Quantities.Bytes(bytes));
    }

    [Theory]
    [InlineData(0.42, "0.4 s")]
    [InlineData(9.96, "10 s")]
    [InlineData(42, "42 s")]
    [InlineData(72, "1 min 12 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(3_780, "1 h 3 min")]
    [InlineData(-3, "0.0 s")]
    public void Durations_read_in_the_largest_sensible_units(double seconds, string text)
    {
        Assert.Equal(text, Quantities.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
