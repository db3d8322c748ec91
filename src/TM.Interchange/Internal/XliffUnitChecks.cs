using System.Xml;

namespace TM.Interchange.Internal;

/// <summary>
/// What <see cref="Xliff2Writer"/> and <see cref="Xliff12Writer"/> check before they write a unit, so that a bad one
/// is refused whole and the document stays well-formed: ids that are XML name tokens and unique, a target for any
/// state past initial, similarities within 0..100, and text XML 1.0 can carry.
/// </summary>
internal static class XliffUnitChecks
{
    /// <summary>Checks <paramref name="unit"/> against the ids used so far and the group open now.</summary>
    /// <exception cref="ArgumentException">The unit breaks one of the rules; the message names the unit.</exception>
    public static void Check(XliffUnit unit, IReadOnlySet<string> usedIds, string? openGroup)
    {
        CheckId(unit.Id, "unit id");
        if (usedIds.Contains(unit.Id) || (unit.Group is not null && unit.Group != openGroup && usedIds.Contains(unit.Group)) || unit.Group == unit.Id)
        {
            throw new ArgumentException($"The id \"{unit.Id}\" (or its group \"{unit.Group}\") was used before; unit and group ids must be unique in a file.", nameof(unit));
        }

        if (unit.Group is not null)
        {
            CheckId(unit.Group, "group id");
        }

        if (unit.State != XliffSegmentState.Initial && unit.Target is null)
        {
            throw new ArgumentException($"Unit \"{unit.Id}\" is {Xliff2Writer.StateName(unit.State)} but has no target; only an initial segment may lack one.", nameof(unit));
        }

        CheckText(unit.Source, $"the source of unit \"{unit.Id}\"");
        CheckText(unit.Target, $"the target of unit \"{unit.Id}\"");
        CheckMetadata(unit.Metadata, $"the metadata of unit \"{unit.Id}\"");
        if (unit.Match is { } match)
        {
            if (match.Similarity is { } similarity && !(similarity >= 0 && similarity <= 100))
            {
                throw new ArgumentException($"The match of unit \"{unit.Id}\" has similarity {similarity}; XLIFF allows 0 to 100.", nameof(unit));
            }

            CheckText(match.Source, $"the match source of unit \"{unit.Id}\"");
            CheckText(match.Target, $"the match target of unit \"{unit.Id}\"");
            CheckText(match.Origin, $"the match origin of unit \"{unit.Id}\"");
            CheckId(match.Type, "match type");
            CheckMetadata(match.Metadata, $"the match metadata of unit \"{unit.Id}\"");
        }
    }

    /// <summary>Refuses an id that is empty or not an XML name token.</summary>
    public static void CheckId(string? id, string what)
    {
        if (string.IsNullOrEmpty(id) || !IsNameToken(id))
        {
            throw new ArgumentException($"The {what} \"{id}\" is not an XML name token: use letters, digits and . - _ : only.");
        }
    }

    /// <summary>Refuses metadata with an empty type or a character XML cannot represent.</summary>
    public static void CheckMetadata(IReadOnlyList<XliffMeta> metadata, string where)
    {
        foreach (XliffMeta meta in metadata)
        {
            ArgumentNullException.ThrowIfNull(meta);
            ArgumentException.ThrowIfNullOrEmpty(meta.Type);
            CheckText(meta.Type, where);
            CheckText(meta.Value, where);
        }
    }

    /// <summary>Refuses text holding a character XML 1.0 cannot represent; null passes.</summary>
    public static void CheckText(string? text, string where)
    {
        if (text is null)
        {
            return;
        }

        int bad = XmlChars.IndexOfInvalid(text);
        if (bad >= 0)
        {
            throw new ArgumentException($"{char.ToUpperInvariant(where[0])}{where[1..]} holds {XmlText.Describe(text[bad])} at offset {bad}, which XML 1.0 cannot represent.");
        }
    }

    private static bool IsNameToken(string id)
    {
        foreach (char c in id)
        {
            if (!XmlConvert.IsNCNameChar(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }
}
