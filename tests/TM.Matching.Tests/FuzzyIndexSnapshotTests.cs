using FsCheck;
using FsCheck.Fluent;
using TM.Matching;

namespace TM.Matching.Tests;

/// <summary>An index written with WriteSnapshot and read back answers as the one that wrote it; a bad file is refused, never half-used.</summary>
public class FuzzyIndexSnapshotTests
{
    private static readonly string[] Sentences =
    [
        "1953년 7월 27일, 판문점에서 정전협정이 조인되었다.",
        "포로 송환 문제는 협상을 18개월 동안 교착시켰다.",
        "The Armistice Agreement was signed at Panmunjom on July 27, 1953.",
        "The prisoner-of-war question deadlocked the talks for eighteen months.",
        "리지웨이는 1951년 1월 말 반격을 시작하였다.",
        "Ridgway began his counteroffensive at the end of January 1951.",
    ];

    [Fact]
    public void Loaded_snapshot_answers_every_search_as_the_index_that_wrote_it()
    {
        // A tiny alphabet so units repeat and keys go several levels deep; every storage layout; removals and
        // replacements leave dead slots that the snapshot must not carry over.
        const string Syllables = "가나다라마 ab";
        Gen<string> sentence = Gen.Choose(1, 120).SelectMany(length =>
            Gen.Elements(Syllables.ToCharArray()).ArrayOf(length).Select(chars => new string(chars)));
        Gen<(string[] Memory, int Divisor, int Removals, string[] Queries, int Threshold)> cases =
            from memory in sentence.ArrayOf().Select(a => a.Take(400).ToArray())
            from divisor in Gen.Elements(0, 2, 8, 1 << 30)
            from removals in Gen.Choose(0, 150)
            // A query of spaces only has nothing to match and is refused (ArgumentException), so none is drawn.
            from queries in sentence.ArrayOf().Select(a => a.Where(q => q.Trim().Length > 0).Take(6).ToArray())
            from threshold in Gen.Elements(0, 30, 50, 90)
            select (memory, divisor, removals, queries, threshold);

        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var written = new FuzzyIndex(null, c.Divisor, minDenseSlots: 0);
                for (int i = 0; i < c.Memory.Length; i++)
                {
                    written.Add(i * 3, c.Memory[i]);
                }

                for (int r = 0; r < c.Removals && c.Memory.Length > 0; r++)
                {
                    int id = (r * 7919 % c.Memory.Length) * 3;
                    if (r % 3 == 0)
                    {
                        written.Add(id, c.Memory[(r + 1) % c.Memory.Length] + "다");
                    }
                    else
                    {
                        written.Remove(id);
                    }
                }

                var read = new FuzzyIndex(null, c.Divisor, minDenseSlots: 0);
                read.LoadSnapshot(new MemoryStream(Snapshot(written)));
                var options = new MatchOptions { MinScore = c.Threshold, MaxResults = 10 };
                return read.Count == written.Count
                    && c.Queries.All(q => written.Search(q, options).SequenceEqual(read.Search(q, options)));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void Loaded_index_scores_exact_and_formatting_matches_as_before()
    {
        var written = Filled();
        var read = FuzzyIndex.ReadSnapshot(new MemoryStream(Snapshot(written)));

        foreach (string query in Sentences.Concat(Sentences.Select(s => s.ToUpperInvariant().Replace(",", ""))))
        {
            Assert.Equal(written.Search(query, new MatchOptions()), read.Search(query, new MatchOptions()));
        }

        Assert.Equal(100, read.Search(Sentences[0], new MatchOptions()).First().Score);
    }

    [Fact]
    public void Loaded_index_takes_new_segments_new_words_and_replacements()
    {
        var read = FuzzyIndex.ReadSnapshot(new MemoryStream(Snapshot(Filled())));

        read.Add(100, "Kaesong was the first site of the armistice talks.");
        read.Add(0, "개성은 정전회담의 첫 장소였다.");

        Assert.Equal(100, read.Search("Kaesong was the first site of the armistice talks.", new MatchOptions()).Single().Score);
        Assert.Equal(0, read.Search("개성은 정전회담의 첫 장소였다.", new MatchOptions()).Single().Id);
        Assert.Empty(read.Search(Sentences[0], new MatchOptions { MinScore = 90 }));
        Assert.Equal(Sentences.Length + 1, read.Count);
    }

    [Fact]
    public void Snapshot_of_an_empty_index_loads_empty()
    {
        var read = FuzzyIndex.ReadSnapshot(new MemoryStream(Snapshot(new FuzzyIndex())));
        Assert.Equal(0, read.Count);
        Assert.Empty(read.Search("정전협정", new MatchOptions { MinScore = 0 }));
    }

    [Fact]
    public void Damaged_snapshot_is_refused_wherever_the_damage_is()
    {
        byte[] snapshot = Snapshot(Filled());
        for (int position = 0; position < snapshot.Length; position += Math.Max(1, snapshot.Length / 400))
        {
            byte[] damaged = (byte[])snapshot.Clone();
            damaged[position] ^= 0x10;
            var error = Assert.Throws<InvalidDataException>(() => FuzzyIndex.ReadSnapshot(new MemoryStream(damaged)));
            Assert.StartsWith("The index snapshot cannot be used: ", error.Message);
        }
    }

    [Fact]
    public void Cut_short_snapshot_is_refused_wherever_it_ends()
    {
        byte[] snapshot = Snapshot(Filled());
        for (int length = 0; length < snapshot.Length; length += Math.Max(1, snapshot.Length / 300))
        {
            var error = Assert.Throws<InvalidDataException>(() => FuzzyIndex.ReadSnapshot(new MemoryStream(snapshot, 0, length)));
            Assert.StartsWith("The index snapshot cannot be used: ", error.Message);
        }
    }

    [Fact]
    public void Snapshot_of_another_format_version_is_refused_saying_so()
    {
        byte[] snapshot = Snapshot(Filled());
        BitConverter.GetBytes(FuzzyIndex.SnapshotFormatVersion + 1).CopyTo(snapshot, 4);

        var error = Assert.Throws<InvalidDataException>(() => FuzzyIndex.ReadSnapshot(new MemoryStream(snapshot)));
        Assert.Contains($"this build reads format {FuzzyIndex.SnapshotFormatVersion}", error.Message);
    }

    [Fact]
    public void Snapshot_is_read_from_a_stream_that_cannot_seek()
    {
        byte[] snapshot = Snapshot(Filled());
        var read = FuzzyIndex.ReadSnapshot(new ForwardOnlyStream(snapshot));
        Assert.Equal(Sentences.Length, read.Count);
    }

    private static FuzzyIndex Filled()
    {
        var index = new FuzzyIndex();
        for (int i = 0; i < Sentences.Length; i++)
        {
            index.Add(i, Sentences[i]);
        }

        return index;
    }

    private static byte[] Snapshot(FuzzyIndex index)
    {
        using var stream = new MemoryStream();
        index.WriteSnapshot(stream);
        return stream.ToArray();
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
