using System.Buffers;

namespace TM.Analysis;

/// <summary>
/// The attributes of the current token of a <see cref="TokenStream"/>: its term, its kind and where it came
/// from in the input. One instance is shared by a tokenizer and every filter over it, and each call to
/// <see cref="TokenStream.IncrementToken"/> overwrites it (Lucene's attribute source, reduced to the three
/// attributes this project needs).
/// </summary>
/// <remarks>
/// The term is a view of the input until a filter edits it; only then is it copied into a reusable term
/// buffer rented from <see cref="ArrayPool{T}.Shared"/>. So a token costs no allocation: a tokenizer that
/// only slices the input never copies a character, and a filter that changes nothing (lower-casing a
/// lower-case word) does not copy either.
/// </remarks>
public sealed class Token : IDisposable
{
    private const int InitialBufferSize = 32;

    private ReadOnlyMemory<char> _input;
    private char[] _buffer = [];
    private bool _termInBuffer;
    private int _termStart;
    private int _termLength;

    /// <summary>The current term: a view of the input or of the term buffer, valid until the next token.</summary>
    public ReadOnlySpan<char> Term =>
        _termInBuffer ? _buffer.AsSpan(0, _termLength) : _input.Span.Slice(_termStart, _termLength);

    /// <summary>The kind of the current token.</summary>
    public TokenKind Kind { get; set; }

    /// <summary>The offset of the token's first character in the input given to the tokenizer.</summary>
    public int StartOffset { get; private set; }

    /// <summary>The offset just past the token's last character in the input given to the tokenizer.</summary>
    public int EndOffset { get; private set; }

    /// <summary>Sets the input that <see cref="SetSlice"/> refers to; called by the tokenizer.</summary>
    /// <param name="input">The text being tokenized.</param>
    public void SetInput(ReadOnlyMemory<char> input)
    {
        _input = input;
        Clear();
    }

    /// <summary>Makes the token the slice <paramref name="start"/>..<paramref name="start"/>+<paramref name="length"/> of the input, term and offsets alike.</summary>
    /// <param name="start">Offset of the slice in the input.</param>
    /// <param name="length">Length of the slice.</param>
    /// <param name="kind">Kind of the token.</param>
    public void SetSlice(int start, int length, TokenKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, _input.Length, nameof(length));
        _termInBuffer = false;
        _termStart = start;
        _termLength = length;
        Kind = kind;
        StartOffset = start;
        EndOffset = start + length;
    }

    /// <summary>Sets the offsets without touching the term (a filter that emits parts of a token).</summary>
    /// <param name="start">Offset of the first character in the input.</param>
    /// <param name="end">Offset just past the last character in the input.</param>
    public void SetOffsets(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        StartOffset = start;
        EndOffset = end;
    }

    /// <summary>Replaces the term with a copy of <paramref name="term"/> (offsets and kind stay).</summary>
    /// <param name="term">The new term; may be a view of the current term.</param>
    public void SetTerm(ReadOnlySpan<char> term)
    {
        // A slice of our own buffer (a filter keeping part of its term) is already large enough, and
        // CopyTo is overlap-safe, so only a foreign span may need a larger buffer.
        if (!term.Overlaps(_buffer))
        {
            EnsureBuffer(term.Length);
        }

        term.CopyTo(_buffer);
        _termInBuffer = true;
        _termLength = term.Length;
    }

    /// <summary>
    /// Returns the current term as a writable span over the term buffer, copying it there first if it is
    /// still a view of the input. Shrink the term afterwards with <see cref="SetTermLength"/>.
    /// </summary>
    public Span<char> EditTerm()
    {
        if (!_termInBuffer)
        {
            EnsureBuffer(_termLength);
            _input.Span.Slice(_termStart, _termLength).CopyTo(_buffer);
            _termInBuffer = true;
        }

        return _buffer.AsSpan(0, _termLength);
    }

    /// <summary>Shortens the term to <paramref name="length"/> characters (after <see cref="EditTerm"/>).</summary>
    /// <param name="length">The new length, at most the current one.</param>
    public void SetTermLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _termLength);
        _termLength = length;
    }

    /// <summary>Empties the token (no term, offsets 0).</summary>
    public void Clear()
    {
        _termInBuffer = false;
        _termStart = 0;
        _termLength = 0;
        Kind = default;
        StartOffset = 0;
        EndOffset = 0;
    }

    /// <summary>Returns the term buffer to the pool and drops the input.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
        }

        _input = default;
        Clear();
    }

    /// <summary>Returns the term as a string (allocates; for tests and diagnostics).</summary>
    public override string ToString() => Term.ToString();

    private void EnsureBuffer(int length)
    {
        if (_buffer.Length >= length)
        {
            return;
        }

        // The old contents are never needed: callers fill the new buffer from the input or a span.
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(length, InitialBufferSize));
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
