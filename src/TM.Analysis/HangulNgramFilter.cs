using System.Buffers;

namespace TM.Analysis;

/// <summary>
/// Splits each Hangul run into overlapping syllable n-grams ("전쟁을" with n = 2: "전쟁", "쟁을"); a run no
/// longer than n passes through whole. Other tokens pass through untouched.
/// </summary>
/// <remarks>
/// Korean attaches particles and endings to stems ("전쟁을", "전쟁은", "전쟁에서"), so comparing whole
/// eojeol would make every inflection a different word; syllables compare stems and endings separately.
/// The matching units use n = 1 (see <see cref="MatchAnalyzer"/>); larger n is for candidate keys.
/// </remarks>
public sealed class HangulNgramFilter : TokenFilter
{
    private readonly int _size;
    private char[] _run = [];
    private int _runLength;
    private int _runStart;
    private bool _offsetsFollowTerm;
    private int _next;
    private bool _pending;

    /// <summary>Creates the filter.</summary>
    /// <param name="input">The stream to read from.</param>
    /// <param name="size">n, the number of syllables per gram; 1 (the default) emits single syllables.</param>
    public HangulNgramFilter(TokenStream input, int size = 1)
        : base(input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _size = size;
    }

    /// <summary>The number of syllables per gram.</summary>
    public int Size => _size;

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_pending)
        {
            if (_next + _size <= _runLength)
            {
                EmitGram();
                return true;
            }

            _pending = false;
        }

        if (!Input.IncrementToken())
        {
            return false;
        }

        ReadOnlySpan<char> term = Token.Term;
        if (Token.Kind != TokenKind.Hangul || term.Length <= _size)
        {
            return true;
        }

        if (_run.Length < term.Length)
        {
            ReturnRun();
            _run = ArrayPool<char>.Shared.Rent(term.Length);
        }

        term.CopyTo(_run);
        _runLength = term.Length;
        _runStart = Token.StartOffset;
        // When an earlier filter changed the run's length, per-gram offsets would be guesses: give every
        // gram the offsets of the whole run instead.
        _offsetsFollowTerm = Token.EndOffset - Token.StartOffset == term.Length;
        _next = 0;
        _pending = true;
        EmitGram();
        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _pending = false;
        _runLength = 0;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReturnRun();
        }

        base.Dispose(disposing);
    }

    private void EmitGram()
    {
        Token.SetTerm(_run.AsSpan(_next, _size));
        if (_offsetsFollowTerm)
        {
            Token.SetOffsets(_runStart + _next, _runStart + _next + _size);
        }

        _next++;
    }

    private void ReturnRun()
    {
        if (_run.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_run);
            _run = [];
        }
    }
}
