using System.CommandLine;
using Spectre.Console;
using TM.Client.Fields;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm memories update NAME [--description TEXT] [--min-score S] [--field name:type …] [--remove-field NAME …]
/// [--penalty name=points …]</c>:
/// changes what was given and keeps the rest of the memory's settings.
/// </summary>
internal sealed class MemoriesUpdateCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _name = new("name") { Description = "The memory to change" };
    private readonly Option<string?> _description = new("--description") { Description = "The memory's new description", HelpName = "text" };
    private readonly Option<double?> _minScore = MemoriesCommand.MinScoreOption();

    private readonly Option<FieldDefinition[]> _fields = FieldDefinitions.Option(
        $"Add a field, or redefine the one of that name: {FieldDefinitions.Syntax}; repeatable");

    private readonly Option<string[]> _removeFields = new("--remove-field")
    {
        Description = "Stop offering this field (the values pairs hold are kept); repeatable",
        HelpName = "name",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<MemoryPenalty[]> _penalties = MemoryPenalty.Option();

    public MemoriesUpdateCommand(CliContext context, CommonOptions common)
        : base("update", "Change a memory's description, minimum score, fields or default penalties; what is not given stays as it is", context, common, DefaultTimeout, MemoriesCommand.WithoutMemory)
    {
        Add(_name);
        Add(_description);
        Add(_minScore);
        Add(_fields);
        Add(_removeFields);
        Add(_penalties);
        Validators.Add(result =>
        {
            if (new Option[] { _description, _minScore, _fields, _removeFields, _penalties }.All(option => result.GetResult(option) is null))
            {
                result.AddError("Give what to change: --description, --min-score, --field, --remove-field or --penalty.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_name) ?? "";

        // UpdateMemory replaces the settings whole, so the ones not given are read first and sent back as they are.
        // There is no version to guard this with: two people updating one memory at the same moment may lose a change.
        var memories = await connection.TranslationMemory.ListMemoriesAsync(new ListMemoriesRequest(), deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (memories.Memories.FirstOrDefault(m => m.Name == name) is not { } memory)
        {
            Context.WriteError($"There is no memory '{name}' (tm memories list shows them).");
            return ExitCodes.ServerError;
        }

        var settings = memory.Settings?.Clone() ?? new MemorySettings();
        if (parseResult.GetValue(_description) is { } description)
        {
            settings.Description = description;
        }

        if (parseResult.GetValue(_minScore) is { } minScore)
        {
            settings.MinScore = minScore;
        }

        var removed = parseResult.GetValue(_removeFields) ?? [];
        if (removed.FirstOrDefault(field => !settings.Fields.Any(definition => string.Equals(definition.Name, field, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            Context.WriteError($"Memory '{name}' has no field '{unknown}' to remove; it has {(settings.Fields.Count == 0 ? "none" : string.Join(", ", settings.Fields.Select(d => d.Name)))}.");
            return ExitCodes.Usage;
        }

        var given = parseResult.GetValue(_fields) ?? [];
        var definitions = settings.Fields.ToList();
        definitions.RemoveAll(definition => removed.Contains(definition.Name, StringComparer.OrdinalIgnoreCase));
        foreach (var definition in given)
        {
            // A field given again keeps its place in the order the fields are shown.
            var at = definitions.FindIndex(old => string.Equals(old.Name, definition.Name, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                definitions[at] = definition;
            }
            else
            {
                definitions.Add(definition);
            }
        }

        settings.Fields.Clear();
        settings.Fields.AddRange(definitions);

        // The memory's penalties are one message: the ones not given keep their value (the server's defaults when the
        // memory kept none), since a message without them would set them to 0.
        if (parseResult.GetValue(_penalties) is { Length: > 0 } penalties)
        {
            settings.Penalties ??= FieldPreferences.ServerDefaults();
            foreach (var penalty in penalties)
            {
                penalty.ApplyTo(settings.Penalties);
            }
        }
        var updated = await connection.TranslationMemory.UpdateMemoryAsync(new UpdateMemoryRequest { Name = name, Settings = settings },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => MemoriesCommand.Write(json, updated));
            return ExitCodes.Success;
        }

        var fields = updated.Settings?.Fields.Count > 0
            ? "fields " + string.Join(", ", updated.Settings.Fields.Select(definition => FieldDefinitions.Format(definition, brief: true)))
            : "no fields";
        var kept = parseResult.GetValue(_penalties) is { Length: > 0 } && updated.Settings?.Penalties is { } set
            ? $"; penalties: multiple translations {Points(set.MultipleTranslations)}, aligned {Points(set.Aligned)}, low confidence {Points(set.LowConfidence)}"
            : "";
        Context.WriteLine(Markup.Escape($"Memory '{updated.Name}' is updated: {fields}{kept}."));
        return ExitCodes.Success;
    }

    private static string Points(double points) => points.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
