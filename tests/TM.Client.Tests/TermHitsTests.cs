using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Tests;

public sealed class TermHitsTests
{
    [Fact]
    public void A_term_used_twice_in_one_form_is_listed_once_and_other_forms_each_once()
    {
        const string text = "스탈린은 스탈린의 뜻대로 김일성과 함께";
        TermHit[] hits =
        [
            new() { Start = 0, Length = 3, Lang = "ko", EntryId = 1, Form = "스탈린", Translation = "Stalin" },
            new() { Start = 5, Length = 3, Lang = "ko", EntryId = 1, Form = "스탈린", Translation = "Stalin" },
            new() { Start = 14, Length = 3, Lang = "ko", EntryId = 2, Form = "김일성", Translation = "Kim Il-sung" },
        ];

        Assert.Equal("Terms: 스탈린 → Stalin; 김일성 → Kim Il-sung", TermHits.Line(text, hits));
    }
}
