namespace TM.Text.Internal;

/// <summary>
/// Finds the forms of a term table in a sentence, longest first and without overlap, so that "North Korea" is
/// one term and not also "Korea", and "한국전쟁" is the Korean War and not also Korea.
/// </summary>
internal sealed class TermMatcher
{
    private readonly (string Form, string Key, bool IgnoreCase)[] forms;
    private readonly Language language;

    /// <param name="forms">Surface forms with their keys. English forms written in lowercase match any case;
    /// forms with a capital match exactly ("US" must not match "us").</param>
    /// <param name="language">Korean forms match anywhere (Korean attaches particles and compounds freely);
    /// English forms must be whole words, optionally with a plural "s".</param>
    public TermMatcher(IEnumerable<(string Form, string Key)> forms, Language language)
    {
        this.language = language;
        // Case-insensitive forms are stored lower-cased and searched in a lower-cased copy of the sentence with
        // ordinal comparison: OrdinalIgnoreCase IndexOf costs ~12x more under InvariantGlobalization, and this
        // runs for every form in every sentence (it was half of a 2,000-sentence alignment).
        this.forms = forms
            .Select(f => (f.Form, f.Key, IgnoreCase: language == Language.English && !f.Form.Any(char.IsUpper)))
            .Select(f => (f.IgnoreCase ? f.Form.ToLowerInvariant() : f.Form, f.Key, f.IgnoreCase))
            .OrderByDescending(f => f.Item1.Length)
            .ToArray();
    }

    /// <summary>The keys of the forms found, in the order they occur in the sentence.</summary>
    public List<string> Find(string sentence)
    {
        var found = new List<(int Start, string Key)>();
        List<(int Start, int End)>? taken = null;
        string? lowered = null;
        foreach (var (form, key, ignoreCase) in forms)
        {
            // ToLowerInvariant maps code unit by code unit, so offsets in the copy are offsets in the sentence.
            var text = ignoreCase ? lowered ??= sentence.ToLowerInvariant() : sentence;
            for (var at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.Ordinal))
            {
                var end = at + form.Length;
                if (language == Language.English && !IsWholeWord(sentence, at, ref end))
                {
                    continue;
                }

                if (Overlaps(taken, at, end))
                {
                    continue;
                }

                (taken ??= []).Add((at, end));
                found.Add((at, key));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found.ConvertAll(f => f.Key);
    }

    private static bool IsWholeWord(string text, int start, ref int end)
    {
        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return false;
        }

        if (end < text.Length && text[end] == 's' && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1])))
        {
            end++;
        }

        return end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1]);
    }

    private static bool Overlaps(List<(int Start, int End)>? taken, int start, int end)
    {
        if (taken is null)
        {
            return false;
        }

        foreach (var (s, e) in taken)
        {
            if (start < e && end > s)
            {
                return true;
            }
        }

        return false;
    }
}
