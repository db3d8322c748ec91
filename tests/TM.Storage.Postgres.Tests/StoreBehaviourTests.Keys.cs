using System.Security.Cryptography;
using System.Text;

namespace TM.Storage.Postgres.Tests;

/// <content>API keys: kept by the hash of their secret, listed, revoked, and following a renamed memory.</content>
public abstract partial class StoreBehaviourTests
{
    private static byte[] SecretHash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static ApiKeyRecord Key(string name, params string[] memories) => new(name, "editor", memories, default, "admin", null);

    [Fact]
    public void A_created_key_is_found_by_its_secret_listed_in_order_and_revoked_once()
    {
        var store = Open();
        Assert.False(store.HasKeys());

        var created = store.CreateKey(SecretHash("s1"), Key("alice", "journal", "news"));
        store.CreateKey(SecretHash("s2"), Key("bob"));

        Assert.True(store.HasKeys());
        Assert.InRange(created.Created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        var found = store.FindKey(SecretHash("s1"))!;
        Assert.Equal(created with { Memories = [] }, found with { Memories = [] });
        Assert.Equal(["journal", "news"], found.Memories);
        Assert.Null(store.FindKey(SecretHash("s3")));
        Assert.Equal(["alice", "bob"], store.ListKeys().Select(k => k.Name));
        Assert.Empty(store.ListKeys()[1].Memories);
        var revoked = store.RevokeKey("alice")!;
        Assert.NotNull(revoked.Revoked);
        Assert.Equal(revoked.Revoked, store.RevokeKey("alice")!.Revoked);
        Assert.Equal(revoked.Revoked, store.FindKey(SecretHash("s1"))!.Revoked);
        Assert.Null(store.FindKey(SecretHash("s2"))!.Revoked);
        Assert.Null(store.RevokeKey("carol"));
    }

    [Fact]
    public void A_key_under_a_taken_name_or_secret_is_refused_even_after_revocation()
    {
        var store = Open();
        store.CreateKey(SecretHash("s1"), Key("alice"));
        store.RevokeKey("alice");

        Assert.Throws<InvalidOperationException>(() => store.CreateKey(SecretHash("s2"), Key("alice")));
        Assert.Throws<InvalidOperationException>(() => store.CreateKey(SecretHash("s1"), Key("bob")));
        Assert.Equal(["alice"], store.ListKeys().Select(k => k.Name));
    }

    [Fact]
    public void Renaming_a_memory_renames_it_in_the_keys_scoped_to_it()
    {
        var store = Open();
        var journal = store.GetOrCreateMemory("journal");
        store.CreateKey(SecretHash("s1"), Key("alice", "news", "journal", "journal archive"));

        store.RenameMemory(journal.Id, "gazette");

        Assert.Equal(["news", "gazette", "journal archive"], store.FindKey(SecretHash("s1"))!.Memories);
    }
}
