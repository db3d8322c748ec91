using System.Collections.Concurrent;

namespace TM.Analysis;

/// <summary>
/// Interns unit terms into dense int ids (0, 1, 2, ...) so that the matcher compares ints, not strings.
/// Ids are never reused or removed.
/// </summary>
/// <remarks>
/// Lookups take a <see cref="ReadOnlySpan{T}"/> through the dictionary's alternate lookup, so looking up a
/// term that is already known allocates nothing; only a new term costs its string. Lookups are lock-free
/// and may run concurrently with <see cref="GetOrAdd"/>, which lets an index intern a batch of new
/// segments without blocking searches (a plain Dictionary would corrupt under a concurrent write).
/// </remarks>
public sealed class TermDictionary
{
    /// <summary>
    /// The id <see cref="GetId"/> returns for a term that is not in the dictionary. It is negative, so it is
    /// never the id of a stored unit and a query unit with it matches nothing.
    /// </summary>
    public const int UnknownId = -1;

    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _terms = [];
    private readonly Lock _writeLock = new();
    private int _count;

    /// <summary>Creates an empty dictionary.</summary>
    public TermDictionary()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The number of terms; also the next id to be assigned.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Returns the id of <paramref name="term"/>, adding the term if it is new.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The term's id.</returns>
    public int GetOrAdd(ReadOnlySpan<char> term)
    {
        if (_lookup.TryGetValue(term, out int id))
        {
            return id;
        }

        lock (_writeLock)
        {
            // Ids must be dense, so they are assigned under one lock, never by a racing factory.
            if (_lookup.TryGetValue(term, out id))
            {
                return id;
            }

            string key = term.ToString();
            id = _terms.Count;
            _terms.Add(key);
            _ids[key] = id;
            // ConcurrentDictionary.Count takes every bucket lock; a counter written here is one read.
            Volatile.Write(ref _count, id + 1);
            return id;
        }
    }

    /// <summary>Returns the id of <paramref name="term"/>, or <see cref="UnknownId"/> when it is not in the dictionary.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The term's id or <see cref="UnknownId"/>.</returns>
    public int GetId(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out int id) ? id : UnknownId;

    /// <summary>Looks up <paramref name="term"/> without adding it.</summary>
    /// <param name="term">The term.</param>
    /// <param name="id">The term's id when found.</param>
    /// <returns><see langword="true"/> when the term is in the dictionary.</returns>
    public bool TryGetId(ReadOnlySpan<char> term, out int id) => _lookup.TryGetValue(term, out id);

    /// <summary>Returns every term, the term with id <c>i</c> at index <c>i</c>.</summary>
    /// <returns>A copy: terms added later are not in it.</returns>
    public string[] ToArray()
    {
        lock (_writeLock)
        {
            return [.. _terms];
        }
    }

    /// <summary>Returns the term with id <paramref name="id"/>.</summary>
    /// <param name="id">An id returned by <see cref="GetOrAdd"/>.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> was never assigned.</exception>
    public string GetTerm(int id)
    {
        lock (_writeLock)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _terms.Count);
            return _terms[id];
        }
    }
}
