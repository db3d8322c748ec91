namespace TM.Analysis;

/// <summary>A <see cref="TokenStream"/> that reads its tokens from another one and changes, splits or drops them.</summary>
public abstract class TokenFilter : TokenStream
{
    /// <summary>Creates a filter over <paramref name="input"/>, sharing its <see cref="Token"/>.</summary>
    /// <param name="input">The stream to read from.</param>
    protected TokenFilter(TokenStream input)
        : base((input ?? throw new ArgumentNullException(nameof(input))).Token)
    {
        Input = input;
    }

    /// <summary>The stream this filter reads from.</summary>
    protected TokenStream Input { get; }

    /// <inheritdoc />
    public override void Reset() => Input.Reset();

    /// <inheritdoc />
    public override void End() => Input.End();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Input.Dispose();
        }
    }
}
