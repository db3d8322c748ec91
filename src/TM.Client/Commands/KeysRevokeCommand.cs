using System.CommandLine;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm keys revoke NAME</c>: calls made with the key are refused from now on.</summary>
internal sealed class KeysRevokeCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _name = new("name") { Description = "The key to revoke" };

    public KeysRevokeCommand(CliContext context, CommonOptions common)
        : base("revoke", "Revoke an API key: calls made with it are refused from now on", context, common, DefaultTimeout, KeysCommand.WithoutMemory)
    {
        Add(_name);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var response = await connection.Administration.RevokeKeyAsync(new RevokeKeyRequest { Name = parseResult.GetValue(_name) ?? "" },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => KeysListCommand.WriteKey(json, response.Key));
            return ExitCodes.Success;
        }

        Context.WriteLine($"Key '{Markup.Escape(response.Key.Name)}' is revoked (since {Markup.Escape(response.Key.Revoked)}).");
        return ExitCodes.Success;
    }
}
