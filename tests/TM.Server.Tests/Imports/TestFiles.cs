using System.Text;

namespace TM.Server.Tests.Imports;

/// <summary>Generated import files: numbered Korean-English pairs that are all different, so counts are easy to check.</summary>
public static class TestFiles
{
    public static string Korean(int i) => $"문장 {i}번은 휴전 협상 기록이다.";

    public static string English(int i) => $"Sentence {i} is an armistice record.";

    /// <summary>A TMX file of units <paramref name="first"/>..<paramref name="first"/>+<paramref name="count"/>-1, one per line after the header.</summary>
    public static byte[] Tmx(int count, int first = 0, string srclang = "ko")
    {
        var tmx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n")
            .Append("<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"")
            .Append(srclang).Append("\" datatype=\"plaintext\"/>\n<body>\n");
        for (var i = first; i < first + count; i++)
        {
            tmx.Append("<tu><tuv xml:lang=\"ko\"><seg>").Append(Korean(i)).Append("</seg></tuv><tuv xml:lang=\"en\"><seg>")
                .Append(English(i)).Append("</seg></tuv></tu>\n");
        }
        return Encoding.UTF8.GetBytes(tmx.Append("</body>\n</tmx>\n").ToString());
    }

    /// <summary>The line of a <see cref="Tmx"/> file that holds unit <paramref name="i"/> (first = 0).</summary>
    public static int TmxLineOf(int i) => 5 + i;

    /// <summary>A TSV file with a header row.</summary>
    public static byte[] Tsv(int count, int first = 0)
    {
        var tsv = new StringBuilder("ko\ten\n");
        for (var i = first; i < first + count; i++)
            tsv.Append(Korean(i)).Append('\t').Append(English(i)).Append('\n');
        return Encoding.UTF8.GetBytes(tsv.ToString());
    }

    /// <summary>A CSV file without a header, English first, some fields quoted.</summary>
    public static byte[] Csv(int count, int first = 0)
    {
        var csv = new StringBuilder();
        for (var i = first; i < first + count; i++)
            csv.Append('"').Append(English(i).Replace("armistice", "armistice, signed,", StringComparison.Ordinal)).Append("\",").Append(Korean(i)).Append("\r\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
