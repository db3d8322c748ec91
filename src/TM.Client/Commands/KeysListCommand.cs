using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm keys list</c>: the server's keys, without their secrets.</summary>
internal sealed class KeysListCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public KeysListCommand(CliContext context, CommonOptions common)
        : base("list", "List the server's API keys (never their secrets)", context, common, DefaultTimeout, KeysCommand.WithoutMemory)
    {
    }

    /// <summary>The role as the commands spell it.</summary>
    internal static string RoleName(KeyRole role) => role switch
    {
        KeyRole.Read => "read",
        KeyRole.Write => "write",
        KeyRole.Admin => "admin",
        _ => "unknown",
    };

    /// <summary>One key as a JSON object.</summary>
    internal static void WriteKey(Utf8JsonWriter json, ApiKey key)
    {
        json.WriteStartObject();
        json.WriteString("name", key.Name);
        json.WriteString("role", RoleName(key.Role));
        json.WriteStartArray("memories");
        foreach (var memory in key.Memories)
            json.WriteStringValue(memory);
        json.WriteEndArray();
        json.WriteString("created", key.Created);
        json.WriteString("createdBy", key.CreatedBy);
        json.WriteString("revoked", key.Revoked);
        json.WriteEndObject();
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var response = await connection.Administration.ListKeysAsync(new ListKeysRequest(), deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteStartArray("keys");
                foreach (var key in response.Keys)
                    WriteKey(json, key);
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (response.Keys.Count == 0)
        {
            Context.WriteLine("The server has no API keys: it serves loopback clients without one. `tm keys create NAME --role admin` makes the first.");
            return ExitCodes.Success;
        }

        var table = Context.CreateTable();
        foreach (var column in new[] { "Name", "Role", "Memories", "Created", "Created by", "Revoked" })
            table.AddColumn(new TableColumn(column));
        foreach (var key in response.Keys)
        {
            table.AddRow(
                Markup.Escape(key.Name),
                RoleName(key.Role),
                key.Memories.Count == 0 ? "[dim]all[/]" : Markup.Escape(string.Join(", ", key.Memories)),
                Markup.Escape(key.Created),
                Markup.Escape(key.CreatedBy),
                key.Revoked.Length == 0 ? "" : "[red]" + Markup.Escape(key.Revoked) + "[/]");
        }

        Context.WriteTable(table);
        return ExitCodes.Success;
    }
}
