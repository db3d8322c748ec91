using TM.Grpc.Internal;

namespace TM.Grpc.Tests.Internal;

public class GrpcTimeoutHeaderTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("30S", 300_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("100n", 1L)]
    [InlineData("1n", 1L)]
    [InlineData("0m", 0L)]
    [InlineData("99999999H", 99_999_999L * 36_000_000_000L)]
    public void Parses_every_unit(string value, long expectedTicks)
    {
        Assert.True(GrpcTimeoutHeader.TryParse(value, out var timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("10 S")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void Rejects_malformed_values(string value) => Assert.False(GrpcTimeoutHeader.TryParse(value, out _));

    [Theory]
    [InlineData(1L, "1m")]
    [InlineData(10_000L, "1m")]
    [InlineData(10_001L, "2m")]
    [InlineData(999_999_990_000L, "99999999m")]
    [InlineData(1_000_000_000_000L, "100000S")]
    public void Formats_in_the_finest_unit_that_fits_rounding_up(long ticks, string expected)
        => Assert.Equal(expected, GrpcTimeoutHeader.Format(TimeSpan.FromTicks(ticks)));

    [Fact]
    public void Huge_timeouts_are_capped_at_the_largest_value()
        => Assert.Equal("99999999H", GrpcTimeoutHeader.Format(TimeSpan.MaxValue));

    [Fact]
    public void Formatted_timeouts_parse_back_to_at_least_the_original()
    {
        foreach (var seconds in new[] { 0.001, 0.5, 1, 59, 3600, 86_400 * 400 })
        {
            var timeout = TimeSpan.FromSeconds(seconds);
            Assert.True(GrpcTimeoutHeader.TryParse(GrpcTimeoutHeader.Format(timeout), out var parsed));
            Assert.True(parsed >= timeout);
        }
    }
}
