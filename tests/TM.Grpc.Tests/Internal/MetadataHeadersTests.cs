using Microsoft.AspNetCore.Http;
using TM.Grpc.Internal;

namespace TM.Grpc.Tests.Internal;

public class MetadataHeadersTests
{
    [Fact]
    public void Protocol_headers_are_not_metadata()
    {
        var headers = new HeaderDictionary
        {
            [":path"] = "/a/b",
            ["content-type"] = "application/grpc",
            ["te"] = "trailers",
            ["grpc-timeout"] = "1S",
            ["grpc-encoding"] = "gzip",
            ["grpc-accept-encoding"] = "gzip",
            ["x-custom"] = "kept",
        };

        var entry = Assert.Single(MetadataHeaders.FromHeaders(headers));
        Assert.Equal("x-custom", entry.Key);
    }

    [Fact]
    public void Binary_headers_are_base64_decoded_with_or_without_padding()
    {
        var headers = new HeaderDictionary { ["x-a-bin"] = "AQI=", ["x-b-bin"] = "AQI", ["x-c-bin"] = "AQ==,Ag" };

        var metadata = MetadataHeaders.FromHeaders(headers);

        Assert.Equal(new byte[] { 1, 2 }, metadata.GetValueBytes("x-a-bin"));
        Assert.Equal(new byte[] { 1, 2 }, metadata.GetValueBytes("x-b-bin"));
        Assert.Equal([new byte[] { 1 }, new byte[] { 2 }], metadata.Where(e => e.Key == "x-c-bin").Select(e => e.ValueBytes));
    }

    [Fact]
    public void Headers_that_cannot_be_metadata_are_skipped()
    {
        var headers = new HeaderDictionary { ["x-bad-bin"] = "!!!", ["x-tab"] = "a\tb", ["x-good"] = "ok" };

        var entry = Assert.Single(MetadataHeaders.FromHeaders(headers));
        Assert.Equal("x-good", entry.Key);
    }

    [Fact]
    public void Binary_metadata_is_sent_as_base64()
    {
        var headers = new HeaderDictionary();
        MetadataHeaders.AddTo(headers, new Metadata { { "x-data-bin", new byte[] { 0, 255 } }, { "x-text", "hello" } });

        Assert.Equal("AP8=", headers["x-data-bin"].ToString());
        Assert.Equal("hello", headers["x-text"].ToString());
    }
}
