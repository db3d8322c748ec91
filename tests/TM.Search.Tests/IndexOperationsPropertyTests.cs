using FsCheck;
using FsCheck.Fluent;
using TM.Search;

namespace TM.Search.Tests;

/// <summary>
/// Random sequences of upserts (new ids, replacements out of order, ids repeated in a batch, pairs moving between
/// memories), deletes and refreshes, then every page of random terms: the hits, their order and the total must equal
/// a model of the memory. This reaches every way a segment can look to a search: ascending ids or not, with
/// deletions or not, of one memory or mixed.
/// </summary>
public class IndexOperationsPropertyTests
{
    private static readonly string[] Korean = ["가", "나", "다", "가나", " "];
    private static readonly string[] English = ["war", "truce", "talks", "War"];

    private abstract record Operation;

    private sealed record UpsertBatch(IndexedSegment[] Segments) : Operation;

    private sealed record DeleteBatch(long[] Ids) : Operation;

    private sealed record RefreshIndex : Operation;

    [Fact]
    public void Pages_and_totals_equal_a_model_after_any_sequence_of_writes()
    {
        Gen<string> korean = Gen.Choose(0, 8).SelectMany(n => Gen.Elements(Korean).ArrayOf(n).Select(string.Concat));
        Gen<string> english = Gen.Choose(0, 5).SelectMany(n => Gen.Elements(English).ArrayOf(n).Select(words => string.Join(' ', words)));
        Gen<IndexedSegment> segment =
            from id in Gen.Choose(1, 80)
            from memory in Gen.Frequency((4, Gen.Constant(1L)), (1, Gen.Constant(2L)))
            from ko in korean
            from en in english
            select TestIndex.Segment(id, ko, en, memory);
        Gen<Operation> operation = Gen.Frequency(
            (5, Gen.Choose(1, 30).SelectMany(n => segment.ArrayOf(n)).Select(s => (Operation)new UpsertBatch(s))),
            (1, Gen.Choose(1, 10).SelectMany(n => Gen.Choose(1, 80).ArrayOf(n)).Select(ids => (Operation)new DeleteBatch(ids.Select(i => (long)i).ToArray()))),
            (2, Gen.Constant((Operation)new RefreshIndex())));
        Gen<(Operation[] Operations, int PageSize)> cases =
            from operations in Gen.Choose(1, 25).SelectMany(n => operation.ArrayOf(n))
            from pageSize in Gen.Choose(1, 9)
            select (operations, pageSize);

        using var index = new TestIndex();
        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                index.Index.DeleteAll();
                var model = new Dictionary<long, IndexedSegment>();
                foreach (Operation op in c.Operations)
                {
                    switch (op)
                    {
                        case UpsertBatch upsert:
                            index.Index.Upsert(upsert.Segments);
                            foreach (IndexedSegment s in upsert.Segments)
                            {
                                model[s.Id] = s;
                            }

                            break;
                        case DeleteBatch delete:
                            index.Index.Delete(delete.Ids);
                            foreach (long id in delete.Ids)
                            {
                                model.Remove(id);
                            }

                            break;
                        default:
                            index.Index.Refresh();
                            break;
                    }
                }

                index.Index.Refresh();
                if (index.Index.Count() != model.Count || index.Index.Count(1) != model.Values.Count(s => s.MemoryId == 1))
                {
                    return false;
                }

                foreach (string term in new[] { "가", "나", "가나", "가가", "나 가", "다다다" })
                {
                    if (!SamePages(index, new ConcordanceQuery(1, term, ConcordanceSides.Korean) { MaxHits = c.PageSize },
                        model.Values.Where(s => s.MemoryId == 1 && s.Korean.Contains(term, StringComparison.Ordinal))))
                    {
                        return false;
                    }
                }

                foreach (string term in new[] { "war", "truce talks" })
                {
                    if (!SamePages(index, new ConcordanceQuery(1, term, ConcordanceSides.English) { MaxHits = c.PageSize },
                        model.Values.Where(s => s.MemoryId == 1 && $" {s.English.ToLowerInvariant()} ".Contains($" {term} ", StringComparison.Ordinal))))
                    {
                        return false;
                    }
                }

                return true;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(80));
    }

    private static bool SamePages(TestIndex index, ConcordanceQuery query, IEnumerable<IndexedSegment> expected)
    {
        long[] ids = expected.Select(s => s.Id).Order().ToArray();
        List<long> pages = index.AllPages(query, out int total);
        return total == ids.Length && pages.SequenceEqual(ids);
    }
}
