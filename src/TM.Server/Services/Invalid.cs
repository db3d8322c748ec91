using System.Globalization;
using Grpc.Core;

namespace TM.Server.Services;

/// <summary>Builds the RpcExceptions for bad requests, with messages a person can act on.</summary>
internal static class Invalid
{
    public static RpcException Argument(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static void CheckMemoryName(string memory)
    {
        if (memory.Length > RequestLimits.MaxMemoryNameLength)
            throw Argument($"The memory name is {Count(memory.Length)} characters long; the limit is {RequestLimits.MaxMemoryNameLength}.");
        foreach (var c in memory)
        {
            if (char.IsControl(c))
                throw Argument("The memory name contains a control character; use letters, digits, '-', '_' or '.'.");
        }
    }

    public static void CheckSentence(string text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw Argument($"The {what} is empty.");
        if (text.Length > RequestLimits.MaxSentenceLength)
            throw Argument($"The {what} is {Count(text.Length)} characters long; the limit is {Count(RequestLimits.MaxSentenceLength)} (one sentence).");
    }
}
