using TM.Protos.V1;

namespace TM.Server.Tests.Terminology;

/// <summary>
/// The real server with the seeds in its default memory and a termbase for them: 김일성 = Kim Il-sung, 스탈린 = Stalin
/// with the forbidden variant "Staline" (which the seeds' English writes once), 협상 = negotiation.
/// </summary>
public sealed class TermbaseServerFixture : ServerFixture
{
    public TermEntry KimIlSung { get; private set; } = null!;

    public TermEntry Stalin { get; private set; } = null!;

    public TermEntry Negotiation { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        KimIlSung = await AddAsync(new TermEntry { Ko = "김일성", En = "Kim Il-sung", PartOfSpeech = "properNoun" });
        Stalin = await AddAsync(new TermEntry { Ko = "스탈린", En = "Stalin", ForbiddenEn = { "Staline" } });
        Negotiation = await AddAsync(new TermEntry { Ko = "협상", En = "negotiation" });
    }

    private async Task<TermEntry> AddAsync(TermEntry entry) => await Client.AddTermAsync(new AddTermRequest { Entry = entry });
}
