using System.Text.RegularExpressions;
using System.Xml;

namespace TM.Interchange;

// Errors a person can act on: where (the line, and the unit it is in), what is wrong, and what to do.
public sealed partial class TmxReader
{
    private void ThrowIfFailed()
    {
        if (_failed)
        {
            throw new InvalidOperationException("The TMX file could not be read (see the earlier TmxFormatException); create a new reader to try again.");
        }
    }

    private TmxFormatException Fail(TmxFormatException error)
    {
        _failed = true;
        return error;
    }

    private TmxFormatException Error(string reason) => Error(reason, Line, Position);

    private TmxFormatException Error(string reason, int line, int position) =>
        new(char.ToUpperInvariant(reason[0]) + reason[1..] + WhereInUnit(line), FileName, line, position);

    private TmxFormatException UnexpectedElement(string container, string allowed) =>
        Error($"<{Xml.Name}> cannot stand in <{container}>, which holds {allowed}.");

    private TmxFormatException TooManyTags() =>
        Error(
            $"the <seg> that starts on line {_segmentLine} holds more than {InlinePlaceholder.MaxCount:N0} inline tags, the most one segment can hold. The file is damaged, or the segment is a whole document; split or remove this <tu>.",
            _segmentLine,
            0);

    /// <summary>Names the unit an error is in when it starts on an earlier line, so a person finds it in the file.</summary>
    private string WhereInUnit(int line)
    {
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Name == "tu")
            {
                return _open[i].Line != line ? $" It is in the <tu> that starts on line {_open[i].Line}." : "";
            }
        }

        return "";
    }

    private TmxFormatException Translate(XmlException e)
    {
        string message = LocationSuffix().Replace(e.Message, "");
        int line = e.LineNumber;
        int position = e.LinePosition;
        string reason;
        if (message.Contains("Unexpected end of file", StringComparison.Ordinal))
        {
            reason = _open.Count == 0
                ? "unexpected end of file: the file ends before its first element. It is empty or cut off; export it again."
                : $"unexpected end of file: the file is cut off inside {DescribeOpen()}. The export or download was probably interrupted: " +
                  "export the file again, or delete the incomplete <tu> and end the file with </body></tmx>.";
            return new TmxFormatException(char.ToUpperInvariant(reason[0]) + reason[1..], FileName, line, position, e);
        }

        if (message.Contains("Root element is missing", StringComparison.Ordinal))
        {
            reason = "the file holds no XML element: it is empty, or not XML at all. A TMX file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?> and a <tmx> element.";
        }
        else if (message.Contains("Invalid character in the given encoding", StringComparison.Ordinal))
        {
            reason = "the file holds bytes that are not valid UTF-8 here, though it is read as UTF-8 (its declaration says so, or says nothing). " +
                     "It was probably saved in a legacy encoding such as EUC-KR/CP949: convert it (iconv -f CP949 -t UTF-8 in.tmx > out.tmx) or export it again as UTF-8.";
        }
        else if (message.Contains("undeclared entity", StringComparison.Ordinal))
        {
            reason = $"{message} TMX allows only &amp; &lt; &gt; &apos; &quot; and character references such as &#xAC00;. " +
                     "Entities declared in a DOCTYPE are never expanded, since they can read local files (XXE) or explode in size (billion laughs); replace the entity with its text.";
        }
        else if (message.Contains("DTD", StringComparison.Ordinal))
        {
            reason = "TMX files with a DOCTYPE that declares entities are not accepted: DTDs can expand entities (XXE, billion laughs). Remove the DOCTYPE.";
        }
        else if (message.Contains("hexadecimal value", StringComparison.Ordinal))
        {
            reason = $"{message} XML 1.0 cannot hold this character, not even as a reference; remove it from the file (it usually comes from binary data pasted into a segment).";
        }
        else if (message.Contains("Data at the root level is invalid", StringComparison.Ordinal))
        {
            reason = "the file does not start with XML, so it is not a TMX file. A TSV or CSV file of pairs must be imported as such.";
        }
        else
        {
            reason = $"the file is not well-formed XML: {char.ToLowerInvariant(message[0])}{message[1..]} An unescaped '&' or '<' in a segment is the usual cause: write them as &amp; and &lt;, or export the file again.";
        }

        return new TmxFormatException(char.ToUpperInvariant(reason[0]) + reason[1..] + WhereInUnit(line), FileName, line, position, e);
    }

    private string DescribeOpen()
    {
        (string name, int line) = _open[^1];
        string innermost = $"<{name}> (which starts on line {line})";
        for (int i = _open.Count - 2; i >= 0; i--)
        {
            if (_open[i].Name == "tu" && name != "tu")
            {
                return $"{innermost}, in the <tu> that starts on line {_open[i].Line}";
            }
        }

        return innermost;
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocationSuffix();
}
