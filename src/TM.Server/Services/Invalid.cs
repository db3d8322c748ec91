using System.Globalization;
using Grpc.Core;
using TM.Interchange;
using TM.Server.Memory;

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
                throw Argument($"The memory name contains a control character; a memory's name is {MemoryNameRule.Rule}.");
        }
    }

    /// <summary>
    /// Refuses a text field of a pair that is too long or holds a character XML 1.0 cannot carry (it could never be
    /// exported), naming the field, the message and the limit.
    /// </summary>
    public static void CheckStoredText(string text, string field, int messageNumber, int maxLength)
    {
        if (text.Length > maxLength)
            throw Argument($"Message {messageNumber}: the '{field}' field is {Count(text.Length)} characters long; the limit is {Count(maxLength)}. Nothing from this stream was stored.");
        if (XmlText.IndexOfInvalid(text) is var invalid and >= 0)
        {
            throw Argument($"Message {messageNumber}: the '{field}' field holds {XmlText.Describe(text[invalid])} at character {Count(invalid + 1)}, " +
                "which XML (and so a TMX export) cannot carry. Nothing from this stream was stored.");
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
