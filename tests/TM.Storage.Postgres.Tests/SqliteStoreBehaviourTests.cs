namespace TM.Storage.Postgres.Tests;

/// <summary>The shared store behaviour on the SQLite <see cref="SegmentStore"/>, in a temporary file.</summary>
public sealed class SqliteStoreBehaviourTests : StoreBehaviourTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-store-").FullName;

    protected override ISegmentStore OpenStore() => SegmentStore.Open(Path.Combine(_directory, "tm.db"));

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
