namespace TM.Text;

/// <summary>
/// The document cannot be aligned as it stands: it is empty, holds only one language, contains binary data,
/// or has a line or sentence beyond the limits. The message says what is wrong and what to do about it.
/// </summary>
public sealed class DocumentException : Exception
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What is wrong with the document and how to fix it.</param>
    /// <param name="lineNumber">The 1-based line the problem is on, or null when it concerns the whole document.</param>
    public DocumentException(string message, int? lineNumber)
        : base(message)
    {
        LineNumber = lineNumber;
    }

    /// <summary>Creates the exception with no line number.</summary>
    public DocumentException()
        : this("The document cannot be aligned.", (int?)null)
    {
    }

    /// <summary>Creates the exception with no line number.</summary>
    /// <param name="message">What is wrong with the document and how to fix it.</param>
    public DocumentException(string message)
        : this(message, (int?)null)
    {
    }

    /// <summary>Wraps another exception.</summary>
    /// <param name="message">What is wrong with the document and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public DocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 1-based line the problem is on, or null when it concerns the whole document.</summary>
    public int? LineNumber { get; }
}
