using System.CommandLine;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm keys create NAME --role read|write|admin [--memories a,b]</c>: makes a key and shows its secret, once.</summary>
internal sealed class KeysCreateCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _name = new("name") { Description = "The key's name: letters, digits, '-', '_' and '.'; shown in logs and records" };

    private readonly Option<string> _role = new("--role")
    {
        Description = "read (lookups, concordance, stats, export), write (also imports) or admin (also keys and backups)",
        HelpName = "role",
        Required = true,
    };

    private readonly Option<string[]> _memories = new("--memories")
    {
        Description = "The memories the key may use, separated by commas [default: all]",
        HelpName = "names",
        AllowMultipleArgumentsPerToken = true,
    };

    public KeysCreateCommand(CliContext context, CommonOptions common)
        : base("create", "Create an API key and show its secret (only this once)", context, common, DefaultTimeout, KeysCommand.WithoutMemory)
    {
        Add(_name);
        Add(_role);
        Add(_memories);
        _role.AcceptOnlyFromAmong("read", "write", "admin");
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var request = new CreateKeyRequest
        {
            Name = parseResult.GetValue(_name) ?? "",
            Role = parseResult.GetValue(_role) switch
            {
                "read" => KeyRole.Read,
                "write" => KeyRole.Write,
                _ => KeyRole.Admin,
            },
        };
        foreach (var memories in parseResult.GetValue(_memories) ?? [])
            request.Memories.AddRange(memories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var response = await connection.Administration.CreateKeyAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);

        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("secret", response.Secret);
                json.WritePropertyName("key");
                KeysListCommand.WriteKey(json, response.Key);
                json.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var scope = response.Key.Memories.Count == 0 ? "every memory" : string.Join(", ", response.Key.Memories);
        Context.WriteLine($"Key '{Markup.Escape(response.Key.Name)}' ({KeysListCommand.RoleName(response.Key.Role)}, {Markup.Escape(scope)}):");
        Context.WriteLine("");
        Context.WriteLine($"    {Markup.Escape(response.Secret)}");
        Context.WriteLine("");
        Context.WriteLine($"This is the only time it is shown. Keep it in a password manager, or in a file only its user can read; tm reads it from ${ServerConnection.KeyVariable} or --key-file.");
        return ExitCodes.Success;
    }
}
