namespace TM.Client.Input;

/// <summary>What <see cref="TsvPairReader"/> found in one file.</summary>
/// <param name="Pairs">The usable pairs, in file order.</param>
/// <param name="Errors">Lines that were skipped, in file order.</param>
/// <param name="KoreanFirst">True when the Korean text is in the first column.</param>
/// <param name="HasHeader">True when the first non-empty line was a <c>ko&lt;TAB&gt;en</c> or <c>en&lt;TAB&gt;ko</c> header.</param>
internal sealed record TsvDocument(IReadOnlyList<TsvPair> Pairs, IReadOnlyList<TsvLineError> Errors, bool KoreanFirst, bool HasHeader);
