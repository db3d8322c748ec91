namespace TM.Interchange;

/// <summary>The XML namespaces of XLIFF 2.0 that <see cref="Xliff2Writer"/> writes and <see cref="Xliff2Reader"/> reads.</summary>
public static class XliffNames
{
    /// <summary>The core: <c>&lt;xliff&gt;</c>, <c>&lt;file&gt;</c>, <c>&lt;group&gt;</c>, <c>&lt;unit&gt;</c>, <c>&lt;segment&gt;</c> and their content.</summary>
    public const string Core = "urn:oasis:names:tc:xliff:document:2.0";

    /// <summary>The Translation Candidates module (prefix <c>mtc</c>).</summary>
    public const string Matches = "urn:oasis:names:tc:xliff:matches:2.0";

    /// <summary>The Metadata module (prefix <c>mda</c>).</summary>
    public const string Metadata = "urn:oasis:names:tc:xliff:metadata:2.0";
}
