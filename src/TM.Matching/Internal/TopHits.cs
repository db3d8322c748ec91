namespace TM.Matching.Internal;

/// <summary>
/// The best k hits so far, ordered by score (higher first) then id (lower first): a min-heap whose root is
/// the worst kept hit, which is also the bar a new candidate has to clear once the heap is full.
/// </summary>
internal sealed class TopHits
{
    private FuzzyHit[] _heap = new FuzzyHit[16];
    private int _capacity;

    public int Count { get; private set; }

    public int Capacity => _capacity;

    public bool IsFull => Count == _capacity;

    /// <summary>The worst kept hit; only meaningful when <see cref="IsFull"/>.</summary>
    public FuzzyHit Worst => _heap[0];

    public void Reset(int capacity)
    {
        if (_heap.Length < capacity)
        {
            _heap = new FuzzyHit[capacity];
        }

        _capacity = capacity;
        Count = 0;
    }

    /// <summary>Whether a hit with this score and id would be kept.</summary>
    public bool WouldKeep(double score, int id) => !IsFull || IsBetter(score, id, _heap[0]);

    public void Offer(double score, int id)
    {
        if (Count < _capacity)
        {
            int i = Count++;
            _heap[i] = new FuzzyHit(id, score);
            SiftUp(i);
        }
        else if (IsBetter(score, id, _heap[0]))
        {
            _heap[0] = new FuzzyHit(id, score);
            SiftDown(0);
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public FuzzyHit[] ToSortedArray()
    {
        var result = _heap.AsSpan(0, Count).ToArray();
        Array.Sort(result, static (x, y) => IsBetter(x.Score, x.Id, y) ? -1 : IsBetter(y.Score, y.Id, x) ? 1 : 0);
        return result;
    }

    private static bool IsBetter(double score, int id, FuzzyHit other) =>
        score > other.Score || (score == other.Score && id < other.Id);

    private void SiftUp(int i)
    {
        FuzzyHit item = _heap[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!IsBetter(_heap[parent].Score, _heap[parent].Id, item))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = item;
    }

    private void SiftDown(int i)
    {
        FuzzyHit item = _heap[i];
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            // Move towards the worse child: the root must stay the worst.
            if (child + 1 < Count && IsBetter(_heap[child].Score, _heap[child].Id, _heap[child + 1]))
            {
                child++;
            }

            if (!IsBetter(item.Score, item.Id, _heap[child]))
            {
                break;
            }

            _heap[i] = _heap[child];
            i = child;
        }

        _heap[i] = item;
    }
}
