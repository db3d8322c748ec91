using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TM.Search.Internal;

/// <summary>
/// A <see cref="SegmentFilter"/> (memory, origin, import, creator, changer, date ranges), checked from doc values on
/// the hits of a concordance query's text, one read per hit and filter, nothing for documents the text does not
/// match; or on every document of the memory for <see cref="SegmentSearchIndex.MatchingIds"/>.
/// </summary>
internal sealed class HitFilter
{
    private readonly long _memoryId;
    private readonly long? _importId;
    private readonly BytesRef? _origin;
    private readonly BytesRef? _createdBy;
    private readonly BytesRef? _changedBy;
    private readonly (long Min, long Max)? _created;
    private readonly (long Min, long Max)? _changed;
    private readonly BytesRef[][] _fieldChoices;

    /// <summary>The filter's conditions; a <see cref="ConcordanceQuery"/> is one, with a term besides.</summary>
    public HitFilter(SegmentFilter filter)
    {
        _memoryId = filter.MemoryId;
        _importId = filter.ImportId;
        _origin = filter.Origin is null ? null : new BytesRef(filter.Origin);
        _createdBy = filter.CreatedBy is null ? null : new BytesRef(filter.CreatedBy);
        _changedBy = filter.ChangedBy is null ? null : new BytesRef(filter.ChangedBy);
        _created = Range(filter.CreatedFrom, filter.CreatedTo);
        _changed = Range(filter.ChangedFrom, filter.ChangedTo);
        _fieldChoices = FieldChoices(filter.Fields);
    }

    /// <summary>The checks for one segment, or null when none of its documents can pass.</summary>
    public Leaf? ForLeaf(AtomicReader reader, LeafInfo info)
    {
        if (!info.MayHold(_memoryId))
        {
            return null;
        }

        var leaf = new Leaf
        {
            MemoryId = _memoryId,
            // A segment of this memory only (the usual case) needs no memory check at all.
            Memory = info.IsOnly(_memoryId) ? null : reader.GetNumericDocValues(SearchFields.Memory),
            ImportId = _importId ?? 0,
            Import = _importId is null ? null : reader.GetNumericDocValues(SearchFields.Import),
            Created = _created ?? default,
            CreatedValues = _created is null ? null : reader.GetNumericDocValues(SearchFields.Created),
            Changed = _changed ?? default,
            ChangedValues = _changed is null ? null : reader.GetNumericDocValues(SearchFields.Changed),
        };

        if ((_importId is not null && leaf.Import is null) || (_created is not null && leaf.CreatedValues is null)
            || (_changed is not null && leaf.ChangedValues is null))
        {
            return null; // a segment without the field has no document that passes
        }

        return Ordinal(reader, SearchFields.Origin, _origin, out leaf.Origin, out leaf.OriginOrd)
            && Ordinal(reader, SearchFields.CreatedBy, _createdBy, out leaf.CreatedBy, out leaf.CreatedByOrd)
            && Ordinal(reader, SearchFields.ChangedBy, _changedBy, out leaf.ChangedBy, out leaf.ChangedByOrd)
            && FieldOrdinals(reader, leaf)
            ? leaf.Seal()
            : null;
    }

    // The field conditions grouped by name: each group is the values one field may hold.
    private static BytesRef[][] FieldChoices(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (fields.Count == 0)
        {
            return [];
        }

        var groups = new Dictionary<string, List<BytesRef>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            if (!groups.TryGetValue(name, out var choices))
            {
                groups[name] = choices = [];
            }

            choices.Add(SearchFields.FieldKey(name, value));
        }

        var result = new BytesRef[groups.Count][];
        int i = 0;
        foreach (var choices in groups.Values)
        {
            result[i++] = [.. choices];
        }

        return result;
    }

    // Each field condition becomes the ordinals of its values in the segment's dictionary; false when the segment
    // has no document with any value of one of the fields.
    private bool FieldOrdinals(AtomicReader reader, Leaf leaf)
    {
        if (_fieldChoices.Length == 0)
        {
            return true;
        }

        leaf.Fields = reader.GetSortedSetDocValues(SearchFields.Fields);
        if (leaf.Fields is null)
        {
            return false;
        }

        leaf.FieldOrds = new long[_fieldChoices.Length][];
        for (int group = 0; group < _fieldChoices.Length; group++)
        {
            var ords = new List<long>(_fieldChoices[group].Length);
            foreach (var key in _fieldChoices[group])
            {
                long ord = leaf.Fields.LookupTerm(key);
                if (ord >= 0)
                {
                    ords.Add(ord);
                }
            }

            if (ords.Count == 0)
            {
                return false;
            }

            leaf.FieldOrds[group] = [.. ords];
        }

        return true;
    }

    private static (long, long)? Range(DateTimeOffset? from, DateTimeOffset? to) =>
        from is null && to is null ? null : (from?.UtcTicks ?? long.MinValue, to?.UtcTicks ?? long.MaxValue);

    // A string filter becomes the value's ordinal in the segment's dictionary; false when the segment lacks the value.
    private static bool Ordinal(AtomicReader reader, string field, BytesRef? value, out SortedDocValues? values, out int ordinal)
    {
        values = null;
        ordinal = -1;
        if (value is null)
        {
            return true;
        }

        values = reader.GetSortedDocValues(field);
        ordinal = values?.LookupTerm(value) ?? -1;
        return ordinal >= 0;
    }

    /// <summary>One segment's checks; fields left null are not checked.</summary>
    internal sealed class Leaf
    {
        public long MemoryId;
        public NumericDocValues? Memory;
        public long ImportId;
        public NumericDocValues? Import;
        public SortedDocValues? Origin;
        public int OriginOrd;
        public SortedDocValues? CreatedBy;
        public int CreatedByOrd;
        public SortedDocValues? ChangedBy;
        public int ChangedByOrd;
        public (long Min, long Max) Created;
        public NumericDocValues? CreatedValues;
        public (long Min, long Max) Changed;
        public NumericDocValues? ChangedValues;
        public SortedSetDocValues? Fields;
        public long[][] FieldOrds = [];

        /// <summary>Nothing to check: every document of the segment passes (every hit of a text query).</summary>
        public bool PassesAll { get; private set; }

        public Leaf Seal()
        {
            PassesAll = Memory is null && Import is null && Origin is null && CreatedBy is null && ChangedBy is null
                && CreatedValues is null && ChangedValues is null && Fields is null;
            return this;
        }

        public bool Accept(int doc)
        {
            if (Memory is not null && Memory.Get(doc) != MemoryId)
            {
                return false;
            }

            if (Import is not null && Import.Get(doc) != ImportId)
            {
                return false;
            }

            if (Origin is not null && Origin.GetOrd(doc) != OriginOrd)
            {
                return false;
            }

            if (CreatedBy is not null && CreatedBy.GetOrd(doc) != CreatedByOrd)
            {
                return false;
            }

            if (ChangedBy is not null && ChangedBy.GetOrd(doc) != ChangedByOrd)
            {
                return false;
            }

            if (CreatedValues is not null && CreatedValues.Get(doc) is var created && (created < Created.Min || created > Created.Max))
            {
                return false;
            }

            if (ChangedValues is not null && ChangedValues.Get(doc) is var changed && (changed < Changed.Min || changed > Changed.Max))
            {
                return false;
            }

            return Fields is null || HasFields(doc);
        }

        // Every field condition must find one of its values among the document's (a handful at most, in order).
        private bool HasFields(int doc)
        {
            foreach (long[] choices in FieldOrds)
            {
                Fields!.SetDocument(doc);
                bool found = false;
                long ord;
                while (!found && (ord = Fields.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    found = Array.IndexOf(choices, ord) >= 0;
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
