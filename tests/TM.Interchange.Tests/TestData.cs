using System.Text;
using TM.Interchange;

namespace TM.Interchange.Tests;

/// <summary>Fixtures on disk, small TMX documents in memory, and large ones generated on the fly.</summary>
internal static class TestData
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Stream Fixture(string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static MemoryStream Bytes(string text) => new(Utf8.GetBytes(text));

    /// <summary>A TMX document around the given &lt;tu&gt; elements; the first of them starts on line 5.</summary>
    public static MemoryStream Tmx(string units, string version = "1.4") => Bytes(
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="{version}">
        <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="ko" datatype="plaintext"/>
        <body>
        {units}
        </body>
        </tmx>
        """);

    public static List<TranslationUnit> ReadAll(Stream stream, string? fileName = null, TmxReadOptions? options = null)
    {
        using var reader = new TmxReader(stream, fileName, options);
        return [.. reader.ReadUnits()];
    }

    public static TmxFormatException ReadFails(Stream stream, TmxReadOptions? options = null) =>
        Assert.Throws<TmxFormatException>(() => ReadAll(stream, "broken.tmx", options));

    /// <summary>A TMX document of <paramref name="count"/> units, produced as it is read and never held whole.</summary>
    public static Stream GeneratedTmx(int count) => new GeneratedStream(GeneratedTmxParts(count));

    private static IEnumerable<string> GeneratedTmxParts(int count)
    {
        yield return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"gen\" srclang=\"ko\"/>\n<body>\n";
        var unit = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            unit.Clear();
            unit.Append("<tu tuid=\"").Append(i).Append("\" creationdate=\"20240101T000000Z\"><prop type=\"x-Batch\">generated</prop>")
                .Append("<tuv xml:lang=\"ko-KR\"><seg>").Append(i).Append("번째 문장은 <bpt i=\"1\">&lt;b&gt;</bpt>스트리밍<ept i=\"1\">&lt;/b&gt;</ept> 읽기가 메모리를 일정하게 쓰는지 확인한다.</seg></tuv>")
                .Append("<tuv xml:lang=\"en-US\"><seg>Sentence ").Append(i).Append(" checks that <bpt i=\"1\">&lt;b&gt;</bpt>streaming<ept i=\"1\">&lt;/b&gt;</ept> reads keep memory flat.</seg></tuv></tu>\n");
            yield return unit.ToString();
        }

        yield return "</body>\n</tmx>\n";
    }
}
