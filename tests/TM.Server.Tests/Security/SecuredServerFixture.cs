using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Security;

/// <summary>
/// The real server with API keys: an admin key given at start (<c>--admin-key-file</c>), and keys it then creates for the
/// tests: a reader of the default memory and "history", a writer of every memory, and a writer of "history" only; and
/// one entry in the default memory's termbase.
/// Also opens the HTTP/1.1 port for the JSON routes.
/// </summary>
public sealed class SecuredServerFixture : ServerFixture
{
    public const string AdminSecret = "tm_test-admin-secret-0123456789abcdef";

    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"tm-admin-{Guid.NewGuid():N}.key");

    public string Reader { get; private set; } = "";

    public string Writer { get; private set; } = "";

    public string HistoryWriter { get; private set; } = "";

    /// <summary>An entry of the default memory's termbase, for the calls that read, update or delete one.</summary>
    public TermEntry Term { get; private set; } = null!;

    protected override IEnumerable<string> ExtraArguments => ["--admin-key-file", _keyFile, "--http-port", "0"];

    public static Metadata With(string secret) => new() { { "authorization", "Bearer " + secret } };

    public override async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_keyFile, AdminSecret + "\n");
        await base.InitializeAsync();
        var admin = new Administration.AdministrationClient(Channel);
        Reader = await CreateAsync(admin, "reader", KeyRole.Read, "default", "history");
        Writer = await CreateAsync(admin, "writer", KeyRole.Write);
        HistoryWriter = await CreateAsync(admin, "history-writer", KeyRole.Write, "history");
        Term = await new TranslationMemory.TranslationMemoryClient(Channel).AddTermAsync(
            new AddTermRequest { Entry = new TermEntry { Ko = "정전협정", En = "Armistice Agreement" } }, With(AdminSecret));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_keyFile);
    }

    private static async Task<string> CreateAsync(Administration.AdministrationClient admin, string name, KeyRole role, params string[] memories)
    {
        var request = new CreateKeyRequest { Name = name, Role = role };
        request.Memories.AddRange(memories);
        return (await admin.CreateKeyAsync(request, With(AdminSecret))).Secret;
    }
}
