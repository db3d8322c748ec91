using TM.Storage.Internal;

namespace TM.Storage.Tests;

public sealed class TextHashTests
{
    // The hash is stored in every database (ko_hash, en_hash): these values pin it, so a change to the function
    // fails here instead of silently turning every stored pair into a stranger.
    [Theory]
    [InlineData("", -824098762345677140L)]
    [InlineData("a", -8650885268968570563L)]
    [InlineData("휴전 협정", -3334349391492162061L)]
    [InlineData("The armistice was signed on 26 July.", -3688735426062498977L)]
    public void Values_never_change(string text, long expected) => Assert.Equal(expected, TextHash.Compute(text));

    [Fact]
    public void Texts_differing_in_one_character_anywhere_hash_differently()
    {
        const string text = "휴전 협정은 7월 26일 체결되었다. The armistice was signed.";
        var hashes = new HashSet<long> { TextHash.Compute(text) };
        for (var i = 0; i < text.Length; i++)
        {
            var changed = text.ToCharArray();
            changed[i]++;
            Assert.True(hashes.Add(TextHash.Compute(changed)), $"a change at {i} kept the hash");
        }
        Assert.True(hashes.Add(TextHash.Compute(text + "\0")));
        Assert.True(hashes.Add(TextHash.Compute(text.AsSpan(0, text.Length - 1))));
    }
}
