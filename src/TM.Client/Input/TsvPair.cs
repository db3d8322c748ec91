namespace TM.Client.Input;

/// <summary>One Korean-English pair read from a TSV file, with the 1-based line it came from.</summary>
internal readonly record struct TsvPair(string Ko, string En, int Line);
