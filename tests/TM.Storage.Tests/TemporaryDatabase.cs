namespace TM.Storage.Tests;

/// <summary>A database file in its own temporary folder, deleted with the folder.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-store-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "tm.db");

    public SegmentStore Open() => SegmentStore.Open(Path);

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a pooled handle may linger on some platforms; the OS cleans temp */ }
    }
}
