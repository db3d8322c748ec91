namespace TM.Server.Tests.Imports;

/// <summary>The real server with file imports committed every 100 units, so small files have many commit points.</summary>
public sealed class SmallBatchServer : ServerFixture
{
    public const int BatchSize = 100;

    protected override IEnumerable<string> ExtraArguments => ["--import-batch-size", "100", "--no-seeds", "true"];
}
