namespace TM.Storage.Internal;

/// <summary>Checks an import's options before its transaction starts, the same way in every store.</summary>
internal static class ImportOptionChecks
{
    /// <exception cref="ArgumentNullException">The options, their name or their author is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The update policy or the source side is not one the store knows.</exception>
    public static void Check(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Name, nameof(options) + "." + nameof(options.Name));
        ArgumentNullException.ThrowIfNull(options.CreatedBy, nameof(options) + "." + nameof(options.CreatedBy));
        if (!Enum.IsDefined(options.Policy))
            throw new ArgumentOutOfRangeException(nameof(options), options.Policy, "Unknown update policy.");
        if (!Enum.IsDefined(options.SourceSide))
            throw new ArgumentOutOfRangeException(nameof(options), options.SourceSide, "Unknown source side.");
    }
}
