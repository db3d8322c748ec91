using TM.Server.Concordance;
using TM.Storage;

namespace TM.Server.Tests.Concordance;

public sealed class SegmentRecordPayloadTests
{
    [Fact]
    public void A_pair_with_everything_set_comes_back_equal()
    {
        var segment = new StoredSegment(42, "휴전 <x1/>협정", "The <x1/>armistice", "seed.txt", "checked", 0.87, true, "[{\"id\":1}]", "[{\"id\":1}]")
        {
            Fields = [new FieldValue("domain", "history"), new FieldValue("client", "KHU")],
        };
        var record = new SegmentRecord(segment, 3, 17, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), "kim", "lee")
        {
            Version = 1234, UsageCount = 5, LastUsed = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero),
        };

        var decoded = SegmentRecordPayload.Decode(SegmentRecordPayload.Encode(record));

        Assert.Equal(record with { Segment = decoded.Segment }, decoded);
        Assert.Equal(segment with { Fields = decoded.Segment.Fields }, decoded.Segment);
        Assert.Equal(segment.Fields, decoded.Segment.Fields);
    }

    [Fact]
    public void A_pair_never_used_keeps_no_last_use()
    {
        var record = new SegmentRecord(new StoredSegment(1, "가", "a", "", "", 1, false), 1, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "", "");

        Assert.Null(SegmentRecordPayload.Decode(SegmentRecordPayload.Encode(record)).LastUsed);
    }

    [Fact]
    public void Bytes_of_another_format_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => SegmentRecordPayload.Decode([9, 0, 0]));
    }
}
