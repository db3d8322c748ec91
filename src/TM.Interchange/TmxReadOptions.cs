namespace TM.Interchange;

/// <summary>Limits that keep a hostile or broken TMX file from exhausting memory; the defaults suit any real translation memory.</summary>
public sealed record TmxReadOptions
{
    /// <summary>The defaults.</summary>
    public static TmxReadOptions Default { get; } = new();

    /// <summary>
    /// The most characters one <c>&lt;seg&gt;</c> may hold, counting the code inside its inline elements; also the
    /// limit for one <c>&lt;prop&gt;</c> or <c>&lt;note&gt;</c>. Default 100,000: a real sentence is a few hundred,
    /// and a paragraph-segmented TM rarely passes 10,000. A longer segment fails the read with its line number
    /// instead of being buffered.
    /// </summary>
    public int MaxSegmentLength { get; init => field = Positive(value); } = 100_000;

    /// <summary>
    /// The deepest element nesting accepted, the root <c>&lt;tmx&gt;</c> being depth 0. Default 32: a segment sits
    /// at depth 4 and its inline elements below it, so only pathological nesting of <c>&lt;hi&gt;</c>/<c>&lt;sub&gt;</c> reaches it.
    /// </summary>
    public int MaxDepth { get; init => field = Positive(value); } = 32;

    /// <summary>The longest attribute value accepted, in characters. Default 8,192: a tuid, a user name or a tag's <c>type</c> is far shorter.</summary>
    public int MaxAttributeLength { get; init => field = Positive(value); } = 8_192;

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
