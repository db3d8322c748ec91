using System.CommandLine;
using System.Text.Json;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm memories list|create|rename|delete</c>: the server's memories as objects.</summary>
internal sealed class MemoriesCommand : Command
{
    public MemoriesCommand(CliContext context, CommonOptions common)
        : base("memories", "List, create, rename and delete translation memories")
    {
        Add(new MemoriesListCommand(context, common));
        Add(new MemoriesCreateCommand(context, common));
        Add(new MemoriesRenameCommand(context, common));
        Add(new MemoriesDeleteCommand(context, common));
    }

    /// <summary>Why <c>--memory</c> does not apply to these commands.</summary>
    internal const string WithoutMemory = "name the memory as the command's argument.";

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

        json.WriteEndObject();
    }
}
