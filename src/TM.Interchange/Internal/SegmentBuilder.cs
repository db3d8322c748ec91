using System.Text;

namespace TM.Interchange.Internal;

/// <summary>
/// Accumulates segment text and its tags, one placeholder per tag; a private-use character arriving as text is
/// turned into a <see cref="InlineTagKind.PrivateUse"/> tag so the text never holds an ambiguous placeholder.
/// </summary>
internal sealed class SegmentBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<InlineTag> _tags = [];

    public int Length => _text.Length;

    /// <summary>Appends text; false when a private-use character would exceed <see cref="InlinePlaceholder.MaxCount"/> tags.</summary>
    public bool TryAppend(ReadOnlySpan<char> text)
    {
        int next;
        while ((next = text.IndexOfAnyInRange(InlinePlaceholder.First, InlinePlaceholder.Last)) >= 0)
        {
            _text.Append(text[..next]);
            if (!TryAddTag(InlineTag.ForPrivateUse(text[next])))
            {
                return false;
            }

            text = text[(next + 1)..];
        }

        _text.Append(text);
        return true;
    }

    /// <summary>Places a tag at the end of the text; false when the segment already holds <see cref="InlinePlaceholder.MaxCount"/> tags.</summary>
    public bool TryAddTag(InlineTag tag)
    {
        if (_tags.Count == InlinePlaceholder.MaxCount)
        {
            return false;
        }

        _text.Append((char)(InlinePlaceholder.First + _tags.Count));
        _tags.Add(tag);
        return true;
    }

    public (string Text, InlineTag[] Tags) Build() => (_text.ToString(), _tags.Count == 0 ? [] : _tags.ToArray());

    public void Clear()
    {
        _text.Clear();
        _tags.Clear();
    }

    /// <summary>Whether the text holds nothing but white space and placeholders: no words to translate or match.</summary>
    public static bool IsBlank(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && !InlinePlaceholder.IsPlaceholder(c))
            {
                return false;
            }
        }

        return true;
    }

    public static (string Text, IReadOnlyList<InlineTag> Tags) FromPlainText(string text, string paramName)
    {
        if (!text.AsSpan().ContainsAnyInRange(InlinePlaceholder.First, InlinePlaceholder.Last))
        {
            return (text, []);
        }

        var builder = new SegmentBuilder();
        if (!builder.TryAppend(text))
        {
            throw new ArgumentException($"The text holds more than {InlinePlaceholder.MaxCount} private-use characters.", paramName);
        }

        return builder.Build();
    }
}
