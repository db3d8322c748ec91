using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm terms list|add|update|delete|import|export|suggest|accept</c>: the memory's termbase, and the terms its own
/// pairs suggest.
/// </summary>
internal sealed class TermsCommand : Command
{
    public TermsCommand(CliContext context, CommonOptions common)
        : base("terms", "The memory's termbase: list, add, change, delete, import (TBX, CSV) and export (TBX) terms, and accept the terms its pairs suggest")
    {
        Add(new TermsListCommand(context, common));
        Add(new TermsAddCommand(context, common));
        Add(new TermsUpdateCommand(context, common));
        Add(new TermsDeleteCommand(context, common));
        Add(new TermsImportCommand(context, common));
        Add(new TermsExportCommand(context, common));
        Add(new TermsSuggestCommand(context, common));
        Add(new TermsAcceptCommand(context, common));
    }

    /// <summary>The argument of update and delete.</summary>
    internal static Argument<long?> IdArgument()
    {
        var id = new Argument<long?>("id") { Description = "The entry's id (tm terms list)", Arity = ArgumentArity.ExactlyOne };
        id.CustomParser = NumberParser.For<long>(value => value >= 1, "The id must be an entry's id (a whole number from tm terms list);");
        return id;
    }

    /// <summary>The version option of update and delete: the change is refused if the entry moved on since.</summary>
    internal static Option<long?> VersionOption() => new("--version")
    {
        Description = "The version you read (tm terms list); the change is refused if someone changed the entry since [default: the current one]",
        HelpName = "n",
    };

    /// <summary>Prints an entry as <c>--json</c> asks: one JSON document, or as a terminologist reads it.</summary>
    internal static void Print(CliContext context, bool json, TermEntry entry)
    {
        if (json)
        {
            JsonOutput.Write(context.StdOut, writer => Write(writer, entry));
        }
        else
        {
            Write(context, entry);
        }
    }

    /// <summary>Prints an entry as a terminologist reads it.</summary>
    internal static void Write(CliContext context, TermEntry entry)
    {
        context.WriteLine(Markup.Escape($"Term {entry.Id} (version {entry.Version}): {Describe(entry)}"));
        foreach (var line in Details(entry))
        {
            context.WriteLine(Markup.Escape("  " + line));
        }
    }

    /// <summary>"김일성 = Kim Il-sung", or the one side an entry has.</summary>
    internal static string Describe(TermEntry entry) => (entry.Ko, entry.En) switch
    {
        ("", var english) => english,
        (var korean, "") => korean,
        var (korean, english) => $"{korean} = {english}",
    };

    /// <summary>The entry's variants, forbidden forms, part of speech, note and source, a line each; none for what it lacks.</summary>
    internal static IEnumerable<string> Details(TermEntry entry)
    {
        if (entry.KoVariants.Count + entry.EnVariants.Count > 0)
        {
            yield return "variants: " + string.Join(", ", entry.KoVariants.Concat(entry.EnVariants));
        }

        if (entry.ForbiddenKo.Count + entry.ForbiddenEn.Count > 0)
        {
            yield return "forbidden: " + string.Join(", ", entry.ForbiddenKo.Concat(entry.ForbiddenEn));
        }

        if (entry.PartOfSpeech.Length > 0)
        {
            yield return "part of speech: " + entry.PartOfSpeech;
        }

        if (entry.Note.Length > 0)
        {
            yield return "note: " + entry.Note;
        }

        if (entry.Source.Length > 0)
        {
            yield return "source: " + entry.Source;
        }
    }

    /// <summary>An entry as JSON.</summary>
    internal static void Write(Utf8JsonWriter json, TermEntry entry)
    {
        json.WriteStartObject();
        json.WriteNumber("id", entry.Id);
        json.WriteString("ko", entry.Ko);
        json.WriteString("en", entry.En);
        JsonOutput.WriteStrings(json, "koVariants", entry.KoVariants);
        JsonOutput.WriteStrings(json, "enVariants", entry.EnVariants);
        JsonOutput.WriteStrings(json, "forbiddenKo", entry.ForbiddenKo);
        JsonOutput.WriteStrings(json, "forbiddenEn", entry.ForbiddenEn);
        json.WriteString("partOfSpeech", entry.PartOfSpeech);
        json.WriteString("note", entry.Note);
        json.WriteString("source", entry.Source);
        json.WriteString("created", entry.Created);
        json.WriteString("createdBy", entry.CreatedBy);
        json.WriteString("changed", entry.Changed);
        json.WriteString("changedBy", entry.ChangedBy);
        json.WriteNumber("version", entry.Version);
        json.WriteEndObject();
    }
}
