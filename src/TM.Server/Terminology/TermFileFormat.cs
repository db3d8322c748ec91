namespace TM.Server.Terminology;

/// <summary>The termbase files ImportTerms reads.</summary>
public enum TermFileFormat
{
    /// <summary>TBX: TBX-Basic v3 (ISO 30042:2019), or TBX 2 (<c>martif</c>) as MultiTerm and memoQ export it.</summary>
    Tbx,

    /// <summary>CSV with a header row naming the columns, or two columns of Korean and English terms.</summary>
    Csv,
}
