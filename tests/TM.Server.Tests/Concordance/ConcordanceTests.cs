using System.Globalization;
using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Concordance;

/// <summary>Concordance on the search index through the real server: what a term finds, where it is, filters, pages, and freshness.</summary>
public sealed class ConcordanceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    private async Task<ImportSegmentsResponse> StoreAsync(string memory, params (string Ko, string En)[] pairs) =>
        await StoreAsync(memory, "", pairs);

    private async Task<ImportSegmentsResponse> StoreAsync(string memory, string origin, (string Ko, string En)[] pairs, UpdatePolicy policy = UpdatePolicy.Unspecified)
    {
        using var call = Client.ImportSegments();
        for (var i = 0; i < pairs.Length; i++)
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest
            {
                Memory = i == 0 ? memory : "",
                UpdatePolicy = i == 0 ? policy : UpdatePolicy.Unspecified,
                Ko = pairs[i].Ko,
                En = pairs[i].En,
                Origin = origin,
            });
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static string Marked(string text, IEnumerable<TextSpan> spans) =>
        string.Join("|", spans.Select(span => text.Substring(span.Start, span.Length)));

    [Fact]
    public async Task A_pair_stored_a_moment_ago_is_found_by_the_next_call()
    {
        await StoreAsync("fresh", ("정전협정 조인식은 판문점에서 열렸다.", "The armistice signing ceremony was held at Panmunjom."));

        var found = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "fresh", Term = "판문점" });

        Assert.Equal(1, found.Total);
        Assert.Equal("판문점", Marked(found.Hits[0].Ko, found.Hits[0].KoSpans));
    }

    [Fact]
    public async Task Korean_terms_are_found_inside_words_with_their_offsets()
    {
        await StoreAsync("korean-inside",
            ("1951년 휴전회담이 개성에서 시작되었다.", "Armistice talks began at Kaesong in 1951."),
            ("휴전 협정은 1953년에 체결되었다.", "The armistice agreement was signed in 1953."),
            ("소련의 정책이 바뀌었다.", "Soviet policy changed."));

        var truce = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "korean-inside", Term = "휴전", Lang = "ko" });
        var year = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "korean-inside", Term = "1951", Lang = "ko" });
        var syllable = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "korean-inside", Term = "련", Lang = "ko" });

        Assert.Equal(2, truce.Total);
        Assert.All(truce.Hits, hit => Assert.Equal("휴전", Marked(hit.Ko, hit.KoSpans)));
        Assert.All(truce.Hits, hit => Assert.Empty(hit.EnSpans));
        Assert.Equal(new TextSpan { Start = 6, Length = 2 }, truce.Hits[0].KoSpans.Single());
        Assert.Equal("1951", Marked(year.Hits.Single().Ko, year.Hits.Single().KoSpans));
        Assert.Equal("소련의 정책이 바뀌었다.", syllable.Hits.Single().Ko);
    }

    [Fact]
    public async Task Hanja_glosses_are_searchable()
    {
        await StoreAsync("hanja", ("휴전회담(休戰會談)은 2년을 끌었다.", "The armistice talks dragged on for two years."));

        var found = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "hanja", Term = "休戰" });

        Assert.Equal("休戰", Marked(found.Hits.Single().Ko, found.Hits.Single().KoSpans));
    }

    [Fact]
    public async Task English_is_matched_by_whole_words_and_a_trailing_star_makes_a_prefix()
    {
        await StoreAsync("english-words",
            ("군대가 진격했다.", "The army advanced."),
            ("휴전이 선포되었다.", "An armistice was declared."),
            ("군비가 늘었다.", "Armaments grew."));

        var word = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "english-words", Term = "arm", Lang = "en" });
        var prefix = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "english-words", Term = "arm*", Lang = "en" });
        var army = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "english-words", Term = "ARMY", Lang = "en" });

        Assert.Equal(0, word.Total);
        Assert.Equal(3, prefix.Total);
        Assert.Equal(["army", "armistice", "Armaments"], prefix.Hits.Select(hit => Marked(hit.En, hit.EnSpans)));
        Assert.Equal("army", Marked(army.Hits.Single().En, army.Hits.Single().EnSpans));
        Assert.All(prefix.Hits, hit => Assert.Equal("en", hit.Lang));
    }

    [Fact]
    public async Task An_English_phrase_matches_its_words_in_order_and_stop_words_count()
    {
        await StoreAsync("english-phrase",
            ("휴전회담이 시작되었다.", "The armistice talks began."),
            ("회담이 휴전을 낳았다.", "The talks led to an armistice."),
            ("국제연합의 결의", "The resolution of the United Nations."));

        var phrase = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "english-phrase", Term = "armistice talks", Lang = "en" });
        var stop = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "english-phrase", Term = "of the united", Lang = "en" });

        Assert.Equal("armistice talks", Marked(phrase.Hits.Single().En, phrase.Hits.Single().EnSpans));
        Assert.Equal("of the United", Marked(stop.Hits.Single().En, stop.Hits.Single().EnSpans));
    }

    [Fact]
    public async Task Word_forms_find_the_other_forms_of_an_English_word_only_when_asked()
    {
        await StoreAsync("word-forms",
            ("협상이 재개되었다.", "Negotiations resumed."),
            ("그는 협상했다.", "He negotiated."));

        var exact = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "word-forms", Term = "negotiation", Lang = "en" });
        var forms = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "word-forms", Term = "negotiation", Lang = "en", MatchWordForms = true });

        Assert.Equal(0, exact.Total);
        Assert.Equal(2, forms.Total);
        Assert.Equal(["Negotiations", "negotiated"], forms.Hits.Select(hit => Marked(hit.En, hit.EnSpans)));
    }

    [Fact]
    public async Task Both_sides_are_searched_when_no_side_is_given_and_each_hit_says_where_the_term_is()
    {
        await StoreAsync("both-sides",
            ("유엔군 사령부", "United Nations Command (UN)"),
            ("UN 결의안", "The resolution."));

        var found = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "both-sides", Term = "UN" });

        Assert.Equal(2, found.Total);
        Assert.Equal(("en", "", "UN"), (found.Hits[0].Lang, Marked(found.Hits[0].Ko, found.Hits[0].KoSpans), Marked(found.Hits[0].En, found.Hits[0].EnSpans)));
        Assert.Equal(("ko", "UN", ""), (found.Hits[1].Lang, Marked(found.Hits[1].Ko, found.Hits[1].KoSpans), Marked(found.Hits[1].En, found.Hits[1].EnSpans)));
    }

    [Fact]
    public async Task Pages_list_every_hit_once_in_id_order_and_the_last_page_has_no_token()
    {
        var pairs = Enumerable.Range(0, 45).Select(i => ($"전쟁 기록 {i}번", $"War record {i}.")).ToArray();
        await StoreAsync("pages", pairs);
        var request = new ConcordanceRequest { Memory = "pages", Term = "전쟁", MaxResults = 20 };

        var seen = new List<long>();
        var pages = 0;
        ConcordanceResponse page;
        do
        {
            page = await Client.ConcordanceAsync(request);
            pages++;
            Assert.Equal(45, page.Total);
            seen.AddRange(page.Hits.Select(hit => long.Parse(hit.SegmentId, CultureInfo.InvariantCulture)));
            request.PageToken = page.NextPageToken;
        }
        while (page.NextPageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(45, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(45, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_page_token_from_another_search_or_made_up_is_refused()
    {
        await StoreAsync("tokens", Enumerable.Range(0, 3).Select(i => ($"전쟁 {i}", $"war {i}")).ToArray());
        var first = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "tokens", Term = "전쟁", MaxResults = 1 });

        var otherTerm = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ConcordanceAsync(new ConcordanceRequest { Memory = "tokens", Term = "war", MaxResults = 1, PageToken = first.NextPageToken }).ResponseAsync);
        var madeUp = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ConcordanceAsync(new ConcordanceRequest { Memory = "tokens", Term = "전쟁", PageToken = "not-a-token" }).ResponseAsync);
        var biggerPage = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "tokens", Term = "전쟁", MaxResults = 5, PageToken = first.NextPageToken });

        Assert.Equal(StatusCode.InvalidArgument, otherTerm.StatusCode);
        Assert.Contains("another search", otherTerm.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, madeUp.StatusCode);
        Assert.Equal(2, biggerPage.Hits.Count);
    }

    [Fact]
    public async Task Filters_narrow_the_hits_by_origin_import_and_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var first = await StoreAsync("filters", "a.tmx", [("휴전 첫째", "armistice one")]);
        await StoreAsync("filters", "b.tmx", [("휴전 둘째", "armistice two")]);
        var imports = await Client.ListImportsAsync(new ListImportsRequest { Memory = "filters" });
        var firstImport = imports.Imports[0].ImportId;

        async Task<IEnumerable<string>> Find(ConcordanceRequest request)
        {
            request.Memory = "filters";
            request.Term = "휴전";
            return (await Client.ConcordanceAsync(request)).Hits.Select(hit => hit.En);
        }

        Assert.Equal(["armistice two"], await Find(new ConcordanceRequest { Origin = "b.tmx" }));
        Assert.Equal(["armistice one"], await Find(new ConcordanceRequest { ImportId = firstImport }));
        Assert.Equal(["armistice one", "armistice two"], await Find(new ConcordanceRequest { ChangedAfter = before.ToString("O", CultureInfo.InvariantCulture) }));
        Assert.Empty(await Find(new ConcordanceRequest { ChangedBefore = before.ToString("O", CultureInfo.InvariantCulture) }));
        Assert.Empty(await Find(new ConcordanceRequest { CreatedBy = "somebody" }));
        Assert.Equal(1, first.PairsStored);
    }

    [Fact]
    public async Task A_hit_carries_its_import_and_times()
    {
        await StoreAsync("hit-fields", "fields.tmx", [("판문점 회담", "Panmunjom talks")]);

        var hit = (await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "hit-fields", Term = "판문점" })).Hits.Single();

        Assert.Equal("fields.tmx", hit.Origin);
        Assert.NotEqual(0, hit.ImportId);
        Assert.Equal(hit.Created, hit.Changed);
        Assert.True(DateTimeOffset.Parse(hit.Created, CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task An_overwrite_reaches_the_index_at_once_and_removed_translations_are_gone()
    {
        await StoreAsync("overwrite", ("휴전", "armistice"), ("휴전", "truce"));
        await StoreAsync("overwrite", "", [("휴전", "ceasefire")], UpdatePolicy.Overwrite);

        var old = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "overwrite", Term = "armistice" });
        var gone = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "overwrite", Term = "truce" });
        var current = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "overwrite", Term = "휴전" });

        Assert.Equal(0, old.Total);
        Assert.Equal(0, gone.Total);
        Assert.Equal(["ceasefire"], current.Hits.Select(hit => hit.En));
    }

    [Fact]
    public async Task A_term_with_inline_tags_around_it_is_found_and_the_offsets_point_into_the_plain_text()
    {
        var tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ko" datatype="plaintext"/>
            <body><tu><tuv xml:lang="ko"><seg><bpt i="1">&lt;b&gt;</bpt>판문점<ept i="1">&lt;/b&gt;</ept>에서 서명했다.</seg></tuv>
            <tuv xml:lang="en"><seg>Signed at <bpt i="1">&lt;b&gt;</bpt>Panmunjom<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu></body></tmx>
            """;
        await FileUploads.ImportFileAsync(Client, FileUploads.Header("tags", "tags.tmx"), System.Text.Encoding.UTF8.GetBytes(tmx));

        var hit = (await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "tags", Term = "Panmunjom" })).Hits.Single();

        Assert.Equal("Signed at Panmunjom.", hit.En);
        Assert.Equal("Panmunjom", Marked(hit.En, hit.EnSpans));
        Assert.Contains("<bpt", hit.EnTmx);
    }

    [Theory]
    [InlineData("", "The concordance term is empty")]
    [InlineData("*", "")]
    public async Task A_term_with_nothing_to_search_is_invalid(string term, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ConcordanceAsync(new ConcordanceRequest { Term = term, Lang = "en" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }

    [Theory]
    [InlineData("changed_after", "yesterday")]
    [InlineData("changed_before", "2026-13-45")]
    public async Task A_time_that_is_not_RFC_3339_is_invalid_and_named(string field, string value)
    {
        var request = new ConcordanceRequest { Term = "휴전" };
        if (field == "changed_after")
            request.ChangedAfter = value;
        else
            request.ChangedBefore = value;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ConcordanceAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
        Assert.Contains("RFC 3339", error.Status.Detail);
    }

    [Fact]
    public async Task An_edit_during_a_bulk_import_is_searchable_when_its_call_returns_and_so_is_the_import_when_it_completes()
    {
        // Batches of 5,000 pairs are a bulk load, which the index publishes every few seconds; a call that waits is
        // published at once.
        const int Pairs = 15_000;
        await Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "bulk-edit" });
        var tsv = new System.Text.StringBuilder("ko\ten\n");
        for (var i = 0; i < Pairs; i++)
            tsv.Append(CultureInfo.InvariantCulture, $"대량 가져오기 문장 {i}번\tBulk import sentence number {i}.\n");
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var import = FileUploads.ImportFileAsync(Client, FileUploads.Header("bulk-import", "bulk.tsv"), System.Text.Encoding.UTF8.GetBytes(tsv.ToString()),
            breakAfter: progress =>
            {
                if (progress.BatchesCommitted > 0)
                    firstBatch.TrySetResult();
                return false;
            });
        await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await Client.AddSegmentAsync(new AddSegmentRequest { Memory = "bulk-edit", Ko = "포로 송환 협상은 길어졌다.", En = "The talks on repatriating prisoners dragged on." });
        var edit = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "bulk-edit", Term = "repatriating" });
        var result = await import;
        var last = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "bulk-import", Term = $"{Pairs - 1}번", Lang = "ko" });
        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = "bulk-import" });

        Assert.Equal(1, edit.Total);
        Assert.Null(result.Error);
        Assert.Equal(1, last.Total);
        Assert.Equal(0, stats.Memories.Single().ConcordancePending);
    }

    [Fact]
    public async Task Stats_show_nothing_pending_once_imports_have_answered()
    {
        await StoreAsync("pending", ("휴전", "armistice"));

        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = "pending" });

        Assert.Equal(0, stats.Memories.Single().ConcordancePending);
    }
}
