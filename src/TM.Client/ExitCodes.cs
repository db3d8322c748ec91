namespace TM.Client;

/// <summary>
/// The process exit codes of <c>tm</c>, so scripts can tell a server that said no from one that is not there.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The server answered with an error status (for example INVALID_ARGUMENT), or a deadline passed;
    /// <c>tm import</c> also returns it when at least one file failed on the server.
    /// </summary>
    public const int ServerError = 1;

    /// <summary>The command line was wrong: unknown option, missing argument, bad <c>--server</c> address.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The server could not be reached (connection refused, unknown host, TLS failure), or the connection broke
    /// during <c>tm import</c> and the automatic retries ran out; the command to resume the import is printed.
    /// </summary>
    public const int Unavailable = 3;

    /// <summary>
    /// An input file could not be used: missing, unreadable, a document that is not valid UTF-8, or a gold file that
    /// does not parse. Other files of the same <c>tm import</c> are still imported. <c>tm edit</c> returns it when the
    /// editor fails or leaves a file it cannot save (a side emptied, a heading gone); nothing is sent then.
    /// </summary>
    public const int InputError = 4;

    /// <summary>The user pressed Ctrl+C (128 + SIGINT, as shells report it); an interrupted import prints the command to resume it.</summary>
    public const int Cancelled = 130;
}
