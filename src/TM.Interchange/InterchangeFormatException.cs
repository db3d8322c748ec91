using System.Globalization;

namespace TM.Interchange;

/// <summary>
/// An interchange file cannot be read as it stands. The message starts with where (file, line, position) and says
/// what is wrong and what to do about it; the location is also available as properties.
/// </summary>
public class InterchangeFormatException : Exception
{
    /// <summary>Creates the exception for a problem at a known place.</summary>
    /// <param name="reason">What is wrong and how to fix it, without the location.</param>
    /// <param name="fileName">The file's name as given to the reader, or null when unknown.</param>
    /// <param name="lineNumber">The 1-based line, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position on the line, or 0 when unknown.</param>
    /// <param name="innerException">The underlying failure, or null.</param>
    public InterchangeFormatException(string reason, string? fileName, int lineNumber, int linePosition, Exception? innerException = null)
        : base(Compose(reason, fileName, lineNumber, linePosition), innerException)
    {
        Reason = reason;
        FileName = fileName;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>Creates the exception with a generic message and no location.</summary>
    public InterchangeFormatException()
        : this("The file cannot be read.", null, 0, 0)
    {
    }

    /// <summary>Creates the exception with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public InterchangeFormatException(string message)
        : this(message, null, 0, 0)
    {
    }

    /// <summary>Wraps another exception, with no location.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public InterchangeFormatException(string message, Exception innerException)
        : this(message, null, 0, 0, innerException)
    {
    }

    /// <summary>What is wrong and how to fix it, without the location prefix of <see cref="Exception.Message"/>.</summary>
    public string Reason { get; }

    /// <summary>The file's name as given to the reader, or null when unknown.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The 1-based position on <see cref="LineNumber"/>, or 0 when unknown.</summary>
    public int LinePosition { get; }

    private static string Compose(string reason, string? fileName, int lineNumber, int linePosition)
    {
        string where = lineNumber <= 0 ? ""
            : linePosition <= 0 ? string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}")
            : string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}, position {linePosition}");
        return (fileName, where) switch
        {
            (null, "") => reason,
            (null, _) => $"{where}: {reason}",
            (_, "") => $"{fileName}: {reason}",
            _ => $"{fileName}, {where}: {reason}",
        };
    }
}
