namespace TM.Search.Internal;

/// <summary>The <c>capacity</c> smallest ids offered, kept in a max-heap: a rejected id costs one comparison.</summary>
internal sealed class TopIds(int capacity)
{
    private readonly long[] _heap = new long[capacity];
    private int _count;

    public bool IsFull => _count == _heap.Length;

    /// <summary>The largest id kept; valid when <see cref="IsFull"/>.</summary>
    public long Max => _heap[0];

    public void Offer(long id)
    {
        if (_count < _heap.Length)
        {
            int i = _count++;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (_heap[parent] >= id)
                {
                    break;
                }

                _heap[i] = _heap[parent];
                i = parent;
            }

            _heap[i] = id;
            return;
        }

        if (id >= _heap[0])
        {
            return;
        }

        int at = 0;
        while (true)
        {
            int child = (2 * at) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _heap[child + 1] > _heap[child])
            {
                child++;
            }

            if (_heap[child] <= id)
            {
                break;
            }

            _heap[at] = _heap[child];
            at = child;
        }

        _heap[at] = id;
    }

    /// <summary>The ids kept, ascending.</summary>
    public long[] ToSortedArray()
    {
        long[] ids = _heap[.._count];
        Array.Sort(ids);
        return ids;
    }
}
