using System.Xml;
using System.Xml.Linq;

namespace TM.Interchange.Tests;

/// <summary>
/// Checks a document against the structure the XLIFF 1.2 specification (OASIS Standard, 1 February 2008) gives the
/// elements TM writes, from the prose rules rather than the OASIS schema (no package on this machine carries it):
/// nesting and order, required attributes, the enumerated <c>state</c>, <c>state-qualifier</c> and note values,
/// and ids unique in their file. Elements outside XLIFF 1.2 are reported too: the writer uses none.
/// </summary>
/// <remarks>Shared with the client's and the server's tests, which link this file.</remarks>
internal static class Xliff12Checker
{
    private static readonly XNamespace Core = "urn:oasis:names:tc:xliff:document:1.2";
    private static readonly string[] States =
    [
        "final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n", "needs-review-translation", "needs-translation", "new",
        "signed-off", "translated",
    ];

    private static readonly string[] StateQualifiers =
    [
        "exact-match", "fuzzy-match", "id-match", "leveraged-glossary", "leveraged-inherited", "leveraged-mt", "leveraged-repository", "leveraged-tm",
        "mt-suggestion", "rejected-grammar", "rejected-inaccurate", "rejected-length", "rejected-spelling", "tm-suggestion",
    ];

    /// <summary>The violations found, each naming the element and its line; empty when the document conforms.</summary>
    public static IReadOnlyList<string> Check(Stream xliff)
    {
        var document = XDocument.Load(xliff, LoadOptions.SetLineInfo);
        var errors = new List<string>();
        XElement root = document.Root!;
        if (root.Name != Core + "xliff")
        {
            return [$"line {Line(root)}: the root is not <xliff> in the XLIFF 1.2 namespace"];
        }

        if ((string?)root.Attribute("version") != "1.2")
        {
            errors.Add($"line {Line(root)}: <xliff> requires version=\"1.2\"");
        }

        Children(root, errors, "file");
        if (!root.Elements().Any())
        {
            errors.Add($"line {Line(root)}: <xliff> needs at least one <file>");
        }

        foreach (XElement file in root.Elements(Core + "file"))
        {
            File(file, errors);
        }

        return errors;
    }

    /// <summary>Fails with every violation when the document does not conform.</summary>
    public static void AssertValid(byte[] xliff)
    {
        IReadOnlyList<string> errors = Check(new MemoryStream(xliff));
        Assert.True(errors.Count == 0, "The XLIFF 1.2 document breaks the specification:\n" + string.Join("\n", errors));
    }

    private static void File(XElement file, List<string> errors)
    {
        Required(file, errors, "original", "source-language", "datatype");
        var names = file.Elements().Select(e => e.Name.LocalName).ToList();
        if (!(names.SequenceEqual(["body"]) || names.SequenceEqual(["header", "body"])))
        {
            errors.Add($"line {Line(file)}: <file> must hold an optional <header> and one <body>, in that order; it holds {string.Join(", ", names)}");
        }

        foreach (XElement header in file.Elements(Core + "header"))
        {
            Children(header, errors, "skl", "phase-group", "glossary", "reference", "count-group", "tool", "prop-group", "note");
            Notes(header, errors);
        }

        var unitIds = new HashSet<string>(StringComparer.Ordinal);
        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (XElement body in file.Elements(Core + "body"))
        {
            Children(body, errors, "group", "trans-unit", "bin-unit");
            foreach (XElement group in body.Descendants(Core + "group"))
            {
                Children(group, errors, "context-group", "count-group", "prop-group", "note", "group", "trans-unit", "bin-unit");
                if (!group.Elements().Any(e => e.Name.LocalName is "group" or "trans-unit" or "bin-unit"))
                {
                    errors.Add($"line {Line(group)}: <group> must hold at least one <group>, <trans-unit> or <bin-unit>");
                }

                Unique(group, groupIds, errors);
                Notes(group, errors);
            }

            foreach (XElement unit in body.Descendants(Core + "trans-unit"))
            {
                Required(unit, errors, "id");
                Unique(unit, unitIds, errors);
                TransUnit(unit, errors);
            }
        }
    }

    private static void TransUnit(XElement unit, List<string> errors)
    {
        Children(unit, errors, "source", "seg-source", "target", "context-group", "count-group", "prop-group", "note", "alt-trans");
        var names = unit.Elements().Select(e => e.Name.LocalName).ToList();
        int rest = names.FindIndex(n => n is not ("source" or "seg-source" or "target"));
        var head = rest < 0 ? names : names[..rest];
        if (!(head.SequenceEqual(["source"]) || head.SequenceEqual(["source", "target"]) || head.SequenceEqual(["source", "seg-source"]) ||
              head.SequenceEqual(["source", "seg-source", "target"])) || names.Skip(head.Count).Any(n => n is "source" or "seg-source" or "target"))
        {
            errors.Add($"line {Line(unit)}: <trans-unit> must start with <source>, an optional <seg-source> and an optional <target>, in that order; it holds {string.Join(", ", names)}");
        }

        foreach (XElement target in unit.Elements(Core + "target"))
        {
            Enumerated(target, "state", States, errors);
            Enumerated(target, "state-qualifier", StateQualifiers, errors);
        }

        foreach (XElement alt in unit.Elements(Core + "alt-trans"))
        {
            Children(alt, errors, "source", "seg-source", "target", "context-group", "prop-group", "note");
            if (alt.Elements(Core + "target").Count() != 1)
            {
                errors.Add($"line {Line(alt)}: <alt-trans> requires exactly one <target>");
            }

            Notes(alt, errors);
        }

        foreach (XElement text in unit.Elements().Where(e => e.Name.LocalName is "source" or "target"))
        {
            Children(text, errors, "g", "x", "bx", "ex", "bpt", "ept", "ph", "it", "mrk");
        }

        Notes(unit, errors);
    }

    private static void Notes(XElement parent, List<string> errors)
    {
        foreach (XElement note in parent.Elements(Core + "note"))
        {
            if (note.HasElements)
            {
                errors.Add($"line {Line(note)}: <note> holds text only");
            }

            Enumerated(note, "annotates", ["source", "target", "general"], errors);
            if (note.Attribute("priority") is { } priority && !(int.TryParse(priority.Value, out int value) && value is >= 1 and <= 10))
            {
                errors.Add($"line {Line(note)}: <note> priority=\"{priority.Value}\" is not 1 to 10");
            }
        }
    }

    private static void Children(XElement parent, List<string> errors, params string[] allowed)
    {
        foreach (XElement child in parent.Elements())
        {
            if (child.Name.Namespace != Core || !allowed.Contains(child.Name.LocalName))
            {
                errors.Add($"line {Line(child)}: <{child.Name.LocalName}> is not allowed in <{parent.Name.LocalName}>");
            }
        }
    }

    private static void Required(XElement element, List<string> errors, params string[] attributes)
    {
        foreach (string name in attributes)
        {
            if (string.IsNullOrEmpty((string?)element.Attribute(name)))
            {
                errors.Add($"line {Line(element)}: <{element.Name.LocalName}> requires {name}");
            }
        }
    }

    // The spec's enumerations admit user-defined values that start with "x-".
    private static void Enumerated(XElement element, string attribute, string[] values, List<string> errors)
    {
        if (element.Attribute(attribute) is { } value && !values.Contains(value.Value) && !value.Value.StartsWith("x-", StringComparison.Ordinal))
        {
            errors.Add($"line {Line(element)}: <{element.Name.LocalName}> {attribute}=\"{value.Value}\" is not a value XLIFF 1.2 defines");
        }
    }

    private static void Unique(XElement element, HashSet<string> ids, List<string> errors)
    {
        if ((string?)element.Attribute("id") is { } id && !ids.Add(id))
        {
            errors.Add($"line {Line(element)}: <{element.Name.LocalName}> id \"{id}\" is used twice in the file");
        }
    }

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
