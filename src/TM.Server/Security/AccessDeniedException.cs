namespace TM.Server.Security;

/// <summary>The caller's key lacks the role a call needs, or may not use the memory it names (PERMISSION_DENIED).</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
