namespace TM.Text.Internal;

/// <summary>A form found at [<paramref name="Start"/>, <paramref name="End"/>) of a text, before overlapping
/// matches are resolved.</summary>
internal readonly record struct TermMatch(int Start, int End, IndexedTermForm Term)
{
    public int Length => End - Start;
}
