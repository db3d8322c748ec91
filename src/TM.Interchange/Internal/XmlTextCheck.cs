using System.Globalization;

namespace TM.Interchange.Internal;

/// <summary>
/// Finds, before anything is written, a character XML 1.0 cannot carry anywhere in a unit, and names where it is:
/// the writer would otherwise fail halfway through the unit, or a lenient one would write a file no parser reads.
/// </summary>
internal static class XmlTextCheck
{
    public static void Unit(TranslationUnit unit, int number)
    {
        // The common case, every character fine, is answered without building a single description string.
        if (IsValid(unit))
        {
            return;
        }

        string where = unit.Tuid is null
            ? string.Create(CultureInfo.InvariantCulture, $"Unit {number}")
            : string.Create(CultureInfo.InvariantCulture, $"Unit {number} (tuid \"{Printable(unit.Tuid)}\")");
        const string param = "unit";
        Text(unit.Tuid, $"{where}: the tuid", param);
        Text(unit.CreationId, $"{where}: the creationid", param);
        Text(unit.ChangeId, $"{where}: the changeid", param);
        NotesAndProperties(unit.Notes, unit.Properties, where, param);
        Side(unit.Korean, unit.KoreanTags, unit.KoreanMetadata, $"{where}: the Korean text", param);
        Side(unit.English, unit.EnglishTags, unit.EnglishMetadata, $"{where}: the English text", param);
    }

    public static void NotesAndProperties(IReadOnlyList<TmxNote> notes, IReadOnlyList<TmxProperty> properties, string where, string param)
    {
        for (int i = 0; i < notes.Count; i++)
        {
            Text(notes[i].Text, $"{where}: note {i + 1}", param);
            Text(notes[i].Language, $"{where}: the language of note {i + 1}", param);
        }

        for (int i = 0; i < properties.Count; i++)
        {
            Text(properties[i].Type, $"{where}: the type of property {i + 1}", param);
            Text(properties[i].Value, $"{where}: property {i + 1} (\"{Printable(properties[i].Type)}\")", param);
            Text(properties[i].Language, $"{where}: the language of property {i + 1}", param);
        }
    }

    public static void Text(string? text, string what, string param)
    {
        if (text is null)
        {
            return;
        }

        int bad = XmlChars.IndexOfInvalid(text);
        if (bad >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{what} holds U+{(int)text[bad]:X4} at offset {bad}, which XML 1.0 cannot represent, not even escaped. Remove or replace the character before exporting."),
                param);
        }
    }

    private static void Side(string text, IReadOnlyList<InlineTag> tags, VariantMetadata metadata, string what, string param)
    {
        Text(text, what, param);
        Tags(tags, what, param);
        Text(metadata.CreationId, $"{what}'s creationid", param);
        Text(metadata.ChangeId, $"{what}'s changeid", param);
        NotesAndProperties(metadata.Notes, metadata.Properties, what, param);
    }

    private static void Tags(IReadOnlyList<InlineTag> tags, string what, string param)
    {
        for (int i = 0; i < tags.Count; i++)
        {
            InlineTag tag = tags[i];
            string tagWhat = string.Create(CultureInfo.InvariantCulture, $"{what}, tag {i} <{tag.ElementName}>,");
            Text(tag.Code, tagWhat, param);
            foreach (TmxAttribute attribute in tag.Attributes)
            {
                Text(attribute.Value, $"{tagWhat} attribute {attribute.Name}", param);
            }

            foreach (InlineSub sub in tag.Subs)
            {
                Text(sub.Text, $"{tagWhat} sub", param);
                foreach (TmxAttribute attribute in sub.Attributes)
                {
                    Text(attribute.Value, $"{tagWhat} sub attribute {attribute.Name}", param);
                }

                Tags(sub.Tags, $"{tagWhat} sub", param);
            }
        }
    }

    private static bool IsValid(TranslationUnit unit) =>
        IsValid(unit.Tuid) && IsValid(unit.CreationId) && IsValid(unit.ChangeId)
        && IsValid(unit.Notes, unit.Properties)
        && IsValid(unit.Korean) && IsValid(unit.KoreanTags) && IsValid(unit.KoreanMetadata)
        && IsValid(unit.English) && IsValid(unit.EnglishTags) && IsValid(unit.EnglishMetadata);

    private static bool IsValid(VariantMetadata metadata) =>
        IsValid(metadata.CreationId) && IsValid(metadata.ChangeId) && IsValid(metadata.Notes, metadata.Properties);

    private static bool IsValid(IReadOnlyList<TmxNote> notes, IReadOnlyList<TmxProperty> properties)
    {
        foreach (TmxNote note in notes)
        {
            if (!IsValid(note.Text) || !IsValid(note.Language))
            {
                return false;
            }
        }

        foreach (TmxProperty property in properties)
        {
            if (!IsValid(property.Type) || !IsValid(property.Value) || !IsValid(property.Language))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValid(IReadOnlyList<InlineTag> tags)
    {
        foreach (InlineTag tag in tags)
        {
            if (!IsValid(tag.Code) || !IsValid(tag.Attributes))
            {
                return false;
            }

            foreach (InlineSub sub in tag.Subs)
            {
                if (!IsValid(sub.Text) || !IsValid(sub.Attributes) || !IsValid(sub.Tags))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsValid(IReadOnlyList<TmxAttribute> attributes)
    {
        foreach (TmxAttribute attribute in attributes)
        {
            if (!IsValid(attribute.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValid(string? text) => text is null || XmlChars.IndexOfInvalid(text) < 0;

    private static string Printable(string text) => XmlChars.IndexOfInvalid(text) < 0 ? text : "…";
}
