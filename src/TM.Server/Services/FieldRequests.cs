using Google.Protobuf.Collections;
using TM.Server.Memory;
using TM.Storage;
using ApiFieldDefinition = TM.Protos.V1.FieldDefinition;
using ApiFieldPenalty = TM.Protos.V1.FieldPenalty;
using ApiFieldType = TM.Protos.V1.FieldType;
using ApiFieldValue = TM.Protos.V1.FieldValue;
using SegmentFilter = TM.Search.SegmentFilter;

namespace TM.Server.Services;

/// <summary>
/// Fields (TM attributes) between the API and the memory: definitions, values set on pairs, filters and penalties,
/// each checked against the memory's definitions by <see cref="FieldSchema"/> and sent back in the same shape.
/// </summary>
internal static class FieldRequests
{
    /// <summary>The definitions a CreateMemory or UpdateMemory sends, checked.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT, naming the definition and the rule.</exception>
    public static IReadOnlyList<FieldDefinition> Definitions(RepeatedField<ApiFieldDefinition> requested)
    {
        var definitions = new List<FieldDefinition>(requested.Count);
        foreach (var definition in requested)
        {
            var type = definition.Type switch
            {
                ApiFieldType.Text => FieldType.Text,
                ApiFieldType.Picklist => FieldType.Picklist,
                ApiFieldType.Date => FieldType.Date,
                ApiFieldType.Number => FieldType.Number,
                _ => throw Invalid.Argument($"Field '{definition.Name}' has type {(int)definition.Type}, which this server does not know; use text, picklist, date or number."),
            };
            definitions.Add(new FieldDefinition(definition.Name.Trim(), type, [.. definition.Choices]));
        }
        Checked(() => FieldSchema.Check(definitions), "settings.fields");
        return definitions;
    }

    /// <summary>The definitions as the API shows them.</summary>
    public static void AddTo(RepeatedField<ApiFieldDefinition> target, IReadOnlyList<FieldDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            var message = new ApiFieldDefinition
            {
                Name = definition.Name,
                Type = definition.Type switch
                {
                    FieldType.Picklist => ApiFieldType.Picklist,
                    FieldType.Date => ApiFieldType.Date,
                    FieldType.Number => ApiFieldType.Number,
                    _ => ApiFieldType.Text,
                },
            };
            message.Choices.Add(definition.Choices);
            target.Add(message);
        }
    }

    /// <summary>Values a request sets on a pair, in the memory's form and order.</summary>
    /// <param name="requested">The values sent.</param>
    /// <param name="fields">The memory's fields.</param>
    /// <param name="where">What the message names first ("fields", "Message 12: fields").</param>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT: an unknown field or a value that does not fit.</exception>
    public static IReadOnlyList<FieldValue> Values(RepeatedField<ApiFieldValue> requested, FieldSchema fields, string where)
    {
        if (requested.Count == 0)
            return [];
        IReadOnlyList<FieldValue> values = [];
        Checked(() => values = fields.NormalizeAll(requested.Select(v => (v.Name, v.Value))), where);
        return values;
    }

    /// <summary>A pair's values as the API shows them.</summary>
    public static void AddTo(RepeatedField<ApiFieldValue> target, IReadOnlyList<FieldValue> values)
    {
        foreach (var value in values)
            target.Add(new ApiFieldValue { Name = value.Name, Value = value.Value });
    }

    /// <summary>
    /// <paramref name="filter"/> (its memory id set) with the request's field conditions, in the memory's form; null when
    /// there are neither.
    /// </summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT: an unknown field or a value it cannot hold.</exception>
    public static SegmentFilter? Filter(SegmentFilter? filter, RepeatedField<ApiFieldValue> requested, MemoryIndex memory)
    {
        if (requested.Count == 0)
            return filter is null ? null : filter with { MemoryId = memory.Info.Id };
        var values = Values(requested, new FieldSchema(memory.Settings.Fields), "fields");
        var conditions = new KeyValuePair<string, string>[values.Count];
        for (var i = 0; i < values.Count; i++)
            conditions[i] = new(values[i].Name, values[i].Value);
        return (filter ?? new SegmentFilter(0)) with { MemoryId = memory.Info.Id, Fields = conditions };
    }

    /// <summary>The field penalties a request or a memory's settings send, in the fields' form.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT: an unknown field, a value it cannot hold, points outside 0..100.</exception>
    public static IReadOnlyList<FieldPenalty> Penalties(RepeatedField<ApiFieldPenalty> requested, FieldSchema fields, string where)
    {
        if (requested.Count == 0)
            return [];
        var penalties = new List<FieldPenalty>(requested.Count);
        foreach (var penalty in requested)
        {
            if (penalty.Points is < 0 or > 100 || double.IsNaN(penalty.Points))
                throw Invalid.Argument($"{where}: the penalty for field '{penalty.Field}' is {penalty.Points} points; a penalty is 0..100 points.");
            FieldValue value = null!;
            Checked(() => value = fields.Normalize(penalty.Field, penalty.Value), where);
            penalties.Add(new FieldPenalty(value.Name, value.Value, penalty.Points));
        }
        return penalties;
    }

    /// <summary>Field penalties as the API shows them.</summary>
    public static void AddTo(RepeatedField<ApiFieldPenalty> target, IReadOnlyList<FieldPenalty> penalties)
    {
        foreach (var penalty in penalties)
            target.Add(new ApiFieldPenalty { Field = penalty.Name, Value = penalty.Value, Points = penalty.Points });
    }

    // The schema's own message, which already says what to change, after the request's part it concerns.
    private static void Checked(Action check, string where)
    {
        try
        {
            check();
        }
        catch (ArgumentException e)
        {
            throw Invalid.Argument($"{where}: {e.Message}");
        }
    }
}
