using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TM.Interchange.Tests;

/// <summary>
/// Checks a document against the structure the XLIFF 2.0 specification (OASIS Standard, 5 August 2014) gives the
/// core and the two modules TM writes, written from the prose rules rather than the OASIS schema files (no package
/// on this machine carries them): element nesting and order, required and allowed attributes, enumerated values,
/// id uniqueness, trgLang when a target exists, and mtc <c>ref</c>s that point at a segment of their unit.
/// </summary>
/// <remarks>Shared with the server's functional tests, which link this file.</remarks>
internal static class Xliff2CoreChecker
{
    private static readonly XNamespace Core = "urn:oasis:names:tc:xliff:document:2.0";
    private static readonly XNamespace Mtc = "urn:oasis:names:tc:xliff:matches:2.0";
    private static readonly XNamespace Mda = "urn:oasis:names:tc:xliff:metadata:2.0";
    private static readonly XNamespace XmlNs = XNamespace.Xml;
    private static readonly string[] InlineElements = ["cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"];
    private static readonly string[] States = ["initial", "translated", "reviewed", "final"];
    private static readonly string[] MatchTypes = ["am", "mt", "icm", "idm", "tb", "tm", "other"];

    /// <summary>The violations found, each naming the element; empty when the document conforms.</summary>
    public static IReadOnlyList<string> Check(Stream xliff)
    {
        var document = XDocument.Load(xliff, LoadOptions.SetLineInfo);
        var errors = new List<string>();
        new Run(errors).Document(document);
        return errors;
    }

    /// <summary>Fails with every violation when the document does not conform.</summary>
    public static void AssertValid(byte[] xliff)
    {
        IReadOnlyList<string> errors = Check(new MemoryStream(xliff));
        Assert.True(errors.Count == 0, "The XLIFF 2.0 document breaks the core:\n" + string.Join("\n", errors));
    }

    private sealed class Run(List<string> errors)
    {
        private string _srcLang = "";
        private string? _trgLang;

        public void Document(XDocument document)
        {
            XElement root = document.Root!;
            if (root.Name != Core + "xliff")
            {
                Fail(root, "the root is not <xliff> in the XLIFF 2.0 namespace");
                return;
            }

            Attributes(root, ["version", "srcLang", "trgLang"], required: ["version", "srcLang"]);
            if ((string?)root.Attribute("version") != "2.0")
            {
                Fail(root, "version must be 2.0");
            }

            _srcLang = (string?)root.Attribute("srcLang") ?? "";
            _trgLang = (string?)root.Attribute("trgLang");
            if (_trgLang is null && root.Descendants(Core + "segment").Elements(Core + "target").Any())
            {
                Fail(root, "trgLang is required when the document holds a <target>");
            }

            var fileIds = new HashSet<string>(StringComparer.Ordinal);
            if (!root.Elements().Any())
            {
                Fail(root, "<xliff> must hold at least one <file>");
            }

            foreach (XElement child in root.Elements())
            {
                if (child.Name != Core + "file")
                {
                    Fail(child, "<xliff> holds <file> elements only");
                    continue;
                }

                File(child, fileIds);
            }
        }

        private void File(XElement file, HashSet<string> fileIds)
        {
            Attributes(file, ["id", "canResegment", "original", "translate", "srcDir", "trgDir"], required: ["id"]);
            Unique(file, fileIds);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            // skeleton?, other namespaces*, notes?, (unit | group)+
            int stage = 0;
            int units = 0;
            foreach (XElement child in file.Elements())
            {
                int next = child.Name == Core + "skeleton" ? 0
                    : child.Name.Namespace != Core ? 1
                    : child.Name == Core + "notes" ? 2
                    : child.Name == Core + "unit" || child.Name == Core + "group" ? 3
                    : -1;
                if (next < 0 || next < stage || (next == stage && next is 0 or 2))
                {
                    Fail(child, $"<{child.Name.LocalName}> is not allowed here in <file> (skeleton?, modules*, notes?, (unit|group)+)");
                }

                stage = Math.Max(stage, next);
                Module(child, "file");
                if (next == 3)
                {
                    units++;
                    Container(child, ids);
                }
            }

            if (units == 0)
            {
                Fail(file, "<file> must hold at least one <unit> or <group>");
            }
        }

        private void Container(XElement element, HashSet<string> ids)
        {
            if (element.Name == Core + "unit")
            {
                Unit(element, ids);
                return;
            }

            Attributes(element, ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"], required: ["id"]);
            Unique(element, ids);
            int stage = 0;
            foreach (XElement child in element.Elements())
            {
                int next = child.Name.Namespace != Core ? 0 : child.Name == Core + "notes" ? 1 : child.Name == Core + "unit" || child.Name == Core + "group" ? 2 : -1;
                if (next < 0 || next < stage || (next == stage && next == 1))
                {
                    Fail(child, $"<{child.Name.LocalName}> is not allowed here in <group> (modules*, notes?, (unit|group)*)");
                }

                stage = Math.Max(stage, next);
                Module(child, "group");
                if (next == 2)
                {
                    Container(child, ids);
                }
            }
        }

        private void Unit(XElement unit, HashSet<string> ids)
        {
            Attributes(unit, ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"], required: ["id"]);
            Unique(unit, ids);
            var segmentIds = new HashSet<string>(StringComparer.Ordinal);
            int stage = 0;
            int segments = 0;
            foreach (XElement child in unit.Elements())
            {
                int next = child.Name.Namespace != Core ? 0
                    : child.Name == Core + "notes" ? 1
                    : child.Name == Core + "originalData" ? 2
                    : child.Name == Core + "segment" || child.Name == Core + "ignorable" ? 3
                    : -1;
                if (next < 0 || next < stage || (next == stage && next is 1 or 2))
                {
                    Fail(child, $"<{child.Name.LocalName}> is not allowed here in <unit> (modules*, notes?, originalData?, (segment|ignorable)+)");
                }

                stage = Math.Max(stage, next);
                if (child.Name == Core + "segment")
                {
                    segments++;
                    Segment(child, segmentIds);
                }
            }

            if (segments == 0)
            {
                Fail(unit, "<unit> must hold at least one <segment>");
            }

            foreach (XElement child in unit.Elements().Where(e => e.Name.Namespace != Core))
            {
                Module(child, "unit", segmentIds);
            }
        }

        private void Segment(XElement segment, HashSet<string> segmentIds)
        {
            Attributes(segment, ["id", "canResegment", "state", "subState"], required: []);
            if (segment.Attribute("id") is { } id && (!IsNmToken(id.Value) || !segmentIds.Add(id.Value)))
            {
                Fail(segment, $"segment id \"{id.Value}\" is not a name token or not unique in its unit");
            }

            string? state = (string?)segment.Attribute("state");
            if (state is not null && !States.Contains(state))
            {
                Fail(segment, $"state \"{state}\" is not one of {string.Join(", ", States)}");
            }

            if (segment.Attribute("subState") is not null && state is null)
            {
                Fail(segment, "subState requires state");
            }

            string[] names = segment.Elements().Select(e => e.Name == Core + "source" ? "source" : e.Name == Core + "target" ? "target" : "other").ToArray();
            if (!(names is ["source"] or ["source", "target"]))
            {
                Fail(segment, $"<segment> holds one <source> and at most one <target>, in that order; found {string.Join(", ", names)}");
            }

            foreach (XElement content in segment.Elements())
            {
                Content(content, content.Name.LocalName == "source" ? _srcLang : _trgLang);
            }
        }

        private void Content(XElement content, string? language)
        {
            Attributes(content, content.Name.LocalName == "target" ? ["order"] : [], required: []);
            if (content.Attribute(XmlNs + "lang") is { } lang && lang.Value != language)
            {
                Fail(content, $"xml:lang=\"{lang.Value}\" differs from the document's {language}");
            }

            foreach (XElement inline in content.Descendants())
            {
                if (inline.Name.Namespace != Core || !InlineElements.Contains(inline.Name.LocalName))
                {
                    Fail(inline, $"<{inline.Name.LocalName}> is not an inline element of the core");
                }
            }
        }

        private void Module(XElement element, string container, HashSet<string>? segmentIds = null)
        {
            if (element.Name.Namespace == Core)
            {
                return;
            }

            if (element.Name == Mda + "metadata")
            {
                Metadata(element);
            }
            else if (element.Name == Mtc + "matches")
            {
                if (container != "unit")
                {
                    Fail(element, "<mtc:matches> stands only in a <unit>");
                }

                Matches(element, segmentIds ?? []);
            }
            else if (element.Name.Namespace == Mtc || element.Name.Namespace == Mda)
            {
                Fail(element, $"<{element.Name.LocalName}> of a module cannot stand in <{container}>");
            }
        }

        private void Matches(XElement matches, HashSet<string> segmentIds)
        {
            if (!matches.Elements().Any())
            {
                Fail(matches, "<mtc:matches> must hold at least one <mtc:match>");
            }

            foreach (XElement match in matches.Elements())
            {
                if (match.Name != Mtc + "match")
                {
                    Fail(match, "<mtc:matches> holds <mtc:match> elements only");
                    continue;
                }

                Attributes(match, ["id", "matchQuality", "matchSuitability", "origin", "ref", "reference", "similarity", "subType", "type"], required: ["ref"]);
                string reference = (string?)match.Attribute("ref") ?? "";
                if (!reference.StartsWith('#') || !segmentIds.Contains(reference[1..]))
                {
                    Fail(match, $"ref=\"{reference}\" does not point at a segment of its unit");
                }

                foreach (string decimalAttribute in new[] { "similarity", "matchQuality", "matchSuitability" })
                {
                    if (match.Attribute(decimalAttribute) is { } value
                        && !(double.TryParse(value.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number) && number is >= 0 and <= 100))
                    {
                        Fail(match, $"{decimalAttribute}=\"{value.Value}\" is not a decimal from 0 to 100");
                    }
                }

                if ((string?)match.Attribute("type") is { } type && !MatchTypes.Contains(type))
                {
                    Fail(match, $"type=\"{type}\" is not a match type");
                }

                if ((string?)match.Attribute("reference") is { } yesNo && yesNo is not ("yes" or "no"))
                {
                    Fail(match, "reference must be yes or no");
                }

                string[] names = match.Elements()
                    .Select(e => e.Name == Mda + "metadata" ? "metadata" : e.Name == Core + "originalData" ? "originalData" : e.Name == Core + "source" ? "source" : e.Name == Core + "target" ? "target" : "other")
                    .Where(n => n != "other")
                    .ToArray();
                string[] expected = [.. new[] { "metadata", "originalData" }.Where(names.Contains), "source", "target"];
                if (!names.SequenceEqual(expected))
                {
                    Fail(match, $"<mtc:match> holds metadata?, originalData?, source, target in that order; found {string.Join(", ", names)}");
                }

                foreach (XElement child in match.Elements())
                {
                    if (child.Name == Mda + "metadata")
                    {
                        Metadata(child);
                    }
                    else if (child.Name == Core + "source" || child.Name == Core + "target")
                    {
                        Content(child, child.Name.LocalName == "source" ? _srcLang : _trgLang);
                    }
                }
            }
        }

        private void Metadata(XElement metadata)
        {
            Attributes(metadata, ["id"], required: []);
            if (!metadata.Elements().Any() || metadata.Elements().Any(e => e.Name != Mda + "metaGroup"))
            {
                Fail(metadata, "<mda:metadata> holds one or more <mda:metaGroup>");
            }

            foreach (XElement group in metadata.Elements(Mda + "metaGroup"))
            {
                MetaGroup(group);
            }
        }

        private void MetaGroup(XElement group)
        {
            Attributes(group, ["id", "category", "appliesTo"], required: []);
            if ((string?)group.Attribute("appliesTo") is { } appliesTo && appliesTo is not ("source" or "target" or "ignorable"))
            {
                Fail(group, $"appliesTo=\"{appliesTo}\" is not source, target or ignorable");
            }

            if (!group.Elements().Any())
            {
                Fail(group, "<mda:metaGroup> holds one or more <mda:meta> or <mda:metaGroup>");
            }

            foreach (XElement child in group.Elements())
            {
                if (child.Name == Mda + "metaGroup")
                {
                    MetaGroup(child);
                }
                else if (child.Name == Mda + "meta")
                {
                    Attributes(child, ["type"], required: ["type"]);
                    if (child.HasElements)
                    {
                        Fail(child, "<mda:meta> holds text only");
                    }
                }
                else
                {
                    Fail(child, $"<{child.Name.LocalName}> cannot stand in <mda:metaGroup>");
                }
            }
        }

        /// <summary>Unqualified attributes must be among <paramref name="allowed"/>; xml: and other namespaces are open.</summary>
        private void Attributes(XElement element, string[] allowed, string[] required)
        {
            foreach (XAttribute attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None))
            {
                if (!allowed.Contains(attribute.Name.LocalName))
                {
                    Fail(element, $"attribute {attribute.Name.LocalName} is not allowed on <{element.Name.LocalName}>");
                }
            }

            foreach (string name in required)
            {
                if (string.IsNullOrEmpty((string?)element.Attribute(name)))
                {
                    Fail(element, $"<{element.Name.LocalName}> requires {name}");
                }
            }
        }

        private void Unique(XElement element, HashSet<string> ids)
        {
            string id = (string?)element.Attribute("id") ?? "";
            if (!IsNmToken(id) || !ids.Add(id))
            {
                Fail(element, $"id \"{id}\" is not a name token or is used twice");
            }
        }

        private static bool IsNmToken(string value) => value.Length > 0 && value.All(c => XmlConvert.IsNCNameChar(c) || c == ':');

        private void Fail(XElement element, string what) =>
            errors.Add($"line {((IXmlLineInfo)element).LineNumber}: <{element.Name.LocalName}>: {what}");
    }
}
