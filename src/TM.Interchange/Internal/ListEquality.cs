namespace TM.Interchange.Internal;

/// <summary>Element-wise equality for the read-only lists of the model types, which compare by value.</summary>
internal static class ListEquality
{
    public static bool Equal<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static int Hash<T>(IReadOnlyList<T> list)
    {
        var hash = new HashCode();
        hash.Add(list.Count);
        foreach (T item in list)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
