using System.Text;

namespace TM.Server.Tests.Interchange;

/// <summary>
/// The entries of a gettext .po file, read independently of translate-toolkit so that what po2tmx made of them can
/// be checked: msgctxt, msgid, msgid_plural, msgstr and msgstr[n], strings continued over several lines, C escapes.
/// </summary>
public static class PoCatalog
{
    /// <summary>The translated entries (not the header): source and translation (the first plural form for plurals).</summary>
    public static List<(string Source, string Translation)> Read(string path)
    {
        var entries = new List<(string, string)>();
        string? keyword = null;
        var values = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);

        void Flush()
        {
            if (values.TryGetValue("msgid", out var id) && id.Length > 0)
            {
                var translation = values.TryGetValue("msgstr", out var single) ? single : values.GetValueOrDefault("msgstr[0]");
                if (translation is { Length: > 0 })
                    entries.Add((id.ToString(), translation.ToString()));
            }
            values.Clear();
            keyword = null;
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (line.StartsWith('#'))
                continue;
            if (line.StartsWith('"'))
            {
                values[keyword ?? throw new FormatException($"{path}: a string continues nothing: {raw}")].Append(Unquote(line));
                continue;
            }
            var space = line.IndexOf(' ');
            var word = line[..space];
            if (word == "msgctxt" && values.ContainsKey("msgid"))
                Flush();
            keyword = word;
            values[keyword] = new StringBuilder(Unquote(line[(space + 1)..].Trim()));
        }
        Flush();
        return entries;
    }

    private static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
            throw new FormatException("Not a quoted .po string: " + quoted);
        var text = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            var escaped = quoted[++i];
            text.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'a' => '\a',
                'b' => '\b',
                'f' => '\f',
                'v' => '\v',
                _ => escaped, // \" \\ and anything else stand for themselves
            });
        }
        return text.ToString();
    }
}
