using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class RomanizationTests
{
    // Hangul | a romanisation in use: Revised (Heungnam, Busan), McCune–Reischauer with or without breves (Hŭngnam,
    // Pusan), or an older customary spelling (Seoul).
    [Theory]
    [InlineData("흥남", "Heungnam")]
    [InlineData("흥남", "Hŭngnam")]
    [InlineData("흥남", "Hungnam")]
    [InlineData("인천", "Incheon")]
    [InlineData("인천", "Inchon")]
    [InlineData("평양", "Pyongyang")]
    [InlineData("낙동", "Naktong")]
    [InlineData("부산", "Busan")]
    [InlineData("부산", "Pusan")]
    [InlineData("서울", "Seoul")]
    [InlineData("거제", "Koje")]
    [InlineData("거제", "Geoje")]
    [InlineData("개성", "Kaesong")]
    [InlineData("판문점", "Panmunjom")]
    [InlineData("지평", "Chipyong")]
    public void Hangul_and_its_romanisations_share_a_skeleton(string hangul, string latin)
    {
        Assert.Equal(SkeletonOfHangul(hangul), SkeletonOfLatin(latin));
    }

    [Theory]
    [InlineData("흥남", "Hamhung")]
    [InlineData("원산", "Wonju")]
    [InlineData("개성", "Kanggye")]
    [InlineData("나라", "Naples")]
    public void Different_names_have_different_skeletons(string hangul, string latin)
    {
        Assert.NotEqual(SkeletonOfHangul(hangul), SkeletonOfLatin(latin));
    }

    [Theory]
    [InlineData("U.N.")]
    [InlineData("NNRC.")]
    [InlineData("3rd")]
    public void Words_with_other_characters_have_no_skeleton(string latin)
    {
        Assert.Equal(-1, Romanization.Skeleton(latin, new char[Romanization.MaxLetters]));
    }

    private static string SkeletonOfHangul(string hangul)
    {
        var roman = new char[Romanization.MaxLetters];
        var length = Romanization.RomanizeHangul(hangul, roman);
        Assert.True(length > 0);
        return SkeletonOfLatin(new string(roman, 0, length));
    }

    private static string SkeletonOfLatin(string latin)
    {
        var skeleton = new char[Romanization.MaxLetters];
        var length = Romanization.Skeleton(latin, skeleton);
        Assert.True(length > 0, latin);
        return new string(skeleton, 0, length);
    }
}
