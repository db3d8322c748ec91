using System.Globalization;

namespace TM.Grpc.Internal;

/// <summary>
/// The <c>grpc-timeout</c> header: at most 8 ASCII digits followed by a unit,
/// <c>H</c> hours, <c>M</c> minutes, <c>S</c> seconds, <c>m</c> milliseconds, <c>u</c> microseconds, <c>n</c> nanoseconds.
/// </summary>
internal static class GrpcTimeoutHeader
{
    private const int MaxDigits = 8;
    private const long MaxValue = 99_999_999;

    public static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        if (value.Length < 2 || value.Length > MaxDigits + 1)
        {
            return false;
        }

        long amount = 0;
        foreach (var c in value[..^1])
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        // 99,999,999 hours is 3.6e18 ticks, inside long.MaxValue (9.2e18): no overflow in any unit.
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => (amount + 99) / 100, // a tick is 100 ns; round up so a tiny timeout is not zero
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>
    /// Formats a positive timeout in the finest unit that fits in 8 digits, rounding up so that the server
    /// never gives up before the client does.
    /// </summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 1);
        if (TryFormat(ticks, TimeSpan.TicksPerMillisecond, 'm', out var result)
            || TryFormat(ticks, TimeSpan.TicksPerSecond, 'S', out result)
            || TryFormat(ticks, TimeSpan.TicksPerMinute, 'M', out result)
            || TryFormat(ticks, TimeSpan.TicksPerHour, 'H', out result))
        {
            return result;
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static bool TryFormat(long ticks, long ticksPerUnit, char unit, out string result)
    {
        var amount = (ticks / ticksPerUnit) + (ticks % ticksPerUnit == 0 ? 0 : 1);
        result = amount <= MaxValue ? amount.ToString(CultureInfo.InvariantCulture) + unit : string.Empty;
        return amount <= MaxValue;
    }
}
