namespace TM.Client.Import;

/// <summary>How an ImportFile import of one file ended.</summary>
internal enum FileImportStatus
{
    /// <summary>The server read and committed the whole file.</summary>
    Completed,

    /// <summary>The server refused the file (a damaged file, an unknown import to resume…); what it acknowledged stays committed.</summary>
    Failed,

    /// <summary>The connection broke and the retries ran out; the import can be resumed.</summary>
    Interrupted,

    /// <summary>The user pressed Ctrl+C; the import can be resumed.</summary>
    Cancelled,
}
