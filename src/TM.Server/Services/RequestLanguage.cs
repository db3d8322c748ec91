using TM.Storage;

namespace TM.Server.Services;

/// <summary>Reads a request's language field: "ko" or "en" (and their common spellings), empty for none.</summary>
internal static class RequestLanguage
{
    /// <param name="value">The field's value.</param>
    /// <param name="field">The field's name, for the message.</param>
    /// <param name="whenEmpty">What an empty field does, for the message ("to detect the language").</param>
    /// <returns>The side named, or null for an empty field.</returns>
    public static SegmentSide? Parse(string value, string field, string whenEmpty) => value.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "ko" or "ko-kr" or "kor" => SegmentSide.Korean,
        "en" or "en-us" or "en-gb" or "eng" => SegmentSide.English,
        _ => throw Invalid.Argument($"{field} is '{value}'; use \"ko\" or \"en\" (or leave it empty {whenEmpty})."),
    };
}
