using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Interchange;

/// <summary>Imports the TMX that translate-toolkit's po2tmx makes of Debian's Korean LibreOffice catalogs, and exports it back.</summary>
public sealed class RealWorldTmxTests(ServerFixture server, LibreOfficeCatalogs catalogs)
    : IClassFixture<ServerFixture>, IClassFixture<LibreOfficeCatalogs>
{
    private const string Memory = "libreoffice-ko";

    [Fact]
    public async Task LibreOffice_catalogs_converted_by_po2tmx_import_with_the_counts_of_the_po_files_and_export_back_the_same_pairs()
    {
        var file = await File.ReadAllBytesAsync(catalogs.TmxPath);
        var distinct = catalogs.Entries.Distinct().ToList();

        var result = await FileUploads.ImportFileAsync(server.Client, FileUploads.Header(Memory, "libreoffice-ko.tmx"), file);

        Assert.Null(result.Error);
        var last = result.Last;
        Assert.True(last.Completed);
        Assert.True(catalogs.Entries.Count > 3_000, $"only {catalogs.Entries.Count} entries: the catalogs are not what this test expects");
        Assert.Equal(catalogs.Entries.Count, last.UnitsRead);
        Assert.Equal(0, last.UnitsSkipped);
        Assert.Equal(distinct.Count, last.PairsStored);
        Assert.Equal(catalogs.Entries.Count - distinct.Count, last.PairsSkippedDuplicate);

        // Round trip: the export holds exactly the catalogs' distinct pairs, byte for byte.
        var exported = new MemoryStream();
        using (var call = server.Client.ExportTmx(new ExportTmxRequest { Memory = Memory }))
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
                call.ResponseStream.Current.Chunk.WriteTo(exported);
        }
        exported.Position = 0;
        using var reader = new TmxReader(exported);
        var pairs = reader.ReadUnits().Select(u => (u.English, u.Korean)).ToList();
        Assert.Equal(distinct.OrderBy(p => p.English, StringComparer.Ordinal).ThenBy(p => p.Korean, StringComparer.Ordinal),
            pairs.OrderBy(p => p.English, StringComparer.Ordinal).ThenBy(p => p.Korean, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_LibreOffice_string_is_found_from_either_language()
    {
        var file = await File.ReadAllBytesAsync(catalogs.TmxPath);
        await FileUploads.ImportFileAsync(server.Client, FileUploads.Header(Memory + "-lookup", "libreoffice-ko.tmx"), file);
        var (english, korean) = catalogs.Entries.First(e => e.English.Split(' ').Length >= 4 && !e.English.Contains('~'));

        var fromEnglish = await server.Client.LookupAsync(new LookupRequest { Memory = Memory + "-lookup", Text = english, SourceLang = "en" });
        var fromKorean = await server.Client.LookupAsync(new LookupRequest { Memory = Memory + "-lookup", Text = korean, SourceLang = "ko" });

        Assert.Equal(100, fromEnglish.Matches[0].Score);
        Assert.Contains(fromEnglish.Matches, m => m.Target == korean);
        Assert.Equal(100, fromKorean.Matches[0].Score);
    }
}
