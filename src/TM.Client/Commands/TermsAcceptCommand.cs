using System.CommandLine;
using Grpc.Core;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm terms accept N… | --all | --ko TERM [--en TERM]</c>: adds suggestions of <c>tm terms suggest</c> (by their
/// numbers there, all of them, or by their terms) to the termbase, with the source "extracted".
/// </summary>
internal sealed class TermsAcceptCommand : ServerCommand
{
    /// <summary>The source an accepted suggestion is stored with.</summary>
    public const string ExtractedSource = "extracted";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private readonly Argument<int[]> _numbers = new("numbers") { Description = "The numbers tm terms suggest printed", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> _all = new("--all") { Description = "Accept every suggestion not in the termbase yet" };
    private readonly Option<string?> _korean = new("--ko") { Description = "Accept the suggestion with this Korean term", HelpName = "term" };
    private readonly Option<string?> _english = new("--en") { Description = "Accept the suggestion with this English term", HelpName = "term" };
    private readonly Option<int?> _max = TermsSuggestCommand.MaxOption();

    public TermsAcceptCommand(CliContext context, CommonOptions common)
        : base("accept", "Add suggestions of tm terms suggest to the termbase (by number, --all, or --ko/--en)", context, common, DefaultTimeout)
    {
        Add(_numbers);
        Add(_all);
        Add(_korean);
        Add(_english);
        Add(_max);
        Validators.Add(result =>
        {
            var numbers = result.GetValue(_numbers) ?? [];
            var byTerm = result.GetResult(_korean) is not null || result.GetResult(_english) is not null;
            var ways = (numbers.Length > 0 ? 1 : 0) + (result.GetValue(_all) ? 1 : 0) + (byTerm ? 1 : 0);
            if (ways != 1)
            {
                result.AddError("Say which suggestions to accept, one way: their numbers (tm terms suggest), --all, or --ko and/or --en.");
            }
            else if (numbers.Any(n => n < 1))
            {
                result.AddError("Suggestion numbers start at 1, as tm terms suggest prints them.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        // The list is asked for again, as suggest asked for it: the same memory gives the same numbering (accepted
        // suggestions stay in it, marked in the termbase).
        var suggestions = (await TermsSuggestCommand.SuggestAsync(connection, memory, parseResult.GetValue(_max), cancellationToken)).Suggestions;
        var chosen = new List<TermSuggestion>();
        foreach (var number in parseResult.GetValue(_numbers) ?? [])
        {
            if (number > suggestions.Count)
            {
                Context.WriteError($"There is no suggestion {number}: tm terms suggest lists {suggestions.Count} (more with --max, given to both commands).");
                return ExitCodes.Usage;
            }

            chosen.Add(suggestions[number - 1]);
        }

        if (parseResult.GetValue(_all))
        {
            chosen.AddRange(suggestions.Where(s => !s.InTermbase));
        }

        var korean = parseResult.GetValue(_korean);
        var english = parseResult.GetValue(_english);
        if (korean is not null || english is not null)
        {
            chosen.AddRange(suggestions.Where(s => (korean is null || s.Ko == korean) && (english is null || s.En == english)));
            if (chosen.Count == 0)
            {
                Context.WriteError("No suggestion has those terms; tm terms suggest lists them.");
                return ExitCodes.Usage;
            }
        }

        var added = new List<TermEntry>();
        var already = 0;
        foreach (var suggestion in chosen.Distinct())
        {
            try
            {
                added.Add(await connection.TranslationMemory.AddTermAsync(new AddTermRequest
                {
                    Memory = memory,
                    Entry = new TermEntry { Ko = suggestion.Ko, En = suggestion.En, Source = ExtractedSource },
                }, deadline: connection.Deadline(), cancellationToken: cancellationToken));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
                already++;
            }
        }

        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("alreadyInTermbase", already);
                json.WriteStartArray("added");
                foreach (var entry in added)
                {
                    TermsCommand.Write(json, entry);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        foreach (var entry in added)
        {
            Context.WriteLine(Markup.Escape($"Added term {entry.Id}: {TermsCommand.Describe(entry)}"));
        }

        Context.WriteLine(Markup.Escape($"{Counted.Of(added.Count, "term")} added to the termbase" + (already > 0 ? $"; {already} already there." : ".")));
        return ExitCodes.Success;
    }
}
