using System.Collections.Frozen;
using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Recognises lines that are not part of the text: UI labels copied from a journal site ("초록 열기/닫기 버튼") and
/// headings ("Abstract", "국문초록", "요약", "Summary"). Such lines are dropped before alignment and reported to the
/// caller, who shows them; dropping a real sentence would lose a segment, so only short lines without
/// sentence-final punctuation are candidates.
/// </summary>
public sealed class NoiseLineFilter
{
    private static readonly string[] DefaultLabels =
    [
        // Headings of Korean journal and thesis databases.
        "초록", "국문초록", "국문 초록", "영문초록", "영문 초록", "한글초록", "한글 초록", "논문초록", "논문 초록",
        "요약", "국문요약", "국문 요약", "영문요약", "영문 요약", "논문요약", "논문 요약", "요지", "개요",
        "abstract", "summary", "english abstract", "korean abstract", "abstract (english)", "abstract (korean)",
        "english summary", "korean summary", "résumé", "synopsis",

        // UI labels that come along when an abstract is copied from a web page.
        "초록 열기/닫기 버튼", "초록 열기/닫기", "초록 열기", "초록 닫기", "초록보기", "초록 보기", "원문보기", "원문 보기",
        "목차", "목차보기", "목차 보기", "펼치기", "접기", "더보기", "번역하기", "인용하기", "다운로드", "pdf 다운로드",
        "open/close abstract", "show abstract", "hide abstract", "show more", "read more", "download pdf", "full text",
    ];

    private readonly FrozenSet<string> labels;

    /// <summary>Creates a filter that knows the given labels in addition to the short-heading rule.</summary>
    /// <param name="knownLabels">Lines to drop whatever their length, compared case-insensitively after trimming
    /// and collapsing whitespace, without a trailing colon.</param>
    public NoiseLineFilter(IEnumerable<string> knownLabels)
    {
        ArgumentNullException.ThrowIfNull(knownLabels);
        labels = knownLabels.Select(Normalize).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The filter with the built-in labels of Korean journal sites and common abstract headings.</summary>
    public static NoiseLineFilter Default { get; } = new(DefaultLabels);

    /// <summary>
    /// The longest line, in characters after trimming, that counts as a heading when it is not a known label.
    /// Default 24.
    /// </summary>
    public int MaxHeadingLength { get; init; } = 24;

    /// <summary>
    /// The most words a line may have to count as a heading when it is not a known label. Default 2: titles of
    /// papers are usually longer and are worth aligning.
    /// </summary>
    public int MaxHeadingWords { get; init; } = 2;

    /// <summary>True when the line is a known label or a short heading-like line without sentence-final punctuation.</summary>
    /// <param name="line">One line of the document.</param>
    public bool IsNoise(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty || EndsWithTerminal(trimmed))
        {
            return false;
        }

        var normalized = Normalize(line);
        if (labels.Contains(normalized))
        {
            return true;
        }

        var withoutNumber = StripNumbering(normalized);
        if (labels.Contains(withoutNumber))
        {
            return true;
        }

        return trimmed.Length <= MaxHeadingLength && CountWords(trimmed) <= MaxHeadingWords;
    }

    private static bool EndsWithTerminal(ReadOnlySpan<char> line)
    {
        var end = line.Length - 1;
        while (end >= 0 && Chars.IsCloser(line[end]))
        {
            end--;
        }

        return end >= 0 && Chars.IsTerminal(line[end]);
    }

    private static int CountWords(ReadOnlySpan<char> line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var letter = !char.IsWhiteSpace(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }

    private static string Normalize(string label) =>
        Whitespace.Normalize(label).TrimEnd(':', '：', ' ').ToLowerInvariant();

    // "1. 서론", "Ⅰ. Abstract", "(2) 요약" → the heading without its number.
    private static string StripNumbering(string label)
    {
        var space = label.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return label;
        }

        var first = label.AsSpan(0, space).Trim("().");
        foreach (var c in first)
        {
            if (!Chars.IsDigit(c) && c is not (>= 'Ⅰ' and <= 'ⅿ') && "ivxlc".IndexOf(c) < 0)
            {
                return label;
            }
        }

        return label[(space + 1)..];
    }
}
