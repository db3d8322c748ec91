using Grpc.Core;

namespace TM.Server.Hosting.Telemetry;

/// <summary>The names gRPC gives its status codes (<c>INVALID_ARGUMENT</c>), as constant strings for metric tags.</summary>
internal static class GrpcStatusNames
{
    private static readonly string[] Names =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    /// <summary>The code's name; "UNKNOWN" for a number gRPC does not define.</summary>
    public static string Of(StatusCode code) => (uint)code < (uint)Names.Length ? Names[(int)code] : "UNKNOWN";
}
