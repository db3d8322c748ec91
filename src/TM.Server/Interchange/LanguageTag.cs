using TM.Storage;

namespace TM.Server.Interchange;

/// <summary>Reads Korean and English out of language tags as files and requests write them (ko, ko-KR, KO-kr, kor, en-US…).</summary>
internal static class LanguageTag
{
    /// <summary>The side a tag names by its primary subtag; null for any other language, or no tag.</summary>
    public static SegmentSide? ToSide(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        var trimmed = tag.AsSpan().Trim();
        var dash = trimmed.IndexOfAny('-', '_');
        var primary = dash < 0 ? trimmed : trimmed[..dash];
        if (primary.Equals("ko", StringComparison.OrdinalIgnoreCase) || primary.Equals("kor", StringComparison.OrdinalIgnoreCase))
            return SegmentSide.Korean;
        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase) || primary.Equals("eng", StringComparison.OrdinalIgnoreCase))
            return SegmentSide.English;
        return null;
    }
}
