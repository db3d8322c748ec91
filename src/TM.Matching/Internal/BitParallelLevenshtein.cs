namespace TM.Matching.Internal;

/// <summary>
/// Unit edit distance between one query and many candidates, 64 query units per machine word (Myers 1999,
/// in Hyyrö's formulation for global distance), stopping as soon as the distance must exceed a bound.
/// </summary>
/// <remarks>
/// <para>
/// Verification is the inner loop of a search, so it must be cheap: the dynamic programme costs n·m cell
/// updates (3,600 for two 60-unit sentences), this costs m word steps of about 15 instructions for a query of
/// up to 64 units, and ⌈n/64⌉ times that beyond. The per-query preparation (a bit mask per distinct query
/// term, saying where it occurs) is done once in <see cref="SetQuery"/>.
/// </para>
/// <para>
/// Early exit: after j candidate units the bottom row holds D[n, j], and each remaining unit can lower the
/// final distance by at most one, so D[n, m] ≥ D[n, j] − (m − j); once that exceeds the bound the candidate
/// cannot qualify.
/// </para>
/// </remarks>
internal sealed class BitParallelLevenshtein
{
    // Match masks indexed by term id, so a text unit's mask is one load rather than a hash probe: the loop runs
    // once per unit of every candidate (and of every segment in an exhaustive scan). Terms not in the query, and
    // ids beyond the array, have no bits. Only the query's entries are set, and they are cleared again by the
    // next SetQuery, so the array costs O(query) per query however many terms there are.
    private ulong[] _peqByTerm = new ulong[256];
    private int[] _set = new int[64];
    private int _setCount;
    private ulong[] _pv = new ulong[4];
    private ulong[] _mv = new ulong[4];
    private int _n;
    private int _blocks;

    /// <summary>Prepares the match masks of <paramref name="query"/>, whose distinct terms are in <paramref name="table"/>.</summary>
    public void SetQuery(ReadOnlySpan<int> query, QueryTermTable table)
    {
        for (int i = 0; i < _setCount; i++)
        {
            _peqByTerm.AsSpan(_set[i] * _blocks, _blocks).Clear();
        }

        _setCount = 0;
        _n = query.Length;
        _blocks = Math.Max(1, (query.Length + 63) >> 6);
        int maxTerm = -1;
        foreach (int term in table.Terms)
        {
            maxTerm = Math.Max(maxTerm, term);
        }

        long size = (long)(maxTerm + 1) * _blocks;
        if (_peqByTerm.Length < size)
        {
            _peqByTerm = new ulong[Math.Max(size, Math.Min(Array.MaxLength, _peqByTerm.Length * 2L))];
        }

        if (_set.Length < table.Count)
        {
            _set = new int[table.Count * 2];
        }

        if (_pv.Length < _blocks)
        {
            _pv = new ulong[_blocks];
            _mv = new ulong[_blocks];
        }

        foreach (int term in table.Terms)
        {
            _set[_setCount++] = term;
        }

        for (int i = 0; i < query.Length; i++)
        {
            int term = query[i];
            if (term >= 0)
            {
                _peqByTerm[(term * _blocks) + (i >> 6)] |= 1UL << (i & 63);
            }
        }
    }

    /// <summary>
    /// The edit distance between the query and <paramref name="text"/> if it is at most
    /// <paramref name="maxDistance"/>; otherwise some value greater than <paramref name="maxDistance"/>.
    /// </summary>
    public int Distance(ReadOnlySpan<int> text, int maxDistance) => Distance(text, [], maxDistance);

    /// <summary>
    /// As <see cref="Distance(ReadOnlySpan{int}, int)"/>, with each unit of <paramref name="text"/> read as its family
    /// (<paramref name="families"/>[unit]) and the query set as families: the distance at which units of one family are
    /// equal, a lower bound of the scorer's distance (SCORING.md). Empty <paramref name="families"/> reads units as they are.
    /// </summary>
    public int Distance(ReadOnlySpan<int> text, ReadOnlySpan<int> families, int maxDistance)
    {
        if (_n == 0)
        {
            return text.Length;
        }

        return _blocks switch
        {
            1 => DistanceOneWord(text, families, maxDistance),
            2 => DistanceTwoWords(text, families, maxDistance),
            _ => DistanceBlocks(text, families, maxDistance),
        };
    }

    // The family of a text unit: one more load per unit (the family table is hot for the common units). A unit beyond the
    // table (only in tests that pass made-up ids) is itself.
    private static int FamilyOf(int unit, ReadOnlySpan<int> families) =>
        (uint)unit < (uint)families.Length ? families[unit] : unit;

    // Queries of 65 to 128 units (a third of Korean sentences) in registers: the general block loop below keeps
    // its vectors in arrays and branches on the carry, about three times slower per unit.
    private int DistanceTwoWords(ReadOnlySpan<int> text, ReadOnlySpan<int> families, int maxDistance)
    {
        ulong[] peq = _peqByTerm;
        ulong pv0 = ulong.MaxValue, mv0 = 0, pv1 = ulong.MaxValue, mv1 = 0;
        ulong high = 1UL << ((_n - 1) & 63);
        int score = _n;
        int m = text.Length;
        for (int j = 0; j < m; j++)
        {
            long at = (long)FamilyOf(text[j], families) * 2;
            ulong eq0 = 0, eq1 = 0;
            if ((ulong)at < (ulong)peq.Length)
            {
                eq0 = peq[at];
                eq1 = peq[at + 1];
            }

            // Word 0: the carry in is +1 (row 0 is D[0, j] = j).
            ulong xv = eq0 | mv0;
            ulong xh = (((eq0 & pv0) + pv0) ^ pv0) | eq0;
            ulong ph = mv0 | ~(xh | pv0);
            ulong mh = pv0 & xh;
            int carry = (int)(ph >> 63) - (int)(mh >> 63);
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv0 = mh | ~(xv | ph);
            mv0 = ph & xv;

            // Word 1, with word 0's carry: a -1 enters as a match at bit 0 and as mh's low bit, a +1 as ph's.
            xv = eq1 | mv1;
            if (carry < 0)
            {
                eq1 |= 1;
            }

            xh = (((eq1 & pv1) + pv1) ^ pv1) | eq1;
            ph = mv1 | ~(xh | pv1);
            mh = pv1 & xh;
            if ((ph & high) != 0)
            {
                score++;
            }
            else if ((mh & high) != 0)
            {
                score--;
            }

            ph = (ph << 1) | (carry > 0 ? 1UL : 0UL);
            mh = (mh << 1) | (carry < 0 ? 1UL : 0UL);
            pv1 = mh | ~(xv | ph);
            mv1 = ph & xv;
            if (score - (m - j - 1) > maxDistance)
            {
                return maxDistance + 1;
            }
        }

        return score;
    }

    private int DistanceOneWord(ReadOnlySpan<int> text, ReadOnlySpan<int> families, int maxDistance)
    {
        ulong[] peq = _peqByTerm;
        ulong pv = ulong.MaxValue;
        ulong mv = 0;
        ulong high = 1UL << (_n - 1);
        int score = _n;
        int m = text.Length;
        for (int j = 0; j < m; j++)
        {
            uint term = (uint)FamilyOf(text[j], families);
            ulong eq = term < (uint)peq.Length ? peq[term] : 0;
            ulong xv = eq | mv;
            ulong xh = (((eq & pv) + pv) ^ pv) | eq;
            ulong ph = mv | ~(xh | pv);
            ulong mh = pv & xh;
            if ((ph & high) != 0)
            {
                score++;
            }
            else if ((mh & high) != 0)
            {
                score--;
            }

            // Shifting a 1 into the horizontal +1 vector is what makes this global distance: row 0 is D[0, j] = j.
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
            if (score - (m - j - 1) > maxDistance)
            {
                return maxDistance + 1;
            }
        }

        return score;
    }

    private int DistanceBlocks(ReadOnlySpan<int> text, ReadOnlySpan<int> families, int maxDistance)
    {
        int blocks = _blocks;
        ulong[] peq = _peqByTerm;
        Span<ulong> pvs = _pv.AsSpan(0, blocks);
        Span<ulong> mvs = _mv.AsSpan(0, blocks);
        pvs.Fill(ulong.MaxValue);
        mvs.Clear();
        ulong lastHigh = 1UL << ((_n - 1) & 63);
        int score = _n;
        int m = text.Length;
        for (int j = 0; j < m; j++)
        {
            long peqBase = (long)FamilyOf(text[j], families) * blocks;
            bool known = (ulong)peqBase < (ulong)peq.Length;
            int carry = 1; // D[0, j] - D[0, j-1]
            for (int b = 0; b < blocks; b++)
            {
                ulong eq = known ? peq[peqBase + b] : 0;
                ulong pv = pvs[b];
                ulong mv = mvs[b];
                ulong xv = eq | mv;
                if (carry < 0)
                {
                    eq |= 1;
                }

                ulong xh = (((eq & pv) + pv) ^ pv) | eq;
                ulong ph = mv | ~(xh | pv);
                ulong mh = pv & xh;
                ulong high = b == blocks - 1 ? lastHigh : 1UL << 63;
                int carryOut = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
                ph <<= 1;
                mh <<= 1;
                if (carry < 0)
                {
                    mh |= 1;
                }
                else if (carry > 0)
                {
                    ph |= 1;
                }

                pvs[b] = mh | ~(xv | ph);
                mvs[b] = ph & xv;
                carry = carryOut;
            }

            score += carry;
            if (score - (m - j - 1) > maxDistance)
            {
                return maxDistance + 1;
            }
        }

        return score;
    }
}
