using TM.Server.Interchange;
using TM.Storage;
using ProtoPolicy = TM.Protos.V1.UpdatePolicy;

namespace TM.Server.Services;

/// <summary>Reads the fields the import requests share, turning bad values into INVALID_ARGUMENT with the fix.</summary>
internal static class ImportRequests
{
    /// <summary>Longest file name accepted.</summary>
    public const int MaxFileNameLength = 1_000;

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

    public static string FileName(string value, string fallback)
    {
        var name = value.Trim();
        if (name.Length > MaxFileNameLength)
            throw Invalid.Argument($"file_name is {Invalid.Count(name.Length)} characters long; the limit is {Invalid.Count(MaxFileNameLength)}.");
        foreach (var c in name)
        {
            if (char.IsControl(c))
                throw Invalid.Argument("file_name contains a control character.");
        }
        return name.Length == 0 ? fallback : name;
    }

    public static ImportFileFormat? Format(string value) => ImportFormatDetector.TryFromName(value, out var format)
        ? format
        : throw Invalid.Argument($"format is '{value}'; use \"tmx\", \"tsv\" or \"csv\", or leave it empty to detect the format.");
}
