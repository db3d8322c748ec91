using System.Buffers;
using System.Globalization;
using TM.Analysis.Internal;

namespace TM.Analysis;

/// <summary>
/// Removes the differences a translator does not care about, so that two texts that differ only in them
/// compare equal: compatibility forms, quote and dash styles, invisible characters and whitespace runs.
/// </summary>
/// <remarks>
/// <para>In order, for each character:</para>
/// <list type="bullet">
/// <item><description>full-width ASCII (＂１７０＂) and the half-width/full-width signs (￦) become their ordinary forms;
/// the ligatures ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ and the ellipses … ‥ ⋯ are spelled out;</description></item>
/// <item><description>quotes ‘ ’ ‚ ‛ ‹ › ` ´ become ', and “ ” „ ‟ « » 「 」 『 』 〝 〞 〟 become ";
/// dashes and minus signs (‐ ‑ ‒ – — ― −) become -; 〜 ∼ become ~; middle dots ・ ‧ ∙ become ·;</description></item>
/// <item><description>control and format characters (BOM, zero-width space, soft hyphen, direction marks) are removed;</description></item>
/// <item><description>every run of whitespace becomes one space, and leading and trailing whitespace goes;</description></item>
/// <item><description>conjoining Hangul jamo compose into syllables and a Latin letter with a combining mark into the
/// precomposed letter (the parts of NFC that occur in this project's texts).</description></item>
/// </list>
/// <para>
/// Case is kept: "Seoul" and "seoul" normalize differently, and the matcher scores that as a formatting
/// difference. This is a deliberate, explicit subset of NFKC: the runtime's <c>string.Normalize</c> does
/// nothing to non-ASCII text under InvariantGlobalization, which the build sets; and full NFKC would also
/// fold ², ① and ㎏, which keep their form in a translation. Normalizing is idempotent.
/// </para>
/// </remarks>
public static class TextNormalizer
{
    /// <summary>
    /// The most characters one input character can become (… → ...): a destination of
    /// <c>MaxExpansion × text.Length</c> is always large enough.
    /// </summary>
    public const int MaxExpansion = 3;

    private const int StackLimit = 512;

    /// <summary>Normalizes <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalized text; <paramref name="text"/> itself (no allocation) when it is already normalized.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int capacity = text.Length * MaxExpansion;
        char[]? rented = null;
        Span<char> buffer = capacity <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            int written = Normalize(text, buffer);
            ReadOnlySpan<char> result = buffer[..written];
            return result.SequenceEqual(text) ? text : result.ToString();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Normalizes <paramref name="text"/> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">Where to write; at least <see cref="MaxExpansion"/> × <paramref name="text"/>.Length characters.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length * MaxExpansion)
        {
            throw new ArgumentException(
                $"The destination must hold {MaxExpansion} × the text length ({text.Length * MaxExpansion} characters); it holds {destination.Length}.",
                nameof(destination));
        }

        int w = 0;
        bool pendingSpace = false;
        foreach (char original in text)
        {
            // Printable ASCII but the backtick, and Hangul syllables: nearly every character of this project's texts,
            // and none of the steps below changes them (no width form, expansion, punctuation variant or composition).
            if (((uint)(original - '!') <= '~' - '!' && original != '`') || (uint)(original - '\uAC00') <= '\uD7A3' - '\uAC00')
            {
                if (pendingSpace)
                {
                    destination[w++] = ' ';
                    pendingSpace = false;
                }

                destination[w++] = original;
                continue;
            }

            char c = FoldWidth(original);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = w > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                // Removed without ending a whitespace run or separating letters that compose.
                continue;
            }

            if (pendingSpace)
            {
                destination[w++] = ' ';
                pendingSpace = false;
            }

            string? expansion = Expand(c);
            if (expansion is not null)
            {
                expansion.CopyTo(destination[w..]);
                w += expansion.Length;
                continue;
            }

            c = MapPunctuation(c);
            if (w > 0 && TryCompose(destination[w - 1], c, out char composed))
            {
                destination[w - 1] = composed;
            }
            else
            {
                destination[w++] = c;
            }
        }

        return w;
    }

    private static char FoldWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0), // full-width ASCII
        '\uFF61' => '\u3002', // ｡
        '\uFF62' or '\uFF63' => '"', // ｢ ｣
        '\uFF64' => '\u3001', // ､
        '\uFF65' => '\u00B7', // ･
        '\uFFE0' => '\u00A2', // ￠
        '\uFFE1' => '\u00A3', // ￡
        '\uFFE2' => '\u00AC', // ￢
        '\uFFE3' => '\u00AF', // ￣
        '\uFFE4' => '\u00A6', // ￤
        '\uFFE5' => '\u00A5', // ￥
        '\uFFE6' => '\u20A9', // ￦
        _ => c,
    };

    private static bool IsInvisible(char c)
    {
        if (c < 0x7F)
        {
            return c < 0x20;
        }

        if (c is >= '\uAC00' and <= '\uD7A3')
        {
            // Hangul syllables, most of the Korean side: skip the category lookup.
            return false;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    private static string? Expand(char c) => c switch
    {
        '\u2026' or '\u22EF' => "...", // … ⋯
        '\u2025' => "..", // ‥
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        _ => null,
    };

    private static char MapPunctuation(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB'
            or '\u300C' or '\u300D' or '\u300E' or '\u300F' or '\u301D' or '\u301E' or '\u301F'
            or '\uFE41' or '\uFE42' or '\uFE43' or '\uFE44' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' => '-',
        '\u301C' or '\u223C' => '~',
        '\u30FB' or '\u2027' or '\u2219' => '\u00B7',
        _ => c,
    };

    private static bool TryCompose(char previous, char c, out char composed)
    {
        // Hangul: L + V -> LV, LV + T -> LVT (Unicode's algorithmic composition).
        if (c is >= '\u1161' and <= '\u1175' && previous is >= '\u1100' and <= '\u1112')
        {
            composed = (char)(0xAC00 + ((((previous - 0x1100) * 21) + (c - 0x1161)) * 28));
            return true;
        }

        if (c is >= '\u11A8' and <= '\u11C2' && previous is >= '\uAC00' and <= '\uD7A3' && (previous - 0xAC00) % 28 == 0)
        {
            composed = (char)(previous + (c - 0x11A7));
            return true;
        }

        if (CanonicalComposition.IsCombiningMark(c))
        {
            return CanonicalComposition.TryCompose(previous, c, out composed);
        }

        composed = default;
        return false;
    }
}
