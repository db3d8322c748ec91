using static TM.Analysis.Tests.TokenStreamAssert;

namespace TM.Analysis.Tests;

/// <summary>
/// How the analyzer treats U+E000..U+F8FF, the placeholders TMX inline tags become in stored text: as punctuation,
/// so never a unit of their own. Between words or syllables that is all it takes; inside a Latin word it splits the
/// word, which is why the server removes placeholders before indexing and matching.
/// </summary>
public class InlinePlaceholderUnitTests
{
    [Theory]
    [InlineData("\uE000훈민정음\uE001은 1443년에 창제되었다.", "훈민정음은 1443년에 창제되었다.")]
    [InlineData("See the figure\uE000.", "See the figure.")]
    [InlineData("\uE000Hunminjeongeum\uE001 was created", "Hunminjeongeum was created")]
    [InlineData("a \uE000 b", "a b")]
    [InlineData("가\uE000나", "가나")]
    [InlineData("\uF8FF", "")]
    public void Placeholders_are_not_units(string withPlaceholders, string plain)
    {
        Assert.Equal(Units(plain), Units(withPlaceholders));
    }

    [Fact]
    public void Placeholder_inside_a_Latin_word_splits_it()
    {
        // "<b>Hunmin</b>jeongeum": a tag mid-word. The server strips placeholders before indexing for this reason.
        Assert.Equal("a b", Units("a\uE000b"));
        Assert.Equal("ab", Units("ab"));
    }
}
