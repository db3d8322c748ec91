namespace TM.Interchange;

/// <summary>
/// A TMX file cannot be read: it is not well-formed XML (cut off, an unescaped <c>&amp;</c>), declares an encoding
/// it is not in, carries a DTD that declares entities, is not TMX 1.1–1.4b, breaks the TMX structure, or exceeds a
/// limit of <see cref="TmxReadOptions"/>.
/// </summary>
public sealed class TmxFormatException : InterchangeFormatException
{
    /// <summary>Creates the exception for a problem at a known place.</summary>
    /// <param name="reason">What is wrong and how to fix it, without the location.</param>
    /// <param name="fileName">The file's name as given to the reader, or null when unknown.</param>
    /// <param name="lineNumber">The 1-based line, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position on the line, or 0 when unknown.</param>
    /// <param name="innerException">The underlying failure, or null.</param>
    public TmxFormatException(string reason, string? fileName, int lineNumber, int linePosition, Exception? innerException = null)
        : base(reason, fileName, lineNumber, linePosition, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message and no location.</summary>
    public TmxFormatException()
        : this("The TMX file cannot be read.", null, 0, 0)
    {
    }

    /// <summary>Creates the exception with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public TmxFormatException(string message)
        : this(message, null, 0, 0)
    {
    }

    /// <summary>Wraps another exception, with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public TmxFormatException(string message, Exception innerException)
        : this(message, null, 0, 0, innerException)
    {
    }
}
