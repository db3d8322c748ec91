namespace TM.Grpc;

/// <summary>Turns messages of type <typeparamref name="T"/> into bytes and back.</summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class Marshaller<T>
{
    /// <summary>Creates a marshaller.</summary>
    /// <param name="serializer">Turns a message into its wire bytes.</param>
    /// <param name="deserializer">Parses wire bytes; throws when they are not a valid message.</param>
    public Marshaller(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(deserializer);
        Serializer = serializer;
        Deserializer = deserializer;
    }

    /// <summary>Turns a message into its wire bytes.</summary>
    public Func<T, byte[]> Serializer { get; }

    /// <summary>Parses wire bytes into a message; throws when they are not a valid message.</summary>
    public Func<byte[], T> Deserializer { get; }
}
