namespace TM.Interchange;

/// <summary>
/// An XLIFF file cannot be read: it is not well-formed XML, carries a DOCTYPE, is not the XLIFF version its reader
/// takes (2.x, or 1.2), is not Korean-English, breaks the XLIFF structure, or exceeds a limit of <see cref="Xliff2ReadOptions"/>.
/// </summary>
public sealed class XliffFormatException : InterchangeFormatException
{
    /// <summary>Creates the exception for a problem at a known place.</summary>
    /// <param name="reason">What is wrong and how to fix it, without the location.</param>
    /// <param name="fileName">The file's name as given to the reader, or null when unknown.</param>
    /// <param name="lineNumber">The 1-based line, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position on the line, or 0 when unknown.</param>
    /// <param name="innerException">The underlying failure, or null.</param>
    public XliffFormatException(string reason, string? fileName, int lineNumber, int linePosition, Exception? innerException = null)
        : base(reason, fileName, lineNumber, linePosition, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message and no location.</summary>
    public XliffFormatException()
        : this("The XLIFF file cannot be read.", null, 0, 0)
    {
    }

    /// <summary>Creates the exception with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public XliffFormatException(string message)
        : this(message, null, 0, 0)
    {
    }

    /// <summary>Wraps another exception, with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public XliffFormatException(string message, Exception innerException)
        : this(message, null, 0, 0, innerException)
    {
    }
}
