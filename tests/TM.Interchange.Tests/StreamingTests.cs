using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class StreamingTests
{
    private const int UnitCount = 200_000;

    // If units were retained, 200,000 of them (two ~100-character texts and two tags a side) would hold well over 150 MB.
    private const long MaxRetainedBytes = 50L * 1024 * 1024;

    [Fact]
    public void Two_hundred_thousand_units_are_read_in_bounded_memory()
    {
        using var reader = new TmxReader(TestData.GeneratedTmx(UnitCount), "generated.tmx");
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        int count = 0;
        TranslationUnit? last = null;

        foreach (TranslationUnit unit in reader.ReadUnits())
        {
            last = unit;
            if (++count % 25_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.Equal(UnitCount, count);
        Assert.Equal(UnitCount, reader.Statistics.UnitsRead);
        Assert.Equal("199999", last!.Tuid);
        Assert.Equal(2, last.EnglishTags.Count);
        Assert.True(peak < MaxRetainedBytes, $"memory grew by {peak:N0} bytes while reading");
    }

    [Fact]
    public void Two_hundred_thousand_units_are_written_in_bounded_memory()
    {
        var output = new CountingStream();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;

        using (var writer = new TmxWriter(output))
        {
            var tags = new[] { new InlineTag(InlineTagKind.Bpt, [new TmxAttribute("i", "1")], "<b>"), new InlineTag(InlineTagKind.Ept, [new TmxAttribute("i", "1")], "</b>") };
            for (int i = 0; i < UnitCount; i++)
            {
                writer.WriteUnit(new TranslationUnit($"{i}번째 \uE000문장\uE001", tags, $"Sentence \uE000{i}\uE001", tags) { Tuid = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                if (i % 25_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }
            }

            writer.Complete();
        }

        Assert.True(output.BytesWritten > 40_000_000, $"wrote {output.BytesWritten:N0} bytes");
        Assert.True(peak < MaxRetainedBytes, $"memory grew by {peak:N0} bytes while writing");
    }

    private sealed class CountingStream : Stream
    {
        public long BytesWritten { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => BytesWritten;

        public override long Position
        {
            get => BytesWritten;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => BytesWritten += count;
    }
}
