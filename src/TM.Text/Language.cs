namespace TM.Text;

/// <summary>The two languages of a parallel document.</summary>
public enum Language
{
    /// <summary>Korean: lines and sentences written mainly in Hangul.</summary>
    Korean,

    /// <summary>English: lines and sentences written mainly in Latin letters.</summary>
    English,
}
