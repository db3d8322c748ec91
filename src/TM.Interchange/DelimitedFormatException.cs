namespace TM.Interchange;

/// <summary>
/// A TSV or CSV file of segment pairs or of terms cannot be read: a quoted field is never closed, a record lacks a column, the
/// bytes are not UTF-8, or the Korean column cannot be told apart.
/// </summary>
public sealed class DelimitedFormatException : InterchangeFormatException
{
    /// <summary>Creates the exception for a problem at a known place.</summary>
    /// <param name="reason">What is wrong and how to fix it, without the location.</param>
    /// <param name="fileName">The file's name as given to the reader, or null when unknown.</param>
    /// <param name="lineNumber">The 1-based line, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position on the line, or 0 when unknown.</param>
    public DelimitedFormatException(string reason, string? fileName, int lineNumber, int linePosition = 0)
        : base(reason, fileName, lineNumber, linePosition)
    {
    }

    /// <summary>Creates the exception with a generic message and no location.</summary>
    public DelimitedFormatException()
        : this("The delimited file cannot be read.", null, 0)
    {
    }

    /// <summary>Creates the exception with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public DelimitedFormatException(string message)
        : this(message, null, 0)
    {
    }
}
