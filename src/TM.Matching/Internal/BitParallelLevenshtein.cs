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
    private QueryTermTable _table = null!;
    private ulong[] _peq = new ulong[64];
    private ulong[] _pv = new ulong[4];
    private ulong[] _mv = new ulong[4];
    private int _n;
    private int _blocks;

    /// <summary>Prepares the match masks of <paramref name="query"/>, whose distinct terms are in <paramref name="table"/>.</summary>
    public void SetQuery(ReadOnlySpan<int> query, QueryTermTable table)
    {
        _table = table;
        _n = query.Length;
        _blocks = Math.Max(1, (query.Length + 63) >> 6);
        int size = table.Count * _blocks;
        if (_peq.Length < size)
        {
            _peq = new ulong[Math.Max(size, _peq.Length * 2)];
        }

        if (_pv.Length < _blocks)
        {
            _pv = new ulong[_blocks];
            _mv = new ulong[_blocks];
        }

        _peq.AsSpan(0, size).Clear();
        for (int i = 0; i < query.Length; i++)
        {
            int local = table.Find(query[i]);
            if (local >= 0)
            {
                _peq[(local * _blocks) + (i >> 6)] |= 1UL << (i & 63);
            }
        }
    }

    /// <summary>
    /// The edit distance between the query and <paramref name="text"/> if it is at most
    /// <paramref name="maxDistance"/>; otherwise some value greater than <paramref name="maxDistance"/>.
    /// </summary>
    public int Distance(ReadOnlySpan<int> text, int maxDistance)
    {
        if (_n == 0)
        {
            return text.Length;
        }

        return _blocks == 1 ? DistanceOneWord(text, maxDistance) : DistanceBlocks(text, maxDistance);
    }

    private int DistanceOneWord(ReadOnlySpan<int> text, int maxDistance)
    {
        ulong pv = ulong.MaxValue;
        ulong mv = 0;
        ulong high = 1UL << (_n - 1);
        int score = _n;
        int m = text.Length;
        for (int j = 0; j < m; j++)
        {
            int local = _table.Find(text[j]);
            ulong eq = local >= 0 ? _peq[local] : 0;
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

    private int DistanceBlocks(ReadOnlySpan<int> text, int maxDistance)
    {
        int blocks = _blocks;
        Span<ulong> pvs = _pv.AsSpan(0, blocks);
        Span<ulong> mvs = _mv.AsSpan(0, blocks);
        pvs.Fill(ulong.MaxValue);
        mvs.Clear();
        ulong lastHigh = 1UL << ((_n - 1) & 63);
        int score = _n;
        int m = text.Length;
        for (int j = 0; j < m; j++)
        {
            int local = _table.Find(text[j]);
            int peqBase = local * blocks;
            int carry = 1; // D[0, j] - D[0, j-1]
            for (int b = 0; b < blocks; b++)
            {
                ulong eq = local >= 0 ? _peq[peqBase + b] : 0;
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
