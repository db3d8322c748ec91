namespace TM.Interchange;

/// <summary>Limits that keep a hostile or broken XLIFF file from exhausting memory; the defaults suit any real document.</summary>
public sealed record Xliff2ReadOptions
{
    /// <summary>The defaults.</summary>
    public static Xliff2ReadOptions Default { get; } = new();

    /// <summary>
    /// The most characters one <c>&lt;source&gt;</c> or <c>&lt;target&gt;</c> may hold. Default 100,000, as for TMX:
    /// a sentence is a few hundred. A longer one fails the read with its line number instead of being buffered.
    /// </summary>
    public int MaxSegmentLength { get; init => field = Positive(value); } = 100_000;

    /// <summary>The deepest element nesting accepted, <c>&lt;xliff&gt;</c> being depth 0. Default 64: groups nest, but no tool nests them that deep.</summary>
    public int MaxDepth { get; init => field = Positive(value); } = 64;

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
