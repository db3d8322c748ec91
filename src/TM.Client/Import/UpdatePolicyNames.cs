using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>
/// The spellings of <see cref="UpdatePolicy"/>: <c>--policy</c> takes the CAT-tool words with hyphens
/// (<c>keep-existing</c>), import records carry them with underscores (<c>keep_existing</c>).
/// </summary>
internal static class UpdatePolicyNames
{
    /// <summary>Store the new pair beside the old one (the server's default).</summary>
    public const string AddAlternative = "add-alternative";

    /// <summary>Keep the stored translation; the new pair is counted and not stored.</summary>
    public const string KeepExisting = "keep-existing";

    /// <summary>Replace the stored translation with the new one.</summary>
    public const string Overwrite = "overwrite";

    /// <summary>What <c>--policy</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [AddAlternative, KeepExisting, Overwrite];

    /// <summary>
    /// The policy <paramref name="name"/> (<c>--policy</c>) asks for; null or empty means
    /// <see cref="UpdatePolicy.Unspecified"/>, which leaves the choice to the server.
    /// </summary>
    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static UpdatePolicy Parse(string? name) => name switch
    {
        null or "" => UpdatePolicy.Unspecified,
        AddAlternative => UpdatePolicy.AddAlternative,
        KeepExisting => UpdatePolicy.KeepExisting,
        Overwrite => UpdatePolicy.Overwrite,
        _ => throw new ArgumentException($"Unknown update policy '{name}'; expected one of {string.Join(", ", All)}.", nameof(name)),
    };

    /// <summary>The <c>--policy</c> word for <paramref name="policy"/>; null for <see cref="UpdatePolicy.Unspecified"/>.</summary>
    public static string? Name(UpdatePolicy policy) => policy switch
    {
        UpdatePolicy.AddAlternative => AddAlternative,
        UpdatePolicy.KeepExisting => KeepExisting,
        UpdatePolicy.Overwrite => Overwrite,
        _ => null,
    };

    /// <summary>An import record's policy (<c>keep_existing</c>) as <c>--policy</c> spells it; unknown words pass through.</summary>
    public static string FromRecord(string recordName)
    {
        ArgumentNullException.ThrowIfNull(recordName);
        return recordName.Replace('_', '-');
    }
}
