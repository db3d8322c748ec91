namespace TM.Interchange;

/// <summary>How the fields of a delimited file of segment pairs are separated and quoted.</summary>
public enum DelimitedFormat
{
    /// <summary>
    /// Tab-separated values. Fields are taken literally, with one exception for what Excel and Google Sheets write
    /// when a cell holds a tab, a quote or a line break: a field that starts with <c>"</c> and whose closing
    /// <c>"</c> is followed by a tab or the end of a line is quoted, with <c>""</c> standing for one quote and line
    /// breaks allowed inside. A field that starts with <c>"</c> but does not close that way (<c>"Yes," he said</c>)
    /// is literal text, quote included.
    /// </summary>
    Tsv,

    /// <summary>
    /// Comma-separated values as RFC 4180 defines them: a field in double quotes may hold commas, line breaks and
    /// quotes written twice (<c>""</c>); a quote in the middle of an unquoted field is kept as text. A quoted field
    /// that is never closed, or is followed by anything but a comma or the end of the line, is an error.
    /// </summary>
    Csv,
}
