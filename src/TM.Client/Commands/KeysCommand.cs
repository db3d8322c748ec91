using System.CommandLine;

namespace TM.Client.Commands;

/// <summary><c>tm keys create|list|revoke</c>: the server's API keys (tm.v1.Administration; needs an admin key).</summary>
internal sealed class KeysCommand : Command
{
    public KeysCommand(CliContext context, CommonOptions common)
        : base("keys", "Create, list and revoke the server's API keys (needs an admin key)")
    {
        Add(new KeysCreateCommand(context, common));
        Add(new KeysListCommand(context, common));
        Add(new KeysRevokeCommand(context, common));
    }

    /// <summary>Why <c>--memory</c> does not apply to the key commands.</summary>
    internal const string WithoutMemory = "keys belong to the server; give a key's memories with --memories.";
}
