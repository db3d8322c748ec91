namespace TM.Server.Interchange;

/// <summary>
/// What a client sent for an import cannot be used as it stands: a damaged file, a file that is not the one an
/// import being resumed was reading, a pair the store refuses, settings that contradict the import being resumed.
/// The message says where, what, and what of the import stays committed.
/// </summary>
public sealed class ImportInputException : Exception
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public ImportInputException(string message)
        : base(message)
    {
    }

    /// <summary>Wraps the reader's or the store's own exception, adding what the import committed.</summary>
    public ImportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
