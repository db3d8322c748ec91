namespace TM.Server.Web;

/// <summary>Which of the two compared texts holds a <see cref="DiffPart"/>.</summary>
public enum DiffKind
{
    /// <summary>Both.</summary>
    Same,

    /// <summary>Only the second (the match's source): words the query lacks.</summary>
    Inserted,

    /// <summary>Only the first (the query): words the match lacks.</summary>
    Deleted,
}
