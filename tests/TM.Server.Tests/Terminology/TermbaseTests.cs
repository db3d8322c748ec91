using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Terminology;

/// <summary>
/// The termbase through the real server: entries added, read, updated under their version and deleted, and recognised
/// in Lookup, LookupBatch, Pretranslate and Concordance answers against the seeds.
/// </summary>
public sealed class TermbaseTests(TermbaseServerFixture server) : IClassFixture<TermbaseServerFixture>
{
    private TranslationMemory.TranslationMemoryClient Tm => server.Client;

    private async Task<string> NewMemoryAsync()
    {
        var name = $"terms-{Guid.NewGuid():N}"[..20];
        await Tm.CreateMemoryAsync(new CreateMemoryRequest { Name = name });
        return name;
    }

    [Fact]
    public async Task An_entry_is_added_read_updated_under_its_version_and_deleted()
    {
        var memory = await NewMemoryAsync();

        var added = await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = " 정전협정 ", En = "Armistice Agreement", EnVariants = { "armistice agreement", "" } } });
        var read = await Tm.GetTermAsync(new GetTermRequest { Memory = memory, TermId = added.Id });
        var updated = await Tm.UpdateTermAsync(new UpdateTermRequest
        {
            Memory = memory, TermId = added.Id, Version = read.Version,
            Entry = new TermEntry { Ko = "정전협정", En = "Armistice Agreement", Note = "signed 27 July 1953" },
        });
        var stale = await Assert.ThrowsAsync<RpcException>(() => Tm.UpdateTermAsync(new UpdateTermRequest
        {
            Memory = memory, TermId = added.Id, Version = read.Version, Entry = new TermEntry { Ko = "정전협정", En = "armistice" },
        }).ResponseAsync);
        var staleDelete = await Assert.ThrowsAsync<RpcException>(() => Tm.DeleteTermAsync(new DeleteTermRequest { Memory = memory, TermId = added.Id, Version = read.Version }).ResponseAsync);
        await Tm.DeleteTermAsync(new DeleteTermRequest { Memory = memory, TermId = added.Id, Version = updated.Version });
        var gone = await Assert.ThrowsAsync<RpcException>(() => Tm.GetTermAsync(new GetTermRequest { Memory = memory, TermId = added.Id }).ResponseAsync);

        Assert.Equal("정전협정", read.Ko);
        Assert.Equal(["armistice agreement"], read.EnVariants);
        Assert.Equal(memory, read.Memory);
        Assert.Equal(1, read.Version);
        Assert.Equal(2, updated.Version);
        Assert.Equal("signed 27 July 1953", updated.Note);
        Assert.Empty(updated.EnVariants);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Contains("version 2", stale.Status.Detail);
        Assert.Equal(StatusCode.Aborted, staleDelete.StatusCode);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_repeated_pair_is_already_exists_and_bad_entries_are_invalid_argument_naming_the_field()
    {
        var memory = await NewMemoryAsync();
        await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "판문점", En = "Panmunjom" } });

        var repeated = await Assert.ThrowsAsync<RpcException>(() => Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "판문점", En = "Panmunjom" } }).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Note = "x" } }).ResponseAsync);
        var control = await Assert.ThrowsAsync<RpcException>(() => Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "판문\u0007점" } }).ResponseAsync);
        var pos = await Assert.ThrowsAsync<RpcException>(() => Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "휴전", PartOfSpeech = "thing" } }).ResponseAsync);
        var noMemory = await Assert.ThrowsAsync<RpcException>(() => Tm.AddTermAsync(new AddTermRequest { Memory = "no-such-memory", Entry = new TermEntry { Ko = "휴전" } }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, repeated.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Contains("neither a Korean nor an English term", empty.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, control.StatusCode);
        Assert.Contains("ko holds a control character", control.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, pos.StatusCode);
        Assert.Contains("properNoun", pos.Status.Detail);
        Assert.Equal(StatusCode.NotFound, noMemory.StatusCode);
    }

    [Fact]
    public async Task ListTerms_pages_by_token_and_filters_either_side()
    {
        var memory = await NewMemoryAsync();
        foreach (var (ko, en) in new[] { ("김일성", "Kim Il-sung"), ("마오쩌둥", "Mao Zedong"), ("스탈린", "Stalin"), ("정전협정", "Armistice Agreement") })
            await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = ko, En = en } });

        var first = await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory, PageSize = 3 });
        var second = await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory, PageSize = 3, PageToken = first.NextPageToken });
        var filtered = await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory, Filter = "zedong" });

        Assert.Equal(["김일성", "마오쩌둥", "스탈린"], first.Terms.Select(t => t.Ko));
        Assert.Equal(4, first.Total);
        Assert.Equal(["정전협정"], second.Terms.Select(t => t.Ko));
        Assert.Empty(second.NextPageToken);
        Assert.Equal(["마오쩌둥"], filtered.Terms.Select(t => t.Ko));
        Assert.Equal(1, filtered.Total);
    }

    [Fact]
    public async Task Lookup_of_a_sentence_with_김일성은_returns_the_term_with_its_offsets_and_translation()
    {
        const string query = "김일성은 이에 동의하여 함께 스탈린 설득에 나섰다.";

        var response = await Tm.LookupAsync(new LookupRequest { Text = query });

        var kim = response.QueryTerms.Single(t => t.EntryId == server.KimIlSung.Id);
        Assert.Equal((0, 3), (kim.Start, kim.Length));
        Assert.Equal("ko", kim.Lang);
        Assert.Equal("김일성", kim.Form);
        Assert.Equal("Kim Il-sung", kim.Translation);
        Assert.False(kim.Forbidden);
        Assert.Equal("properNoun", kim.Entry.PartOfSpeech);
        var stalin = response.QueryTerms.Single(t => t.EntryId == server.Stalin.Id);
        Assert.Equal("스탈린", query.Substring(stalin.Start, stalin.Length));
        Assert.True(response.QueryTerms[0].Start < response.QueryTerms[1].Start);
    }

    [Fact]
    public async Task An_English_query_with_negotiations_hits_the_entry_negotiation()
    {
        const string query = "Mao Zedong decided to stop the Korean War through negotiations.";

        var response = await Tm.LookupAsync(new LookupRequest { Text = query, SourceLang = "en" });

        var hit = response.QueryTerms.Single(t => t.EntryId == server.Negotiation.Id);
        Assert.Equal("negotiations", query.Substring(hit.Start, hit.Length));
        Assert.Equal("협상", hit.Translation);
        Assert.Equal("en", hit.Lang);
    }

    [Fact]
    public async Task A_stored_target_that_writes_Staline_is_flagged_on_the_match()
    {
        var response = await Tm.LookupAsync(new LookupRequest { Text = "김일성은 이에 동의하여 함께 스탈린 설득에 나섰다.", SourceLang = "ko", MaxResults = 10, MinScore = 30 });

        var match = response.Matches.First(m => m.Target.Contains("Staline", StringComparison.Ordinal));
        var forbidden = Assert.Single(match.ForbiddenTerms);
        Assert.Equal("Staline", match.Target.Substring(forbidden.Start, forbidden.Length));
        Assert.True(forbidden.Forbidden);
        Assert.Equal(server.Stalin.Id, forbidden.EntryId);
        Assert.Equal("Stalin", forbidden.Entry.En);
        Assert.All(response.Matches.Where(m => !m.Target.Contains("Staline", StringComparison.Ordinal)), m => Assert.Empty(m.ForbiddenTerms));
    }

    [Fact]
    public async Task LookupBatch_Pretranslate_and_Concordance_carry_the_terms()
    {
        var batch = await Tm.LookupBatchAsync(new LookupBatchRequest { Texts = { "김일성이 동의하였다.", "Stalin agreed." } });
        using var pretranslate = Tm.Pretranslate(new PretranslateRequest { Text = "김일성은 스탈린 설득에 나섰다.\n\n마오쩌둥은 협상을 결정하였다.\n", SourceLang = "ko" });
        var sentences = new List<PretranslatedSentence>();
        await foreach (var message in pretranslate.ResponseStream.ReadAllAsync())
        {
            if (message.Sentence is { } sentence)
                sentences.Add(sentence);
        }
        var concordance = await Tm.ConcordanceAsync(new ConcordanceRequest { Term = "Staline", Lang = "en" });

        Assert.Equal(server.KimIlSung.Id, Assert.Single(batch.Results[0].QueryTerms).EntryId);
        Assert.Equal(server.Stalin.Id, Assert.Single(batch.Results[1].QueryTerms).EntryId);
        Assert.Equal([server.KimIlSung.Id, server.Stalin.Id], sentences[0].Terms.Select(t => t.EntryId));
        Assert.Contains(sentences[1].Terms, t => t.EntryId == server.Negotiation.Id && t.Translation == "negotiation");
        var hit = Assert.Single(concordance.Hits);
        var staline = Assert.Single(hit.Terms, t => t.Forbidden);
        Assert.Equal("Staline", hit.En.Substring(staline.Start, staline.Length));
        Assert.Equal(server.Stalin.Id, staline.EntryId);
    }

    [Fact]
    public async Task Concordance_marks_where_the_terms_translation_is_in_the_other_side()
    {
        var stalin = await Tm.ConcordanceAsync(new ConcordanceRequest { Term = "스탈린", Lang = "ko", MaxResults = 50 });
        var negotiations = await Tm.ConcordanceAsync(new ConcordanceRequest { Term = "negotiations", Lang = "en", MaxResults = 50 });
        var armistice = await Tm.ConcordanceAsync(new ConcordanceRequest { Term = "휴전", Lang = "ko", MaxResults = 50 });

        // Every "Stalin" of a hit's English is marked, and the forbidden "Staline" is not (it is a forbidden term there).
        Assert.NotEmpty(stalin.Hits);
        Assert.All(stalin.Hits, hit => Assert.Equal(
            WholeWords(hit.En, "Stalin"),
            hit.TranslationSpans.Select(span => span.Start)));
        Assert.Contains(stalin.Hits, hit => hit.TranslationSpans.Count > 0);
        Assert.All(stalin.Hits, hit => Assert.All(hit.TranslationSpans, span => Assert.Equal("Stalin", hit.En.Substring(span.Start, span.Length))));
        // From English: the entry "negotiation" found at "negotiations" marks 협상 in the Korean.
        Assert.Contains(negotiations.Hits, hit => hit.TranslationSpans.Count > 0);
        Assert.All(negotiations.Hits, hit => Assert.All(hit.TranslationSpans, span => Assert.Equal("협상", hit.Ko.Substring(span.Start, span.Length))));
        // No entry at 휴전: nothing is marked, even in a hit whose Korean holds another entry's term elsewhere.
        Assert.Contains(armistice.Hits, hit => hit.Terms.Count > 0);
        Assert.All(armistice.Hits, hit => Assert.Empty(hit.TranslationSpans));
    }

    private static IEnumerable<int> WholeWords(string text, string word) =>
        System.Text.RegularExpressions.Regex.Matches(text, $@"\b{word}\b").Select(m => m.Index);

    [Fact]
    public async Task A_term_added_is_recognised_by_the_next_lookup_and_a_deleted_one_no_longer()
    {
        var memory = await NewMemoryAsync();
        var before = await Tm.LookupAsync(new LookupRequest { Memory = memory, Text = "판문점에서 회담이 열렸다." });

        var added = await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "판문점", En = "Panmunjom" } });
        var after = await Tm.LookupAsync(new LookupRequest { Memory = memory, Text = "판문점에서 회담이 열렸다." });
        await Tm.DeleteTermAsync(new DeleteTermRequest { Memory = memory, TermId = added.Id, Version = added.Version });
        var deleted = await Tm.LookupAsync(new LookupRequest { Memory = memory, Text = "판문점에서 회담이 열렸다." });

        Assert.Empty(before.QueryTerms);
        Assert.Equal("Panmunjom", Assert.Single(after.QueryTerms).Translation);
        Assert.Empty(deleted.QueryTerms);
    }

    [Fact]
    public async Task Deleting_a_memory_deletes_its_termbase()
    {
        var memory = await NewMemoryAsync();
        await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "판문점", En = "Panmunjom" } });

        await Tm.DeleteMemoryAsync(new DeleteMemoryRequest { Name = memory });
        await Tm.CreateMemoryAsync(new CreateMemoryRequest { Name = memory });
        var terms = await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory });
        var lookup = await Tm.LookupAsync(new LookupRequest { Memory = memory, Text = "판문점에서 회담이 열렸다." });

        Assert.Empty(terms.Terms);
        Assert.Equal(0, terms.Total);
        Assert.Empty(lookup.QueryTerms);
    }
}
