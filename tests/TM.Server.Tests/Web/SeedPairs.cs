using TM.Protos.V1;

namespace TM.Server.Tests.Web;

/// <summary>Pairs of the seeded default memory, read through the API, for tests that need a sentence the memory holds.</summary>
internal static class SeedPairs
{
    /// <summary>The first pairs of the default memory whose Korean side is a sentence of some length.</summary>
    public static async Task<IReadOnlyList<Segment>> SentencesAsync(WebFixture server, int count = 5)
    {
        var page = await server.Client.ListSegmentsAsync(new ListSegmentsRequest { MaxResults = 200 }, WebFixture.With(WebFixture.AdminSecret));
        return page.Segments.Where(s => s.Ko.Length is > 25 and < 200 && s.En.Length > 20).Take(count).ToList();
    }
}
