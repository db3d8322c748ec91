using System.Globalization;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// The fields a memory defines (<see cref="MemorySettings.Fields"/>) and how a value is checked against them and
/// written in its field type's one form, so that a filter, a penalty and a stored value compare as text: a date as
/// RFC 3339 in UTC, a number in its shortest invariant form, a picklist value as the definition spells it.
/// </summary>
/// <remarks>
/// Also the one place that knows how a TMX <c>&lt;prop&gt;</c> names a field: Trados writes
/// <c>type="x-journal:SingleString"</c>, memoQ and OmegaT <c>type="x-journal"</c> or <c>type="journal"</c>.
/// </remarks>
public sealed class FieldSchema
{
    /// <summary>Most fields a memory defines.</summary>
    public const int MaxFields = 50;

    /// <summary>Longest field name.</summary>
    public const int MaxNameLength = 50;

    /// <summary>Most choices of a picklist.</summary>
    public const int MaxChoices = 500;

    /// <summary>Longest picklist choice.</summary>
    public const int MaxChoiceLength = 200;

    /// <summary>Longest text value.</summary>
    public const int MaxValueLength = 1_000;

    /// <summary>Most values one pair carries, all fields together.</summary>
    public const int MaxValuesPerPair = 100;

    private readonly Dictionary<string, (FieldDefinition Definition, int Position)> _byName;

    /// <summary>The schema of these definitions (already checked with <see cref="Check"/>).</summary>
    public FieldSchema(IReadOnlyList<FieldDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions;
        _byName = new(definitions.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < definitions.Count; i++)
            _byName[definitions[i].Name] = (definitions[i], i);
    }

    /// <summary>The definitions, in their order.</summary>
    public IReadOnlyList<FieldDefinition> Definitions { get; }

    /// <summary>
    /// Checks a memory's definitions: names by the rule, unique without regard to case; choices for a picklist and
    /// only for it, unique, within the limits.
    /// </summary>
    /// <exception cref="ArgumentException">A definition breaks a rule; the message names it and says what to change.</exception>
    public static void Check(IReadOnlyList<FieldDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        if (definitions.Count > MaxFields)
            throw new ArgumentException($"A memory defines at most {MaxFields} fields; these are {definitions.Count}.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            if (!IsValidName(definition.Name))
                throw new ArgumentException($"Field name '{definition.Name}' is not allowed: use 1 to {MaxNameLength} letters, digits, spaces, '-', '_' or '.', starting with a letter or a digit.");
            if (string.Equals(definition.Name, "tm-origin", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException("Field name 'tm-origin' is taken: it is how a pair's origin is exported (<prop type=\"x-tm-origin\">); choose another name, such as 'document'.");
            if (!names.Add(definition.Name))
                throw new ArgumentException($"Field '{definition.Name}' is defined twice (names are compared without regard to case).");
            if (definition.Type == FieldType.Picklist)
                CheckChoices(definition);
            else if (definition.Choices.Count > 0)
                throw new ArgumentException($"Field '{definition.Name}' has choices but is not a picklist; make it a picklist or leave the choices out.");
        }
    }

    /// <summary>The definition of the field called <paramref name="name"/> (any case); null when the memory has none.</summary>
    public FieldDefinition? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry.Definition : null;

    /// <summary>
    /// <paramref name="value"/> of field <paramref name="name"/> in its field type's form, named as the definition spells it.
    /// </summary>
    /// <exception cref="ArgumentException">The memory has no such field, or the value does not fit it; the message says why and what fits.</exception>
    public FieldValue Normalize(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (Find(name) is not { } definition)
        {
            throw new ArgumentException(Definitions.Count == 0
                ? $"The memory defines no fields, so it has no field '{name}'; define fields with CreateMemory or UpdateMemory."
                : $"The memory has no field '{name}'; its fields are {string.Join(", ", Definitions.Select(d => $"'{d.Name}'"))}.");
        }
        return TryNormalize(definition, value, out var normalized, out var problem)
            ? new FieldValue(definition.Name, normalized)
            : throw new ArgumentException($"Field '{definition.Name}': {problem}");
    }

    /// <summary>
    /// Checks a pair's values and puts them in the definitions' order (a value given twice once), as
    /// <see cref="StoredSegment.Fields"/> holds them.
    /// </summary>
    /// <exception cref="ArgumentException">A value does not fit, or there are more than <see cref="MaxValuesPerPair"/>.</exception>
    public IReadOnlyList<FieldValue> NormalizeAll(IEnumerable<(string Name, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new List<FieldValue>();
        foreach (var (name, value) in values)
        {
            var normalized = Normalize(name, value);
            if (!result.Contains(normalized))
                result.Add(normalized);
            if (result.Count > MaxValuesPerPair)
                throw new ArgumentException($"A pair carries at most {MaxValuesPerPair} field values.");
        }
        return Ordered(result);
    }

    /// <summary>
    /// The field a TMX <c>&lt;prop&gt;</c> of <paramref name="propertyType"/> sets, and its value, when the memory
    /// defines the field and the value fits it; false otherwise (the caller keeps the prop as it was).
    /// </summary>
    public bool TryFromProperty(string propertyType, string value, out FieldValue field)
    {
        ArgumentNullException.ThrowIfNull(propertyType);
        ArgumentNullException.ThrowIfNull(value);
        field = null!;
        var name = propertyType.AsSpan();
        if (name.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
            name = name[2..];
        // Trados appends the field's type: x-journal:SingleString, x-domain:MultiplePicklist.
        if (name.IndexOf(':') is var colon and > 0)
            name = name[..colon];
        if (Find(name.ToString()) is not { } definition || !TryNormalize(definition, value, out var normalized, out _))
            return false;
        field = new FieldValue(definition.Name, normalized);
        return true;
    }

    /// <summary>The <c>type</c> of the TMX <c>&lt;prop&gt;</c> a field is exported as: <c>x-</c> and its name, as TMX asks of user-defined properties.</summary>
    public static string PropertyType(string fieldName) => "x-" + fieldName;

    /// <summary>Values in the order of the definitions (a value of a field no longer defined last), each field's values as given.</summary>
    public IReadOnlyList<FieldValue> Ordered(List<FieldValue> values)
    {
        if (values.Count < 2)
            return values;
        var ordered = values
            .Select((value, index) => (value, index, position: _byName.TryGetValue(value.Name, out var entry) ? entry.Position : int.MaxValue))
            .OrderBy(v => v.position)
            .ThenBy(v => v.index)
            .Select(v => v.value);
        return [.. ordered];
    }

    private static bool TryNormalize(FieldDefinition definition, string value, out string normalized, out string problem)
    {
        normalized = "";
        problem = "";
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            problem = "the value is empty; leave the field out instead.";
            return false;
        }
        switch (definition.Type)
        {
            case FieldType.Picklist:
                foreach (var choice in definition.Choices)
                {
                    if (string.Equals(choice, trimmed, StringComparison.OrdinalIgnoreCase))
                    {
                        normalized = choice;
                        return true;
                    }
                }
                problem = $"'{trimmed}' is not one of its choices ({string.Join(", ", definition.Choices.Take(20).Select(c => $"'{c}'"))}{(definition.Choices.Count > 20 ? ", …" : "")}).";
                return false;
            case FieldType.Date:
                if (TryParseDate(trimmed, out var date))
                {
                    normalized = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    return true;
                }
                problem = $"'{trimmed}' is not a date; write it as 2024-03-01 or RFC 3339 (2024-03-01T09:30:00Z).";
                return false;
            case FieldType.Number:
                if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    normalized = number.ToString("R", CultureInfo.InvariantCulture);
                    return true;
                }
                problem = $"'{trimmed}' is not a number; write it with digits and a '.' for decimals (12, 3.5).";
                return false;
            default:
                if (trimmed.Length > MaxValueLength)
                {
                    problem = $"the value is {trimmed.Length:N0} characters long; the limit is {MaxValueLength:N0}.";
                    return false;
                }
                if (trimmed.Any(char.IsControl))
                {
                    problem = "the value holds a line break or another control character; a field value is one line.";
                    return false;
                }
                normalized = trimmed;
                return true;
        }
    }

    // ISO 8601 dates and times as people and tools write them, and TMX's own form (20240301T093000Z).
    private static bool TryParseDate(string text, out DateTimeOffset date)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd"], CultureInfo.InvariantCulture, styles, out date)
            || (text.Length >= 10 && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out date));
    }

    private static void CheckChoices(FieldDefinition definition)
    {
        if (definition.Choices.Count is 0 or > MaxChoices)
            throw new ArgumentException($"Picklist field '{definition.Name}' needs 1 to {MaxChoices} choices; it has {definition.Choices.Count}.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var choice in definition.Choices)
        {
            if (choice.Trim().Length == 0 || choice.Length > MaxChoiceLength || choice != choice.Trim() || choice.Any(char.IsControl))
                throw new ArgumentException($"Picklist field '{definition.Name}' has the choice '{choice}': a choice is 1 to {MaxChoiceLength} characters on one line, without spaces around it.");
            if (!seen.Add(choice))
                throw new ArgumentException($"Picklist field '{definition.Name}' lists '{choice}' twice.");
        }
    }

    private static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || !char.IsLetterOrDigit(name[0]))
            return false;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not (' ' or '-' or '_' or '.'))
                return false;
        }
        return true;
    }
}
