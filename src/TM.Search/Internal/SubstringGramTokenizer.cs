using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TM.Search.Internal;

/// <summary>
/// The Korean field's tokenizer: at position = UTF-16 offset of every character, the 2-gram and 3-gram of letters
/// and digits that start there and do not cross anything else; a unigram where no 2-gram starts (any character that
/// is not a letter or digit, whitespace as " ", and the last letter or digit of a run), all lower-cased.
/// </summary>
/// <remarks>
/// <para>
/// "1951년 休戰." gives, at offset 0: "19", "195"; 1: "95", "951"; 2: "51", "51년"; 3: "1년"; 4: "년"; 5: " ";
/// 6: "休戰"; 7: "戰"; 8: ".". Digits and letters form one run (char.IsLetterOrDigit), so "1951" is found inside
/// "1951년"; a surrogate pair is one character (two offsets wide).
/// </para>
/// <para>
/// Why a letter followed by a letter has no unigram: the 2-gram at the same position already says which letter is
/// there, and a one-letter term is answered by every term that starts with it (<see cref="KoreanTermQuery"/>). Lucene.Net
/// spends ~0.6 µs per token in its indexing chain; leaving those unigrams out took indexing from 150 to 102 µs of CPU
/// per synthetic pair (76 Korean + 183 English characters; 200,000 pairs, one thread, <c>concordance</c> benchmark).
/// </para>
/// <para>
/// Why a tokenizer of our own: Lucene's NGramTokenizer gives each gram its own position, so positions do not
/// say where a gram starts and a phrase of grams cannot pin them to character offsets. Here a token's position
/// is exactly its start offset, which is what makes the query in <see cref="KoreanTermQuery"/> exact.
/// </para>
/// <para>The whole input is read at <see cref="Reset"/>: segment texts are short (at most 10,000 characters).</para>
/// </remarks>
internal sealed class SubstringGramTokenizer : Tokenizer
{
    /// <summary>The longest gram, in characters.</summary>
    public const int MaxGram = 3;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private char[] _buffer = new char[256];
    private bool[] _letterOrDigit = new bool[256]; // per UTF-16 unit: starts a letter or digit (both halves of a pair)
    private int _length;
    private int _start;      // offset of the character whose tokens are being emitted
    private int _gram;       // the size, in characters, of the next token to emit at _start
    private int _lastStart;  // offset of the last emitted token, -1 before the first

    public SubstringGramTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        while (_start < _length)
        {
            if (_gram == 1 && StartsBigram(_start))
            {
                // The 2-gram at this position stands for the letter too (see the remarks).
                _gram = 2;
            }

            if (_gram == 1)
            {
                int width = Width(_start);
                Emit(_start, width);
                _gram = _letterOrDigit[_start] ? 2 : MaxGram + 1;
                return true;
            }

            if (_gram <= MaxGram && TryGramEnd(_start, _gram, out int end))
            {
                Emit(_start, end - _start);
                _gram++;
                return true;
            }

            _start += Width(_start);
            _gram = 1;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _length = 0;
        int read;
        while ((read = m_input.Read(_buffer, _length, _buffer.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        Fold();
        _start = 0;
        _gram = 1;
        _lastStart = -1;
    }

    public override void End()
    {
        base.End();
        int final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    // Lower-cases the text in place, whitespace to " ", and marks letters and digits, once per character: every character
    // is read by up to three grams, and a LowerCaseFilter after this tokenizer lower-cased every gram again. Measured on
    // 100,000 synthetic Korean texts (76 characters, 101 tokens each), one thread: 7.1–7.9 µs per text with the filter,
    // 4.6–6.4 µs without (the SearchAnalysisBenchmarks micro-benchmark keeps the figure).
    // The mapping is the invariant simple one per code point, as LowerCaseFilter's and ConcordanceSpans' are.
    private void Fold()
    {
        if (_letterOrDigit.Length < _buffer.Length)
        {
            _letterOrDigit = new bool[_buffer.Length];
        }

        for (int i = 0; i < _length; i++)
        {
            char c = _buffer[i];
            if (i + 1 < _length && char.IsSurrogatePair(c, _buffer[i + 1]))
            {
                var rune = new Rune(c, _buffer[i + 1]);
                _letterOrDigit[i] = _letterOrDigit[i + 1] = Rune.IsLetterOrDigit(rune);
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.Utf16SequenceLength == 2)
                {
                    lower.EncodeToUtf16(_buffer.AsSpan(i, 2));
                }

                i++;
                continue;
            }

            _buffer[i] = char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
            _letterOrDigit[i] = !char.IsSurrogate(c) && char.IsLetterOrDigit(c);
        }
    }

    /// <summary>A letter or digit followed by another: a 2-gram starts here.</summary>
    private bool StartsBigram(int start) => TryGramEnd(start, 2, out _);

    // Where the gram of `characters` letters or digits starting at `start` ends, if it lies inside one run.
    private bool TryGramEnd(int start, int characters, out int end)
    {
        end = start;
        for (int i = 0; i < characters; i++)
        {
            if (end >= _length || !_letterOrDigit[end])
            {
                return false;
            }

            end += Width(end);
        }

        return true;
    }

    private void Emit(int start, int length)
    {
        ClearAttributes();
        _term.CopyBuffer(_buffer, start, length);
        SetPositionAndOffsets(length);
    }

    private void SetPositionAndOffsets(int length)
    {
        // Position = start offset: the first token at an offset moves the position by the distance from the
        // last one (1 per UTF-16 unit, so 2 over a surrogate pair); the grams at the same offset stay on it.
        _positionIncrement.PositionIncrement = _start - _lastStart;
        _lastStart = _start;
        _offset.SetOffset(CorrectOffset(_start), CorrectOffset(_start + length));
    }

    private int Width(int index) =>
        index + 1 < _length && char.IsSurrogatePair(_buffer[index], _buffer[index + 1]) ? 2 : 1;
}
