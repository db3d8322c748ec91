using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm terms suggest [--max N]</c>: the term candidates the memory's own pairs suggest, numbered for
/// <c>tm terms accept</c>, each with its frequency, score and an example pair.
/// </summary>
internal sealed class TermsSuggestCommand : ServerCommand
{
    // Extraction reads up to 100,000 pairs on the server.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private readonly Option<int?> _max = MaxOption();

    public TermsSuggestCommand(CliContext context, CommonOptions common)
        : base("suggest", "List term candidates extracted from the memory's pairs, numbered for tm terms accept", context, common, DefaultTimeout)
    {
        Add(_max);
    }

    /// <summary>The --max option of suggest and accept: accept must ask for the list suggest printed to number it the same.</summary>
    internal static Option<int?> MaxOption()
    {
        var max = new Option<int?>("--max") { Description = "Candidates to list, 1-500 [default: 50]", HelpName = "n" };
        max.CustomParser = NumberParser.For<int>(value => value is >= 1 and <= 500, "--max must be a whole number between 1 and 500;");
        return max;
    }

    /// <summary>The suggestions, as suggest lists them and accept numbers them.</summary>
    internal static async Task<SuggestTermsResponse> SuggestAsync(ServerConnection connection, string memory, int? max, CancellationToken cancellationToken) =>
        await connection.TranslationMemory.SuggestTermsAsync(new SuggestTermsRequest { Memory = memory, MaxResults = max ?? 0 },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var response = await SuggestAsync(connection, MemoryOf(parseResult), parseResult.GetValue(_max), cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("pairsRead", response.PairsRead);
                json.WriteBoolean("truncated", response.Truncated);
                json.WriteStartArray("suggestions");
                var number = 0;
                foreach (var suggestion in response.Suggestions)
                {
                    json.WriteStartObject();
                    json.WriteNumber("number", ++number);
                    json.WriteString("ko", suggestion.Ko);
                    json.WriteString("en", suggestion.En);
                    json.WriteNumber("frequency", suggestion.Frequency);
                    json.WriteNumber("score", suggestion.Score);
                    json.WriteBoolean("inTermbase", suggestion.InTermbase);
                    json.WriteStartArray("examples");
                    foreach (var example in suggestion.Examples)
                    {
                        json.WriteStartObject();
                        json.WriteString("segmentId", example.SegmentId);
                        json.WriteString("ko", example.Ko);
                        json.WriteString("en", example.En);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (response.Suggestions.Count == 0)
        {
            Context.WriteLine("No term candidates: the memory's pairs repeat no Korean term with one English translation often enough.");
            return ExitCodes.Success;
        }

        var table = Context.CreateTable(rowSeparators: true);
        table.AddColumn(new TableColumn("#") { NoWrap = true, Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Korean"));
        table.AddColumn(new TableColumn("English"));
        table.AddColumn(new TableColumn("Freq") { NoWrap = true, Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Score") { NoWrap = true, Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Example"));
        var number = 0;
        foreach (var suggestion in response.Suggestions)
        {
            var example = suggestion.Examples.Count > 0 ? $"{suggestion.Examples[0].Ko}\n{suggestion.Examples[0].En}" : "";
            var english = Markup.Escape(suggestion.En) + (suggestion.InTermbase ? " [green](in termbase)[/]" : "");
            table.AddRow(
                (++number).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(suggestion.Ko),
                english,
                suggestion.Frequency.ToString(CultureInfo.InvariantCulture),
                suggestion.Score.ToString("0.0", CultureInfo.InvariantCulture),
                "[dim]" + Markup.Escape(example) + "[/]");
        }

        Context.WriteTable(table);
        var read = $"From {response.PairsRead.ToString("N0", CultureInfo.InvariantCulture)} pairs" +
            (response.Truncated ? " (the memory holds more; the oldest were read)" : "") + ".";
        Context.WriteLine(Markup.Escape($"{read} Accept with tm terms accept N… (or --all)."));
        return ExitCodes.Success;
    }
}
