namespace TM.Server.Security;

/// <summary>A key of that name exists already (ALREADY_EXISTS).</summary>
public sealed class KeyConflictException(string message) : Exception(message);
