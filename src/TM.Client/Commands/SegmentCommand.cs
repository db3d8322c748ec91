using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TM.Client.Fields;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment list|add</c>, <c>tm segment show|edit|delete ID</c>: one pair of the memory, as a reviewer reads and corrects it.</summary>
internal sealed class SegmentCommand : Command
{
    public SegmentCommand(CliContext context, CommonOptions common)
        : base("segment", "Browse the memory's pairs, and show, correct or delete one by the id tm match --json and tm concordance --json give")
    {
        Add(new SegmentListCommand(context, common));
        Add(new SegmentShowCommand(context, common));
        Add(new SegmentAddCommand(context, common));
        Add(new SegmentEditCommand(context, common));
        Add(new SegmentDeleteCommand(context, common));
    }

    /// <summary>The argument every segment command takes.</summary>
    internal static Argument<string> IdArgument() => new("id") { Description = "The pair's segment id" };

    /// <summary>The version option of edit and delete: the change is refused if the pair moved on since.</summary>
    internal static Option<long?> VersionOption() => new("--version")
    {
        Description = "The version you read (tm segment show); the change is refused if someone changed the pair since [default: the current one]",
        HelpName = "n",
    };

    /// <summary>The version to base a change on: the one given, or the pair's current one.</summary>
    internal static async Task<long> VersionAsync(ServerConnection connection, string memory, string id, long? given, CancellationToken cancellationToken) =>
        given ?? (await connection.TranslationMemory.GetSegmentAsync(new GetSegmentRequest { Memory = memory, SegmentId = id },
            deadline: connection.Deadline(), cancellationToken: cancellationToken)).Version;

    /// <summary>Prints a pair as a reviewer reads it.</summary>
    internal static void Write(CliContext context, Segment segment)
    {
        context.WriteLine($"Segment {Markup.Escape(segment.SegmentId)} (version {segment.Version}){(segment.LowConfidence ? " [yellow]low confidence[/]" : "")}");
        context.WriteLine($"  ko: {Markup.Escape(segment.Ko)}");
        context.WriteLine($"  en: {Markup.Escape(segment.En)}");
        WriteFields(context, segment.Fields, "  ");
        var by = segment.ChangedBy.Length > 0 ? $" by {segment.ChangedBy}" : "";
        context.WriteLine(Markup.Escape($"  {segment.Origin} · stored {segment.Created} · changed {segment.Changed}{by}"));
    }

    /// <summary>Prints a pair's (or an old version's) field values on one line under its text; nothing for none.</summary>
    internal static void WriteFields(CliContext context, IEnumerable<FieldValue> fields, string indent)
    {
        var line = FieldValues.Format(fields);
        if (line.Length > 0)
        {
            context.WriteLine(Markup.Escape($"{indent}fields: {line}"));
        }
    }

    /// <summary>A pair as JSON.</summary>
    internal static void Write(Utf8JsonWriter json, Segment segment)
    {
        json.WriteStartObject();
        json.WriteString("segmentId", segment.SegmentId);
        json.WriteString("ko", segment.Ko);
        json.WriteString("en", segment.En);
        json.WriteString("origin", segment.Origin);
        json.WriteBoolean("lowConfidence", segment.LowConfidence);
        json.WriteNumber("importId", segment.ImportId);
        json.WriteString("created", segment.Created);
        json.WriteString("changed", segment.Changed);
        json.WriteString("createdBy", segment.CreatedBy);
        json.WriteString("changedBy", segment.ChangedBy);
        json.WriteNumber("version", segment.Version);
        FieldValues.Write(json, segment.Fields);
        if (segment.History.Count > 0)
        {
            json.WriteStartArray("history");
            foreach (var version in segment.History)
            {
                json.WriteStartObject();
                json.WriteNumber("version", version.Version);
                json.WriteString("ko", version.Ko);
                json.WriteString("en", version.En);
                json.WriteString("changed", version.Changed);
                json.WriteString("changedBy", version.ChangedBy);
                json.WriteString("replaced", version.Replaced);
                json.WriteString("replacedBy", version.ReplacedBy);
                json.WriteBoolean("deleted", version.Deleted);
                FieldValues.Write(json, version.Fields);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
