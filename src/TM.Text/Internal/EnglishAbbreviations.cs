using System.Collections.Frozen;

namespace TM.Text.Internal;

/// <summary>
/// Word lists that decide whether a period after a Latin word ends a sentence. Compared case-sensitively:
/// "No." (number) is an abbreviation, "no." at the end of a sentence is not.
/// </summary>
internal static class EnglishAbbreviations
{
    /// <summary>Abbreviations that practically never end a sentence: titles, "vs.", "e.g.", months, "No.", "Fig.".</summary>
    public static readonly FrozenSet<string> NeverFinal = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
        "Rev", "Hon", "Sen", "Rep", "Gov", "Pres", "Amb", "Messrs", "Mme", "Mlle",
        "vs", "cf", "viz", "approx", "ca", "esp", "incl", "resp",
        "No", "Nos", "no", "Vol", "Vols", "vol", "pp", "p", "ch", "Ch", "chap", "sec", "Sec", "Fig", "Figs", "fig",
        "Eq", "Eqs", "Ref", "Refs", "Tab", "Art", "Para", "para", "ed", "eds", "Ed", "Eds", "trans", "repr", "op", "cit",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Dept", "Univ", "Assn", "Assoc", "Inst", "Natl", "Intl",
    ], StringComparer.Ordinal);

    /// <summary>Abbreviations that end a sentence now and then ("… and so on, etc. The next …").</summary>
    public static readonly FrozenSet<string> SometimesFinal = FrozenSet.ToFrozenSet(
    [
        "etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "al", "Esq", "a.m", "p.m", "Ph.D", "M.A", "B.A",
    ], StringComparer.Ordinal);

    /// <summary>Dotted lowercase abbreviations that never end a sentence.</summary>
    public static readonly FrozenSet<string> DottedNeverFinal = FrozenSet.ToFrozenSet(
    [
        "e.g", "i.e", "cf", "viz", "et al",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Words that commonly start an English sentence. After an abbreviation that may end a sentence ("U.S.", "etc.")
    /// a capitalised word from this list means a new sentence; any other capitalised word ("U.S. Army") does not.
    /// </summary>
    public static readonly FrozenSet<string> SentenceStarters = FrozenSet.ToFrozenSet(
    [
        "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "There", "Here", "He", "She", "They", "We",
        "I", "You", "Our", "Their", "His", "Her", "In", "On", "At", "As", "By", "For", "From", "To", "With", "Without",
        "After", "Before", "During", "Since", "While", "When", "Where", "Although", "Though", "Because", "If", "Once",
        "However", "Thus", "Therefore", "Hence", "Moreover", "Furthermore", "Nevertheless", "Nonetheless", "Meanwhile",
        "Instead", "Also", "But", "And", "Yet", "Still", "Finally", "First", "Second", "Third", "Then", "Consequently",
        "Accordingly", "Similarly", "Likewise", "Indeed", "Such", "Some", "Many", "Most", "All", "Both", "Each",
        "Despite", "Unlike", "Based", "According", "Following", "Regarding", "Particularly", "Especially", "Rather",
        "What", "Why", "How", "Which", "Who", "Whether", "No", "Not", "Only", "One", "Two",
    ], StringComparer.Ordinal);

    /// <summary>Korean words that continue a quotation ("…했다.” 라고"), so the quote did not end the sentence.</summary>
    public static readonly string[] KoreanQuotatives =
    [
        "라고", "라는", "라며", "라면서", "이라고", "이라는", "이라며", "하고", "하는", "하며", "하면서", "라 ",
    ];
}
