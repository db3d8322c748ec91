namespace TM.Server.Hosting;

/// <summary>Another TM server holds the data directory: two servers on one SQLite file would each trust caches the other invalidates.</summary>
public sealed class DataDirectoryInUseException : IOException
{
    internal DataDirectoryInUseException(string directory, DataDirectoryOwner? owner, Exception inner)
        : base(Describe(directory, owner), inner)
    {
        Directory = directory;
        OwnerProcessId = owner?.ProcessId;
    }

    /// <summary>The data directory.</summary>
    public string Directory { get; }

    /// <summary>The process id of the server that holds it; null when it has not said (its description is missing).</summary>
    public int? OwnerProcessId { get; }

    private static string Describe(string directory, DataDirectoryOwner? owner) =>
        $"The data directory {directory} is in use by another TM server ({owner?.ToString() ?? "which has not described itself yet"}). "
        + "Stop that server first, or give this one another --data-dir.";
}
