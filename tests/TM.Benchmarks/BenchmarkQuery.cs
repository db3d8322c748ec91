using TM.Storage;

namespace TM.Benchmarks;

/// <summary>One query of a benchmark: its text and language, how it was made, and the memory sentence it came from.</summary>
/// <param name="Side">The language of <paramref name="Text"/>, the side of the memory it is matched against.</param>
/// <param name="Text">The query text.</param>
/// <param name="Category">How the query was derived, for the per-category rows ("20% edits", "unrelated", "as is").</param>
/// <param name="SourceIndex">The index of the memory sentence it was derived from; −1 when unrelated.</param>
internal sealed record BenchmarkQuery(SegmentSide Side, string Text, string Category, int SourceIndex)
{
    public string Language => Side == SegmentSide.Korean ? "ko" : "en";
}
