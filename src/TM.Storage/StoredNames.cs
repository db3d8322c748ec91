namespace TM.Storage;

/// <summary>
/// The texts the enums are stored as. Columns hold text, not numbers, so the file reads on its own in the sqlite3
/// shell and a new value needs no migration; the names are part of the file format and never change. The API shows
/// the same names (an import's kind, status and update policy in ListImports), so they are public.
/// </summary>
public static class StoredNames
{
    /// <summary>"document", "segments" or "tmx".</summary>
    public static string Of(ImportKind kind) => kind switch
    {
        ImportKind.Document => "document",
        ImportKind.Tmx => "tmx",
        _ => "segments",
    };

    /// <summary>The kind stored as <paramref name="text"/>; segments for a text it does not know.</summary>
    public static ImportKind ParseKind(string text) => text switch
    {
        "document" => ImportKind.Document,
        "tmx" => ImportKind.Tmx,
        _ => ImportKind.Segments,
    };

    /// <summary>"running", "completed", "failed" or "interrupted".</summary>
    public static string Of(ImportStatus status) => status switch
    {
        ImportStatus.Running => "running",
        ImportStatus.Failed => "failed",
        ImportStatus.Interrupted => "interrupted",
        _ => "completed",
    };

    /// <summary>The status stored as <paramref name="text"/>; completed for a text it does not know.</summary>
    public static ImportStatus ParseStatus(string text) => text switch
    {
        "running" => ImportStatus.Running,
        "failed" => ImportStatus.Failed,
        "interrupted" => ImportStatus.Interrupted,
        _ => ImportStatus.Completed,
    };

    /// <summary>"add_alternative", "keep_existing" or "overwrite".</summary>
    public static string Of(UpdatePolicy policy) => policy switch
    {
        UpdatePolicy.KeepExisting => "keep_existing",
        UpdatePolicy.Overwrite => "overwrite",
        _ => "add_alternative",
    };

    /// <summary>The policy stored as <paramref name="text"/>; add_alternative for a text it does not know.</summary>
    public static UpdatePolicy ParsePolicy(string text) => text switch
    {
        "keep_existing" => UpdatePolicy.KeepExisting,
        "overwrite" => UpdatePolicy.Overwrite,
        _ => UpdatePolicy.AddAlternative,
    };

    /// <summary>"korean" or "english".</summary>
    public static string Of(SegmentSide side) => side == SegmentSide.English ? "english" : "korean";

    /// <summary>The side stored as <paramref name="text"/>; Korean for a text it does not know.</summary>
    public static SegmentSide ParseSide(string text) => text == "english" ? SegmentSide.English : SegmentSide.Korean;
}
