using System.Text;
using TM.Search;

namespace TM.Search.Tests;

/// <summary>Bytes a caller keeps with a document (<see cref="IndexedSegment.Payload"/>) and reads back by id.</summary>
public sealed class PayloadTests : IDisposable
{
    private readonly TestIndex _index = new();

    [Fact]
    public void Payloads_come_back_for_the_ids_asked_as_they_were_given()
    {
        _index.Add(
            WithPayload(TestIndex.Segment(1, "휴전협정", "armistice"), "first"),
            WithPayload(TestIndex.Segment(2, "휴전회담", "truce talks"), "두 번째"),
            WithPayload(TestIndex.Segment(3, "포로 교환", "prisoner exchange"), "third"));

        var payloads = _index.Index.GetPayloads([3, 1, 99]).Select(Encoding.UTF8.GetString).Order().ToList();

        Assert.Equal(["first", "third"], payloads);
    }

    [Fact]
    public void A_replaced_document_gives_its_new_payload_and_a_deleted_one_none()
    {
        _index.Add(WithPayload(TestIndex.Segment(1, "휴전협정"), "old"), WithPayload(TestIndex.Segment(2, "휴전회담"), "gone"));
        _index.Add(WithPayload(TestIndex.Segment(1, "정전협정"), "new"));
        _index.Index.Delete([2]);
        _index.Index.Refresh();

        Assert.Equal(["new"], _index.Index.GetPayloads([1, 2]).Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public void Documents_without_a_payload_give_none_and_survive_a_reopen_of_those_with_one()
    {
        _index.Add(TestIndex.Segment(1, "휴전협정"), WithPayload(TestIndex.Segment(2, "휴전회담"), "kept"));
        _index.Index.Commit(new Dictionary<string, string>());
        _index.Reopen();

        Assert.Equal(["kept"], _index.Index.GetPayloads([1, 2]).Select(Encoding.UTF8.GetString));
        // The payload is stored, not indexed: searches are as before.
        Assert.Equal([1, 2], _index.Ids("휴전"));
    }

    public void Dispose() => _index.Dispose();

    private static IndexedSegment WithPayload(IndexedSegment segment, string payload) =>
        segment with { Payload = Encoding.UTF8.GetBytes(payload) };
}
