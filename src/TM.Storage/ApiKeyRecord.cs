namespace TM.Storage;

/// <summary>An API key as the store keeps it: everything but the secret, of which only a hash is stored.</summary>
/// <param name="Name">Unique; what logs and records show.</param>
/// <param name="Role">"read", "write" or "admin", as the server wrote it.</param>
/// <param name="Memories">The memories the key may use; empty means all of them.</param>
/// <param name="Created">When the key was created, in UTC.</param>
/// <param name="CreatedBy">The name of the key that created it; empty for a key made at the server's start.</param>
/// <param name="Revoked">When it was revoked, in UTC; null while it is valid.</param>
public sealed record ApiKeyRecord(string Name, string Role, IReadOnlyList<string> Memories, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Revoked);
