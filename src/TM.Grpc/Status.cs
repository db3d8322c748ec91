namespace TM.Grpc;

/// <summary>
/// The outcome of a gRPC call: a <see cref="Grpc.StatusCode"/> and a human-readable detail message.
/// </summary>
public readonly struct Status : IEquatable<Status>
{
    /// <summary>The status of a successful call: <see cref="StatusCode.OK"/> with an empty detail.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    private readonly string? _detail;

    /// <summary>Creates a status.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="detail">The detail message; <see langword="null"/> is stored as an empty string.</param>
    public Status(StatusCode statusCode, string detail)
    {
        StatusCode = statusCode;
        _detail = detail;
    }

    /// <summary>The status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The detail message, never <see langword="null"/> (empty for a default-constructed status).</summary>
    public string Detail => _detail ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(Status other) => StatusCode == other.StatusCode && string.Equals(Detail, other.Detail, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Status other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);

    /// <summary>Formats the status the way grpc-dotnet does, for logs and exception messages.</summary>
    /// <returns>For example <c>Status(StatusCode="NotFound", Detail="No such entry.")</c>.</returns>
    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";

    /// <summary>Compares two statuses by code and detail.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when both code and detail are equal.</returns>
    public static bool operator ==(Status left, Status right) => left.Equals(right);

    /// <summary>Compares two statuses by code and detail.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when code or detail differ.</returns>
    public static bool operator !=(Status left, Status right) => !left.Equals(right);
}
