namespace TM.Client.Alignment;

/// <summary>One bead of a hand-made reference alignment: the Korean and English sentences that belong together.</summary>
/// <param name="Ko">The Korean sentences, in order; empty for a 0-1 bead.</param>
/// <param name="En">The English sentences, in order; empty for a 1-0 bead.</param>
/// <param name="Line">The 1-based line of the gold file it came from.</param>
internal sealed record GoldBead(IReadOnlyList<string> Ko, IReadOnlyList<string> En, int Line);
