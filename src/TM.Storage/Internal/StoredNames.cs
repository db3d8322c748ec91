namespace TM.Storage.Internal;

/// <summary>
/// The texts the enums are stored as. Columns hold text, not numbers, so the file reads on its own in the sqlite3
/// shell and a new value needs no migration; the names are part of the file format and never change.
/// </summary>
internal static class StoredNames
{
    public static string Of(ImportKind kind) => kind switch
    {
        ImportKind.Document => "document",
        ImportKind.Tmx => "tmx",
        _ => "segments",
    };

    public static ImportKind ParseKind(string text) => text switch
    {
        "document" => ImportKind.Document,
        "tmx" => ImportKind.Tmx,
        _ => ImportKind.Segments,
    };

    public static string Of(ImportStatus status) => status switch
    {
        ImportStatus.Running => "running",
        ImportStatus.Failed => "failed",
        ImportStatus.Interrupted => "interrupted",
        _ => "completed",
    };

    public static ImportStatus ParseStatus(string text) => text switch
    {
        "running" => ImportStatus.Running,
        "failed" => ImportStatus.Failed,
        "interrupted" => ImportStatus.Interrupted,
        _ => ImportStatus.Completed,
    };

    public static string Of(UpdatePolicy policy) => policy switch
    {
        UpdatePolicy.KeepExisting => "keep_existing",
        UpdatePolicy.Overwrite => "overwrite",
        _ => "add_alternative",
    };

    public static UpdatePolicy ParsePolicy(string text) => text switch
    {
        "keep_existing" => UpdatePolicy.KeepExisting,
        "overwrite" => UpdatePolicy.Overwrite,
        _ => UpdatePolicy.AddAlternative,
    };

    public static string Of(SegmentSide side) => side == SegmentSide.English ? "english" : "korean";

    public static SegmentSide ParseSide(string text) => text == "english" ? SegmentSide.English : SegmentSide.Korean;
}
