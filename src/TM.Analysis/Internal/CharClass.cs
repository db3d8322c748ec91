namespace TM.Analysis.Internal;

/// <summary>How <see cref="ScriptTokenizer"/> treats one code point.</summary>
internal enum CharClass : byte
{
    /// <summary>Whitespace, control and format characters: token separators, never part of a token.</summary>
    Ignorable,
    Hangul,
    Han,
    Letter,
    /// <summary>A combining mark: part of the word it follows, punctuation on its own.</summary>
    Mark,
    Digit,
    Symbol,
    Punctuation,
}
