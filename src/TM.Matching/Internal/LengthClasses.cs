using System.Numerics;

namespace TM.Matching.Internal;

/// <summary>
/// Groups segment lengths (unit counts) into classes: every length below 32 is its own class, longer ones
/// share a class with lengths within an eighth of them (32–35, 36–39, …, 60–63, 64–71, …).
/// </summary>
/// <remarks>
/// The store fills each page of 256 slots with segments of one class, so a search can skip whole pages by
/// length and give every page one count threshold: the overlap a segment needs grows with its length, and
/// within a class it differs by at most an eighth of the length (a few units), which the exact per-slot test
/// after the page test catches. 240 classes cover every int length.
/// </remarks>
internal static class LengthClasses
{
    /// <summary>The number of classes.</summary>
    public const int Count = 240;

    private const int ExactBelow = 32;

    public static int Of(int length)
    {
        if (length < ExactBelow)
        {
            return length;
        }

        int exponent = BitOperations.Log2((uint)length);
        return ExactBelow + ((exponent - 5) * 8) + ((length >> (exponent - 3)) & 7);
    }

    /// <summary>The shortest length in class <paramref name="lengthClass"/>.</summary>
    public static int Low(int lengthClass)
    {
        if (lengthClass < ExactBelow)
        {
            return lengthClass;
        }

        int step = lengthClass - ExactBelow;
        return (8 + (step & 7)) << ((step >> 3) + 2);
    }

    /// <summary>The longest length in class <paramref name="lengthClass"/>.</summary>
    public static int High(int lengthClass) => lengthClass == Count - 1 ? int.MaxValue : Low(lengthClass + 1) - 1;
}
