namespace TM.Storage;

/// <summary>What a memory's field holds, which decides how its values are checked and written down.</summary>
public enum FieldType
{
    /// <summary>Any single line of text (a journal's name, an article's title).</summary>
    Text,

    /// <summary>One of the definition's choices (a domain, a client, reviewed yes/no).</summary>
    Picklist,

    /// <summary>A date or a time, kept as ISO 8601 in UTC.</summary>
    Date,

    /// <summary>A number, kept in its shortest invariant form.</summary>
    Number,
}
