namespace TM.Server.Memory;

/// <summary>A call names a memory this server does not hold. The message names the memories it does.</summary>
public sealed class UnknownMemoryException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/>, listing <paramref name="known"/>.</summary>
    public UnknownMemoryException(string name, IEnumerable<string> known)
        : base($"Memory '{name}' does not exist. Memories on this server: {string.Join(", ", known)}. Import into a memory to create it.")
    {
        MemoryName = name;
    }

    /// <summary>The name that was asked for.</summary>
    public string MemoryName { get; }
}
