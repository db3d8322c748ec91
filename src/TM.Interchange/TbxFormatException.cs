namespace TM.Interchange;

/// <summary>
/// A TBX file cannot be read: it is not well-formed XML, is neither TBX v3 (<c>&lt;tbx&gt;</c>) nor TBX 2
/// (<c>&lt;martif&gt;</c>), breaks the TBX structure, or exceeds a limit. The message names the line.
/// </summary>
public sealed class TbxFormatException : InterchangeFormatException
{
    /// <summary>Creates the exception for a problem at a known place.</summary>
    /// <param name="reason">What is wrong and how to fix it, without the location.</param>
    /// <param name="fileName">The file's name as given to the reader, or null when unknown.</param>
    /// <param name="lineNumber">The 1-based line, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position on the line, or 0 when unknown.</param>
    /// <param name="innerException">The underlying failure, or null.</param>
    public TbxFormatException(string reason, string? fileName, int lineNumber, int linePosition, Exception? innerException = null)
        : base(reason, fileName, lineNumber, linePosition, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message and no location.</summary>
    public TbxFormatException()
        : this("The TBX file cannot be read.", null, 0, 0)
    {
    }

    /// <summary>Creates the exception with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public TbxFormatException(string message)
        : this(message, null, 0, 0)
    {
    }

    /// <summary>Wraps another exception, with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public TbxFormatException(string message, Exception innerException)
        : this(message, null, 0, 0, innerException)
    {
    }
}
