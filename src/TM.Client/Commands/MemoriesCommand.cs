using System.CommandLine;
using System.Text.Json;
using TM.Client.Fields;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm memories list|create|update|rename|delete</c>: the server's memories as objects.</summary>
internal sealed class MemoriesCommand : Command
{
    public MemoriesCommand(CliContext context, CommonOptions common)
        : base("memories", "List, create, update, rename and delete translation memories")
    {
        Add(new MemoriesListCommand(context, common));
        Add(new MemoriesCreateCommand(context, common));
        Add(new MemoriesUpdateCommand(context, common));
        Add(new MemoriesRenameCommand(context, common));
        Add(new MemoriesDeleteCommand(context, common));
    }

    /// <summary>Why <c>--memory</c> does not apply to these commands.</summary>
    internal const string WithoutMemory = "name the memory as the command's argument.";

    /// <summary>The minimum score option of create and update.</summary>
    internal static Option<double?> MinScoreOption()
    {
        var option = new Option<double?>("--min-score")
        {
            Description = "The lowest score a lookup into the memory returns when it does not say, 1-100 [default: the server's, 50]",
            HelpName = "score",
        };
        option.CustomParser = NumberParser.For<double>(score => score is > 0 and <= 100, "--min-score must be a number above 0 and at most 100;");
        return option;
    }

    /// <summary>A memory as JSON.</summary>
    internal static void Write(Utf8JsonWriter json, MemoryDescription memory)
    {
        json.WriteStartObject();
        json.WriteString("name", memory.Name);
        json.WriteNumber("segments", memory.Segments);
        json.WriteString("created", memory.Created);
        json.WriteString("description", memory.Settings?.Description ?? "");
        json.WriteNumber("minScore", memory.Settings?.MinScore ?? 0);
        if (memory.Settings?.Penalties is { } penalties)
        {
            json.WriteStartObject("penalties");
            json.WriteNumber("multipleTranslations", penalties.MultipleTranslations);
            json.WriteNumber("aligned", penalties.Aligned);
            json.WriteNumber("lowConfidence", penalties.LowConfidence);
            json.WriteEndObject();
        }

        FieldDefinitions.Write(json, memory.Settings?.Fields ?? []);
        json.WriteEndObject();
    }
}
