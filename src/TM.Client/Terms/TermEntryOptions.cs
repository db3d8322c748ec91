using System.CommandLine;
using TM.Protos.V1;

namespace TM.Client.Terms;

/// <summary>
/// The options that say what a termbase entry holds, shared by <c>tm terms add</c> and <c>tm terms update</c>:
/// the approved terms, variants and forbidden variants (each repeatable), part of speech, note and source.
/// </summary>
internal sealed class TermEntryOptions
{
    public Option<string?> Korean { get; } = new("--ko") { Description = "The approved Korean term", HelpName = "term" };

    public Option<string?> English { get; } = new("--en") { Description = "The approved English term", HelpName = "term" };

    public Option<string[]> KoreanVariants { get; } = Repeated("--ko-variant", "Another Korean form a translator may use; repeatable");

    public Option<string[]> EnglishVariants { get; } = Repeated("--en-variant", "Another English form a translator may use; repeatable");

    public Option<string[]> ForbiddenKorean { get; } = Repeated("--forbidden-ko", "A Korean form that must not be used; repeatable");

    public Option<string[]> ForbiddenEnglish { get; } = Repeated("--forbidden-en", "An English form that must not be used (e.g. Staline); repeatable");

    public Option<string?> PartOfSpeech { get; } = new("--pos") { Description = "Part of speech", HelpName = "noun|verb|adjective|adverb|properNoun|other" };

    public Option<string?> Note { get; } = new("--note") { Description = "A note for translators (a definition, a usage note)", HelpName = "text" };

    public Option<string?> Source { get; } = new("--source") { Description = "Where the term comes from (a reference)", HelpName = "text" };

    private IEnumerable<Option> All => [Korean, English, KoreanVariants, EnglishVariants, ForbiddenKorean, ForbiddenEnglish, PartOfSpeech, Note, Source];

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        PartOfSpeech.AcceptOnlyFromAmong("noun", "verb", "adjective", "adverb", "properNoun", "other");
        foreach (var option in All)
        {
            command.Add(option);
        }
    }

    /// <summary>True when the command line gives any of the options.</summary>
    public bool AnyGiven(System.CommandLine.Parsing.CommandResult result) => All.Any(option => result.GetResult(option) is not null);

    /// <summary>
    /// <paramref name="entry"/> with what the command line gives: a term or text replaces the entry's, a list given
    /// replaces the entry's list (what is not given stays).
    /// </summary>
    public TermEntry Apply(ParseResult parseResult, TermEntry entry)
    {
        var changed = entry.Clone();
        changed.Ko = parseResult.GetValue(Korean) ?? changed.Ko;
        changed.En = parseResult.GetValue(English) ?? changed.En;
        Replace(parseResult, KoreanVariants, changed.KoVariants);
        Replace(parseResult, EnglishVariants, changed.EnVariants);
        Replace(parseResult, ForbiddenKorean, changed.ForbiddenKo);
        Replace(parseResult, ForbiddenEnglish, changed.ForbiddenEn);
        changed.PartOfSpeech = parseResult.GetValue(PartOfSpeech) ?? changed.PartOfSpeech;
        changed.Note = parseResult.GetValue(Note) ?? changed.Note;
        changed.Source = parseResult.GetValue(Source) ?? changed.Source;
        return changed;
    }

    private static void Replace(ParseResult parseResult, Option<string[]> option, Google.Protobuf.Collections.RepeatedField<string> list)
    {
        if (parseResult.GetResult(option) is null)
        {
            return;
        }

        list.Clear();
        list.AddRange(parseResult.GetValue(option) ?? []);
    }

    private static Option<string[]> Repeated(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "form",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
