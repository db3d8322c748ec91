namespace TM.Grpc;

/// <summary>
/// Names the static method that binds a service's methods, in the shape
/// <c>static void BindService(ServiceBinderBase binder, TServiceBase? serviceImpl)</c>.
/// Generated service base classes carry it; <c>MapGrpcService</c> looks for it on the service type and its base classes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindServiceMethodAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="bindType">The type that declares the bind method.</param>
    /// <param name="bindMethodName">The name of the static bind method, usually <c>BindService</c>.</param>
    public BindServiceMethodAttribute(Type bindType, string bindMethodName)
    {
        ArgumentNullException.ThrowIfNull(bindType);
        ArgumentException.ThrowIfNullOrEmpty(bindMethodName);
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    /// <summary>The type that declares the bind method.</summary>
    public Type BindType { get; }

    /// <summary>The name of the static bind method.</summary>
    public string BindMethodName { get; }
}
