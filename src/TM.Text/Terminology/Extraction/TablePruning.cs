namespace TM.Text.Terminology.Extraction;

/// <summary>Keeps a counting table within its bound by forgetting its rarest entries, as lossy stream counting does.</summary>
internal static class TablePruning
{
    /// <summary>
    /// Removes the entries counted once, then, while the table still holds more than three quarters of
    /// <paramref name="maxEntries"/>, those counted twice, three times, and so on. An entry forgotten that recurs starts
    /// counting again, so a phrase whose occurrences straddle a pruning is undercounted; a frequent one never is.
    /// </summary>
    public static void ForgetRarest<TKey, TValue>(Dictionary<TKey, TValue> table, Func<TValue, int> count, int maxEntries)
        where TKey : notnull
    {
        var target = maxEntries / 4 * 3;
        for (var rare = 1; table.Count > target; rare++)
        {
            foreach (var (key, value) in table)
            {
                if (count(value) <= rare)
                {
                    table.Remove(key);
                }
            }
        }
    }
}
