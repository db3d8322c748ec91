using TM.Analysis.Internal;

namespace TM.Analysis;

/// <summary>
/// Splits text into runs of one script: Hangul runs, words of alphabetic scripts, numbers, single Han
/// characters, single symbols and single punctuation marks; whitespace, control and format characters only
/// separate tokens.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Hangul: a maximal run of syllables or jamo ("마오쩌둥은"); <see cref="HangulNgramFilter"/> splits it.</description></item>
/// <item><description>Word: letters and their combining marks, with an apostrophe (' or ’) or hyphen (- or ‐) kept when a
/// letter follows it ("People's", "Il-sung"). Digits end a word, so "38th" is the number 38 and the word "th".</description></item>
/// <item><description>Number: digits (any script) with a decimal point before a digit ("3.5", "1.2.3") and a comma
/// before exactly three digits ("170,000"; "1,2" is two numbers).</description></item>
/// <item><description>Han: one ideograph or kana per token, surrogate pairs included.</description></item>
/// </list>
/// Terms are views of the input: the tokenizer itself never copies or allocates.
/// </remarks>
public sealed class ScriptTokenizer : TokenStream
{
    private ReadOnlyMemory<char> _input;
    private int _position;
    private State _state = State.NoInput;

    /// <summary>Creates a tokenizer with its own <see cref="Analysis.Token"/>; call <see cref="SetInput"/> before <see cref="TokenStream.Reset"/>.</summary>
    public ScriptTokenizer()
        : base(new Token())
    {
    }

    private enum State
    {
        NoInput,
        InputSet,
        Reading,
    }

    /// <summary>Sets the text to tokenize; offsets are relative to it.</summary>
    /// <param name="input">The text; it must stay unchanged until the stream ends.</param>
    public void SetInput(ReadOnlyMemory<char> input)
    {
        _input = input;
        _position = 0;
        Token.SetInput(input);
        _state = State.InputSet;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="SetInput"/> was not called first.</exception>
    public override void Reset()
    {
        if (_state == State.NoInput)
        {
            throw new InvalidOperationException("SetInput must be called before Reset.");
        }

        _position = 0;
        Token.Clear();
        _state = State.Reading;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="TokenStream.Reset"/> was not called after <see cref="SetInput"/>.</exception>
    public override bool IncrementToken()
    {
        if (_state != State.Reading)
        {
            throw new InvalidOperationException("Reset must be called before IncrementToken (contract: SetInput, Reset, IncrementToken*, End).");
        }

        ReadOnlySpan<char> text = _input.Span;
        int i = _position;
        while (i < text.Length)
        {
            int start = i;
            CharClass cls = Read(text, i, out int width);
            i += width;
            switch (cls)
            {
                case CharClass.Ignorable:
                    continue;
                case CharClass.Hangul:
                    i = SkipWhile(text, i, CharClass.Hangul);
                    return Emit(start, i, TokenKind.Hangul);
                case CharClass.Letter:
                    return Emit(start, ScanWord(text, i), TokenKind.Word);
                case CharClass.Digit:
                    return Emit(start, ScanNumber(text, i), TokenKind.Number);
                case CharClass.Han:
                    return Emit(start, i, TokenKind.Han);
                case CharClass.Symbol:
                    return Emit(start, i, TokenKind.Symbol);
                default:
                    // Punctuation, and a combining mark with no letter before it.
                    return Emit(start, i, TokenKind.Punctuation);
            }
        }

        _position = i;
        return false;
    }

    /// <inheritdoc />
    public override void End()
    {
        Token.Clear();
        Token.SetOffsets(_input.Length, _input.Length);
        _state = State.InputSet;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Token.Dispose();
            _input = default;
            _state = State.NoInput;
        }
    }

    private bool Emit(int start, int end, TokenKind kind)
    {
        Token.SetSlice(start, end - start, kind);
        _position = end;
        return true;
    }

    private static CharClass Read(ReadOnlySpan<char> text, int i, out int width)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return CharClassifier.Classify(char.ConvertToUtf32(c, text[i + 1]));
        }

        width = 1;
        return CharClassifier.Classify(c);
    }

    private static int SkipWhile(ReadOnlySpan<char> text, int i, CharClass cls)
    {
        while (i < text.Length && Read(text, i, out int width) == cls)
        {
            i += width;
        }

        return i;
    }

    private static int ScanWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            CharClass cls = Read(text, i, out int width);
            if (cls is CharClass.Letter or CharClass.Mark)
            {
                i += width;
            }
            else if (IsWordJoiner(text[i]) && i + 1 < text.Length && Read(text, i + 1, out _) == CharClass.Letter)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsWordJoiner(char c) => c is '\'' or '\u2019' or '-' or '\u2010' or '\u2011';

    private static int ScanNumber(ReadOnlySpan<char> text, int i)
    {
        i = SkipWhile(text, i, CharClass.Digit);
        while (i + 1 < text.Length && Read(text, i + 1, out _) == CharClass.Digit)
        {
            if (text[i] == '.')
            {
                i = SkipWhile(text, i + 1, CharClass.Digit);
            }
            else if (text[i] == ',' && IsThousandsGroup(text, i + 1, out int groupEnd))
            {
                i = groupEnd;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int i, out int end)
    {
        int digits = 0;
        end = i;
        while (end < text.Length && Read(text, end, out int width) == CharClass.Digit)
        {
            end += width;
            digits++;
        }

        return digits == 3;
    }
}
