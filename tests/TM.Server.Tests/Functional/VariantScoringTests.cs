using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>
/// Scores as a translator reads them through the real server: another form of a word costs half a word, a differing
/// number the server carries into the translation a quarter of a unit, and one it cannot carry a whole unit (the rest
/// as a "number_not_adapted" penalty). See src/TM.Matching/SCORING.md.
/// </summary>
public sealed class VariantScoringTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-variants-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(_directory, "--no-seeds");
        await ImportAsync(
            ("유엔군은 1951년 5월 말 공세를 재개하였다.", "The UN forces resumed the offensive at the end of May 1951."),
            ("중공군은 1951년 5월 말 공세를 재개하였다.", "The Chinese forces then resumed their offensive."),
            ("The troops withdrew from the parallel after the armistice negotiations.", "병력은 휴전 협상 후 38선에서 철수하였다."));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task An_inflected_word_costs_half_a_word()
    {
        var inflected = await _server.Client.LookupAsync(new LookupRequest
        {
            Text = "The troop withdrew from the parallel after the armistice negotiations.",
            SourceLang = "en",
        });
        var different = await _server.Client.LookupAsync(new LookupRequest
        {
            Text = "The tanks withdrew from the parallel after the armistice negotiations.",
            SourceLang = "en",
        });

        // 10 words: troop for troops 1 − 0.5/10 = 95; tanks for troops 1 − 1/10 = 90.
        Assert.Equal(95, inflected.Matches[0].Score);
        Assert.Equal(90, different.Matches[0].Score);
    }

    [Fact]
    public async Task A_number_carried_into_the_translation_costs_little_and_one_that_cannot_be_costs_a_whole_unit()
    {
        var response = await _server.Client.LookupAsync(new LookupRequest { Text = "유엔군은 1951년 6월 말 공세를 재개하였다.", SourceLang = "ko" });

        // 17 units (15 syllables, 2 numbers); 6 for 5 is a quarter of a unit: 1 − 0.25/17 = 98.5, capped at 98.
        var adapted = response.Matches.Single(m => m.Target.StartsWith("The UN forces", StringComparison.Ordinal));
        Assert.Equal(98, adapted.Score);
        Assert.Contains("June 1951", adapted.AdaptedTarget);
        Assert.Empty(adapted.Penalties);

        // The other pair also differs in two syllables (중공 for 유엔) and its translation has no month to replace: the rest
        // of the unit is charged, 0.75 × 100 / 17 = 4.41 points, so 6월 costs as much as a differing syllable.
        var unplaced = response.Matches.Single(m => m.Target.StartsWith("The Chinese", StringComparison.Ordinal));
        var penalty = Assert.Single(unplaced.Penalties);
        Assert.Equal("number_not_adapted", penalty.Reason);
        Assert.Equal(75.0 / 17, penalty.Points, 2);
        Assert.Single(unplaced.UnplacedNumbers);
        Assert.Equal(100.0 * (17 - 3) / 17, unplaced.Score, 2);
    }

    private async Task ImportAsync(params (string Source, string Target)[] pairs)
    {
        using var call = _server.Client.ImportSegments();
        foreach (var (source, target) in pairs)
        {
            var korean = source.Any(c => c is >= '가' and <= '힣');
            await call.RequestStream.WriteAsync(korean
                ? new ImportSegmentsRequest { Ko = source, En = target }
                : new ImportSegmentsRequest { Ko = target, En = source });
        }
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }
}
