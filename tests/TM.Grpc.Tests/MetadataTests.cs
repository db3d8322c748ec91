namespace TM.Grpc.Tests;

public class MetadataTests
{
    [Fact]
    public void Keys_are_lower_cased()
    {
        var metadata = new Metadata { { "X-Request-Id", "42" } };
        Assert.Equal("x-request-id", metadata[0].Key);
        Assert.Equal("42", metadata.GetValue("x-request-id"));
    }

    [Fact]
    public void Get_returns_the_last_entry_with_the_key()
    {
        var metadata = new Metadata { { "x-a", "1" }, { "x-a", "2" } };
        Assert.Equal("2", metadata.GetValue("X-A"));
        Assert.Null(metadata.Get("x-b"));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("colon:")]
    [InlineData("ünicode")]
    [InlineData("")]
    public void Invalid_keys_are_rejected(string key) => Assert.ThrowsAny<ArgumentException>(() => new Metadata.Entry(key, "v"));

    [Fact]
    public void Binary_keys_need_binary_values_and_the_reverse()
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-data-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-data", new byte[] { 1 }));
    }

    [Fact]
    public void Non_ascii_string_values_are_rejected()
        => Assert.Throws<ArgumentException>(() => new Metadata.Entry("x-name", "번역"));

    [Fact]
    public void Binary_entry_has_no_string_value()
    {
        var entry = new Metadata.Entry("x-data-bin", [1, 2]);
        Assert.True(entry.IsBinary);
        Assert.Throws<InvalidOperationException>(() => entry.Value);
        Assert.Equal(new byte[] { 1, 2 }, entry.ValueBytes);
    }

    [Fact]
    public void Empty_is_read_only()
        => Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("x-a", "1"));
}
