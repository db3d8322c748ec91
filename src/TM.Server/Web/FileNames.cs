namespace TM.Server.Web;

/// <summary>File names the pages offer for download.</summary>
public static class FileNames
{
    /// <summary><paramref name="name"/> with everything but letters, digits, '-', '_' and '.' replaced by '_', so it fits a Content-Disposition header.</summary>
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return safe.Trim('.').Length == 0 ? "memory" : safe;
    }
}
