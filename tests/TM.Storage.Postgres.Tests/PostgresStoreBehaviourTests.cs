namespace TM.Storage.Postgres.Tests;

/// <summary>The shared store behaviour on <see cref="PostgresSegmentStore"/>, in a database of each test's own.</summary>
public sealed class PostgresStoreBehaviourTests : StoreBehaviourTests
{
    private readonly TemporaryPostgresDatabase _database = new();

    protected override ISegmentStore OpenStore() => _database.Open();

    public override void Dispose()
    {
        base.Dispose();
        _database.Dispose();
    }
}
