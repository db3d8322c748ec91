namespace TM.Grpc;

/// <summary>Factory methods for <see cref="Marshaller{T}"/>.</summary>
public static class Marshallers
{
    /// <summary>Creates a marshaller from a serializer and a deserializer.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="serializer">Turns a message into its wire bytes.</param>
    /// <param name="deserializer">Parses wire bytes; throws when they are not a valid message.</param>
    /// <returns>The marshaller.</returns>
    public static Marshaller<T> Create<T>(Func<T, byte[]> serializer, Func<byte[], T> deserializer) => new(serializer, deserializer);
}
