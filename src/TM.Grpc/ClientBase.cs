namespace TM.Grpc;

/// <summary>The base class of generated clients: holds the <see cref="Grpc.CallInvoker"/> that their methods call.</summary>
/// <typeparam name="T">The concrete client type.</typeparam>
public abstract class ClientBase<T>
    where T : ClientBase<T>
{
    /// <summary>Creates a client that calls through a channel.</summary>
    /// <param name="channel">The channel.</param>
    protected ClientBase(GrpcChannel channel)
        : this(CreateCallInvoker(channel))
    {
    }

    /// <summary>Creates a client that calls through an invoker.</summary>
    /// <param name="callInvoker">The invoker.</param>
    protected ClientBase(CallInvoker callInvoker)
    {
        ArgumentNullException.ThrowIfNull(callInvoker);
        CallInvoker = callInvoker;
    }

    /// <summary>The invoker that the generated methods start their calls with.</summary>
    protected CallInvoker CallInvoker { get; }

    private static CallInvoker CreateCallInvoker(GrpcChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker();
    }
}
