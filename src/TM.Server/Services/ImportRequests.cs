using TM.Interchange;
using TM.Server.Interchange;
using TM.Storage;
using ProtoPolicy = TM.Protos.V1.UpdatePolicy;

namespace TM.Server.Services;

/// <summary>Reads the fields the import requests share, turning bad values into INVALID_ARGUMENT with the fix.</summary>
internal static class ImportRequests
{
    /// <summary>Longest file name accepted.</summary>
    public const int MaxFileNameLength = RequestLimits.MaxOriginLength;

    public static UpdatePolicy Policy(ProtoPolicy policy) => policy switch
    {
        ProtoPolicy.Unspecified or ProtoPolicy.AddAlternative => UpdatePolicy.AddAlternative,
        ProtoPolicy.KeepExisting => UpdatePolicy.KeepExisting,
        ProtoPolicy.Overwrite => UpdatePolicy.Overwrite,
        _ => throw Invalid.Argument($"update_policy is {(int)policy}, which this server does not know; use UPDATE_POLICY_ADD_ALTERNATIVE (1), UPDATE_POLICY_KEEP_EXISTING (2) or UPDATE_POLICY_OVERWRITE (3)."),
    };

    /// <summary>The side named by <c>source_lang</c>; null when it is empty.</summary>
    public static SegmentSide? SourceSide(string value) => value.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "ko" or "ko-kr" or "kor" => SegmentSide.Korean,
        "en" or "en-us" or "en-gb" or "eng" => SegmentSide.English,
        _ => throw Invalid.Argument($"source_lang is '{value}'; use \"ko\" or \"en\" (or leave it empty for the default)."),
    };

    /// <summary>A file, document or import name from field <paramref name="field"/>, trimmed; <paramref name="fallback"/> when it is empty.</summary>
    public static string FileName(string value, string fallback, string field = "file_name")
    {
        var name = value.Trim();
        if (name.Length > MaxFileNameLength)
            throw Invalid.Argument($"{field} is {Invalid.Count(name.Length)} characters long; the limit is {Invalid.Count(MaxFileNameLength)}.");
        foreach (var c in name)
        {
            if (char.IsControl(c))
                throw Invalid.Argument($"{field} contains a control character ({XmlText.Describe(c)}).");
        }
        if (XmlText.IndexOfInvalid(name) is var invalid and >= 0)
            throw Invalid.Argument($"{field} holds {XmlText.Describe(name[invalid])}, which XML (and so a TMX export) cannot carry.");
        return name.Length == 0 ? fallback : name;
    }

    public static ImportFileFormat? Format(string value) => ImportFormatDetector.TryFromName(value, out var format)
        ? format
        : throw Invalid.Argument($"format is '{value}'; use \"tmx\", \"tsv\" or \"csv\", or leave it empty to detect the format.");
}
