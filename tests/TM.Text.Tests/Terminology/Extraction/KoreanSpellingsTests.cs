using TM.Text.Terminology;
using TM.Text.Terminology.Extraction;

namespace TM.Text.Tests.Terminology.Extraction;

public sealed class KoreanSpellingsTests
{
    [Theory]
    [InlineData("리지웨", "리지웨이는|리지웨이의|리지웨이", "리지웨이")]
    [InlineData("한반", "한반도에서|한반도에", "한반도")]
    [InlineData("포로", "포로의|포로들|포로", "포로")]
    [InlineData("거제도 포로수용", "포로수용소에서|포로수용소", "거제도 포로수용소")]
    public void The_noun_ends_where_every_form_has_only_particles_after_it(string key, string forms, string expected)
    {
        var spellings = new KoreanSpellings();
        foreach (var form in forms.Split('|'))
        {
            spellings.Add(form);
        }

        Assert.Equal(expected, spellings.Spell(key));
    }

    [Fact]
    public void A_noun_seen_in_one_form_keeps_its_stripped_stem()
    {
        var spellings = new KoreanSpellings();
        spellings.Add("본고는");
        spellings.Add("본고는");

        Assert.Equal("본고", spellings.Spell("본고"));
    }
}
