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
    private readonly ConcurrentDictionary<string, int> _familyByStem = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _familyLookup;

    // By term id: the term's family, and (for a family's first term) whether the family has another member. Both
    // are written under the lock before the count that makes the id visible, and replaced (not resized in place)
    // when they grow, so a reader that has read the count sees its entries.
    private int[] _families = new int[64];
    private bool[] _hasVariants = new bool[64];
    private int _numberFamily = UnknownId;
    private int _count;

    /// <summary>Creates an empty dictionary.</summary>
    public TermDictionary()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _familyLookup = _familyByStem.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The family of every number (the id of the first number added), or <see cref="UnknownId"/> while there is none.</summary>
    public int NumberFamily => Volatile.Read(ref _numberFamily);

    /// <summary>The family of each term, the family of id <c>i</c> at index <c>i</c>, for every id below <see cref="Count"/> when read.</summary>
    public ReadOnlySpan<int> Families
    {
        get
        {
            int count = Count;
            return Volatile.Read(ref _families).AsSpan(0, count);
        }
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
            SetFamily(id, key);
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

    /// <summary>The family of the term with id <paramref name="id"/> (see remarks on the type).</summary>
    /// <param name="id">An id returned by <see cref="GetOrAdd"/>.</param>
    /// <returns>The id of the family's first term.</returns>
    public int FamilyOf(int id) => Families[id];

    /// <summary>
    /// The family a term would have, whether or not it is in the dictionary: for a query's word that no segment has in
    /// this form ("agreements" when the memory only holds "agreement").
    /// </summary>
    /// <param name="term">A unit as <see cref="MatchAnalyzer"/> produces it.</param>
    /// <returns>The family, or <see cref="UnknownId"/> when no term of its family is in the dictionary.</returns>
    public int FindFamily(ReadOnlySpan<char> term)
    {
        if (_lookup.TryGetValue(term, out int id))
        {
            return FamilyOf(id);
        }

        Span<char> stem = term.Length + UnitFamily.Slack <= 128 ? stackalloc char[128] : new char[term.Length + UnitFamily.Slack];
        return UnitFamily.Classify(term, stem, out int length) switch
        {
            UnitFamilyKind.Number => NumberFamily,
            UnitFamilyKind.Word => _familyLookup.TryGetValue(stem[..length], out int family) ? family : UnknownId,
            _ => UnknownId,
        };
    }

    /// <summary>Whether a family has more than one term: only then can a unit of it meet a variant of itself.</summary>
    /// <param name="family">A family, as <see cref="FamilyOf"/> returns it.</param>
    /// <returns><see langword="true"/> when another term has joined the family's first one.</returns>
    public bool HasVariants(int family) => family >= 0 && Volatile.Read(ref _hasVariants)[family];

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

    // Under the write lock, before the count makes the id visible.
    private void SetFamily(int id, string term)
    {
        if (id == _families.Length)
        {
            int[] families = new int[id * 2];
            bool[] hasVariants = new bool[id * 2];
            _families.CopyTo(families, 0);
            _hasVariants.CopyTo(hasVariants, 0);
            Volatile.Write(ref _hasVariants, hasVariants);
            Volatile.Write(ref _families, families);
        }

        Span<char> stem = term.Length + UnitFamily.Slack <= 128 ? stackalloc char[128] : new char[term.Length + UnitFamily.Slack];
        int family = id;
        switch (UnitFamily.Classify(term, stem, out int length))
        {
            case UnitFamilyKind.Number when _numberFamily >= 0:
                family = _numberFamily;
                break;
            case UnitFamilyKind.Number:
                Volatile.Write(ref _numberFamily, id);
                break;
            case UnitFamilyKind.Word when _familyLookup.TryGetValue(stem[..length], out int first):
                family = first;
                break;
            case UnitFamilyKind.Word:
                _familyByStem[stem[..length].ToString()] = id;
                break;
        }

        _families[id] = family;
        if (family != id)
        {
            _hasVariants[family] = true;
        }
    }
}
