using TM.Grpc.Internal;

namespace TM.Grpc.Tests.Internal;

public class PercentEncodingTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Plain ASCII, with spaces.", "Plain ASCII, with spaces.")]
    [InlineData("100%", "100%25")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("번역", "%EB%B2%88%EC%97%AD")]
    [InlineData("café ☕", "caf%C3%A9 %E2%98%95")]
    public void Encodes_what_the_spec_requires_and_nothing_else(string value, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Encode(value));
        Assert.Equal(value, PercentEncoding.Decode(expected));
    }

    [Fact]
    public void Ascii_message_is_returned_as_is()
    {
        const string message = "Nothing to encode here.";
        Assert.Same(message, PercentEncoding.Encode(message));
        Assert.Same(message, PercentEncoding.Decode(message));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("50%")]
    [InlineData("%4")]
    [InlineData("%ZZ left alone")]
    public void Malformed_escapes_are_kept_literally(string value) => Assert.Equal(value, PercentEncoding.Decode(value));

    [Fact]
    public void Lower_case_hex_digits_decode()
        => Assert.Equal("번", PercentEncoding.Decode("%eb%b2%88"));

    [Fact]
    public void Long_messages_round_trip()
    {
        var message = string.Concat(Enumerable.Repeat("번역 메모리 100% ", 200));
        Assert.Equal(message, PercentEncoding.Decode(PercentEncoding.Encode(message)));
    }

    [Fact]
    public void Every_encoded_character_is_printable_ascii()
    {
        var message = new string(Enumerable.Range(0, 0x3000).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray());
        var encoded = PercentEncoding.Encode(message);
        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(message, PercentEncoding.Decode(encoded));
    }
}
