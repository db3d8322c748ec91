namespace TM.Server.Security;

/// <summary>No key has that name (NOT_FOUND).</summary>
public sealed class UnknownKeyException(string name)
    : Exception($"There is no key named '{name}'; ListKeys (tm keys list) shows the keys this server has.");
