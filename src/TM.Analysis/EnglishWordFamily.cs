using System.Collections.Frozen;

namespace TM.Analysis;

/// <summary>
/// Reduces an English word to the stem it shares with its inflections and its nominalisations, so that a glossary
/// entry for "testimony" also finds "testified", and one for "negotiation" finds "negotiators": testify, testified,
/// testifies, testimony → testifi; negotiate, negotiating, negotiation, negotiators → negotiat.
/// </summary>
/// <remarks>
/// <para>Inflections follow the published Porter2 ("English") stemmer, steps 1a to 1c and 5, which undo -s, -ed and -ing
/// without merging words that only look alike (plane stays apart from plan, state from stat, hope from hop). Porter2's
/// derivational steps 2 to 4 are left out on purpose: they strip -al, -ive, -ity, -ism, -er and -ly, and with them
/// general/generous, communism/communist, power/pow and general/generally (the rank 장군 against an adverb) would
/// become one word. In their place a handful of suffixes that turn a verb into a noun of the same sense (-ation,
/// -ator, -ction, -sion, -ment, -fication), which is what a translation varies ("증언하였다" → "testified" or "gave
/// testimony"), and a short list of irregular forms (testimony → testify, withdrew → withdraw).</para>
/// <para>A stem does not say whether a word is used as a verb: "states" and "stated", "forces" and "forced", "back"
/// and "backing" share stems and not senses. So each word also gets its <see cref="EnglishWordForm"/>, and a caller
/// decides which forms may meet (the aligner's glossary matcher in TM.Text does).</para>
/// <para>British -ise spellings are written as -ize, so organised and organized meet.</para>
/// </remarks>
public static class EnglishWordFamily
{
    /// <summary>Longest word reduced; longer letter runs are not words a glossary holds.</summary>
    public const int MaximumLength = 48;

    /// <summary>Room a destination needs beyond the word's length (an irregular lemma may be longer than its form).</summary>
    public const int Slack = 8;

    // Porter2's invariant words, plus words whose regular reduction lands on an unrelated word: united → unit (a
    // military unit), department → depart, news → new.
    private static readonly FrozenSet<string> Invariant = FrozenSet.ToFrozenSet(
    [
        "news", "bias", "atlas", "cosmos", "andes", "series", "species", "proceed", "exceed", "succeed", "inning",
        "outing", "canning", "herring", "earring", "unite", "unites", "united", "uniting", "department",
        "departments", "apartment", "apartments", "compartment", "compartments",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InvariantLookup =
        Invariant.GetAlternateLookup<ReadOnlySpan<char>>();

    // Forms no suffix rule reaches: strong verbs frequent in history writing, and nouns of verbs that are not built
    // with a regular suffix. Each maps to the verb, whose stem the whole family then shares.
    private static readonly FrozenDictionary<string, (string Lemma, EnglishWordForm Form)> Irregular = new Dictionary<string, (string, EnglishWordForm)>
    {
        ["testimony"] = ("testify", EnglishWordForm.Derived),
        ["testimonies"] = ("testify", EnglishWordForm.Derived),
        ["occupation"] = ("occupy", EnglishWordForm.Derived),
        ["occupations"] = ("occupy", EnglishWordForm.Derived),
        ["intervention"] = ("intervene", EnglishWordForm.Derived),
        ["interventions"] = ("intervene", EnglishWordForm.Derived),
        ["withdrawal"] = ("withdraw", EnglishWordForm.Derived),
        ["withdrawals"] = ("withdraw", EnglishWordForm.Derived),
        ["refusal"] = ("refuse", EnglishWordForm.Derived),
        ["refusals"] = ("refuse", EnglishWordForm.Derived),
        ["proposal"] = ("propose", EnglishWordForm.Derived),
        ["proposals"] = ("propose", EnglishWordForm.Derived),
        ["approval"] = ("approve", EnglishWordForm.Derived),
        ["arrival"] = ("arrive", EnglishWordForm.Derived),
        ["survival"] = ("survive", EnglishWordForm.Derived),
        ["denial"] = ("deny", EnglishWordForm.Derived),
        ["failure"] = ("fail", EnglishWordForm.Derived),
        ["failures"] = ("fail", EnglishWordForm.Derived),
        ["seizure"] = ("seize", EnglishWordForm.Derived),
        ["departure"] = ("depart", EnglishWordForm.Derived),
        ["pursuit"] = ("pursue", EnglishWordForm.Derived),
        ["response"] = ("respond", EnglishWordForm.Derived),
        ["responses"] = ("respond", EnglishWordForm.Derived),
        ["defence"] = ("defend", EnglishWordForm.Derived),
        ["defense"] = ("defend", EnglishWordForm.Derived),
        ["withdrew"] = ("withdraw", EnglishWordForm.Verbal),
        ["withdrawn"] = ("withdraw", EnglishWordForm.Verbal),
        ["began"] = ("begin", EnglishWordForm.Verbal),
        ["begun"] = ("begin", EnglishWordForm.Verbal),
        ["fought"] = ("fight", EnglishWordForm.Verbal),
        ["sought"] = ("seek", EnglishWordForm.Verbal),
        ["brought"] = ("bring", EnglishWordForm.Verbal),
        ["chose"] = ("choose", EnglishWordForm.Verbal),
        ["chosen"] = ("choose", EnglishWordForm.Verbal),
        ["overthrew"] = ("overthrow", EnglishWordForm.Verbal),
        ["overthrown"] = ("overthrow", EnglishWordForm.Verbal),
        ["undertook"] = ("undertake", EnglishWordForm.Verbal),
        ["undertaken"] = ("undertake", EnglishWordForm.Verbal),
        ["broke"] = ("break", EnglishWordForm.Verbal),
        ["broken"] = ("break", EnglishWordForm.Verbal),
        ["drove"] = ("drive", EnglishWordForm.Verbal),
        ["driven"] = ("drive", EnglishWordForm.Verbal),
        ["froze"] = ("freeze", EnglishWordForm.Verbal),
        ["frozen"] = ("freeze", EnglishWordForm.Verbal),
        ["struck"] = ("strike", EnglishWordForm.Verbal),
        ["dying"] = ("die", EnglishWordForm.Verbal),
        ["lying"] = ("lie", EnglishWordForm.Verbal),
        ["tying"] = ("tie", EnglishWordForm.Verbal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string Lemma, EnglishWordForm Form)>.AlternateLookup<ReadOnlySpan<char>> IrregularLookup =
        Irregular.GetAlternateLookup<ReadOnlySpan<char>>();

    // Nominalising suffixes, longest first: (suffix, verb ending, shortest stem before the suffix). The minimum keeps
    // nation, station, faction, section, vision, moment and comment whole; without it they would meet n-, st-, fact,
    // sect, v-, mo- and com-.
    private static readonly (string Suffix, string Replacement, int MinimumStem)[] Nominalisations =
    [
        ("fication", "fi", 2),  // ratification → ratifi, as ratify → ratifi
        ("ization", "ize", 3),
        ("isation", "ize", 3),
        ("ation", "ate", 3),    // negotiation → negotiate
        ("ction", "ct", 3),     // election → elect
        ("ision", "ide", 3),    // decision → decide
        ("asion", "ade", 2),    // invasion → invade
        ("usion", "ude", 3),    // conclusion → conclude
        ("osion", "ode", 2),    // explosion → explode
        ("ator", "ate", 3),     // negotiator → negotiate
        ("ment", "", 4),        // statement → state
    ];

    /// <summary>
    /// Writes the family stem of <paramref name="word"/> (any case) into <paramref name="destination"/>, which needs
    /// <paramref name="word"/>.Length + <see cref="Slack"/> characters, and returns its length.
    /// </summary>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination, out EnglishWordForm form)
    {
        form = EnglishWordForm.Plain;
        var n = word.ToLowerInvariant(destination);
        var w = destination;
        if (n <= 2 || InvariantLookup.Contains(w[..n]))
        {
            return n;
        }

        if (IrregularLookup.TryGetValue(w[..n], out var irregular))
        {
            irregular.Lemma.CopyTo(w);
            n = irregular.Lemma.Length;
            form = irregular.Form;
        }

        n = Step1a(w, n, ref form);
        n = Step1b(w, n, ref form);
        if (form == EnglishWordForm.Plain && HasVerbSuffix(w[..n]))
        {
            form = EnglishWordForm.Verbal;
        }

        n = AmericanSpelling(w, n);
        n = Step1c(w, n);
        n = Nominalisation(w, n, ref form);
        return Step5(w, n);
    }

    /// <summary>The family stem of <paramref name="word"/> as a string (tests and table building).</summary>
    public static string Stem(string word, out EnglishWordForm form)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<char> buffer = stackalloc char[word.Length + Slack];
        return new string(buffer[..Stem(word, buffer, out form)]);
    }

    // Plural and third-person endings: sses → ss, ies/ied → i (ie after one letter: ties → tie), and a final s after a
    // word part with a vowel that is not right before it (gaps → gap, but gas, this stay).
    private static int Step1a(Span<char> w, int n, ref EnglishWordForm form)
    {
        var s = w[..n];
        if (s.EndsWith("sses"))
        {
            return n - 2;
        }

        if (s.EndsWith("ied") || s.EndsWith("ies"))
        {
            if (s[^1] == 'd')
            {
                form = EnglishWordForm.Verbal;
            }

            return n - 3 > 1 ? n - 2 : n - 1;
        }

        if (s.EndsWith("us") || s.EndsWith("ss") || s[^1] != 's')
        {
            return n;
        }

        for (var i = 0; i < n - 2; i++)
        {
            if (IsVowel(s, i))
            {
                return n - 1;
            }
        }

        return n;
    }

    // -ed and -ing, and -eed when the ee is the verb's own (agreed → agree, but not need or speed): after the cut an
    // "e" comes back where the stem shows it was dropped (negotiat → negotiate, hop → hope) and a doubled consonant
    // is undoubled (planned → plan).
    private static int Step1b(Span<char> w, int n, ref EnglishWordForm form)
    {
        var s = w[..n];
        if (s.EndsWith("eedly") || s.EndsWith("eed"))
        {
            var suffix = s.EndsWith("eed") ? 3 : 5;
            if (n - suffix >= R1(s))
            {
                form = EnglishWordForm.Verbal;
                return n - suffix + 2;
            }

            return n;
        }

        var cut = s.EndsWith("ingly") ? 5 : s.EndsWith("edly") ? 4 : s.EndsWith("ing") ? 3 : s.EndsWith("ed") ? 2 : 0;
        if (cut == 0 || !HasVowel(s[..(n - cut)]))
        {
            return n;
        }

        form = EnglishWordForm.Verbal;
        n -= cut;
        s = w[..n];
        if (s.EndsWith("at") || s.EndsWith("bl") || s.EndsWith("iz"))
        {
            w[n] = 'e';
            return n + 1;
        }

        if (n >= 2 && s[^1] == s[^2] && s[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
        {
            return n - 1;
        }

        if (IsShortWord(s))
        {
            w[n] = 'e';
            return n + 1;
        }

        return n;
    }

    // -ify, -ize/-ise and -ate make verbs (testify, organise, negotiate; testifies is testifi by now). The stem before
    // them must have three letters, which leaves state, rise and size plain.
    private static bool HasVerbSuffix(ReadOnlySpan<char> s) =>
        s.Length >= 6 && (s.EndsWith("ify") || s.EndsWith("ifi") || s.EndsWith("ize") || s.EndsWith("ise") || s.EndsWith("ate"));

    // organise/organised/organising → organize…: after 1a and 1b a stem ending in "is" or "ise" comes from a -ise verb
    // (crisis and basis have lost their s by now). Short words (raise, rise) are left alone; they are consistent anyway.
    private static int AmericanSpelling(Span<char> w, int n)
    {
        var s = w[..n];
        if ((n >= 6 && s.EndsWith("ise")) || (n >= 5 && s.EndsWith("is")))
        {
            w[s.EndsWith("ise") ? n - 2 : n - 1] = 'z';
        }

        return n;
    }

    // A final y after a consonant that is not the first letter becomes i (army → armi, occupy → occupi), so that
    // occupied and occupies, which step 1a cut to occupi, meet the bare verb.
    private static int Step1c(Span<char> w, int n)
    {
        if (n > 2 && w[n - 1] is 'y' && !IsVowel(w[..n], n - 2))
        {
            w[n - 1] = 'i';
        }

        return n;
    }

    private static int Nominalisation(Span<char> w, int n, ref EnglishWordForm form)
    {
        var s = w[..n];
        foreach (var (suffix, replacement, minimumStem) in Nominalisations)
        {
            var stem = n - suffix.Length;
            if (stem >= minimumStem && s.EndsWith(suffix) && HasVowel(s[..stem]))
            {
                replacement.CopyTo(w[stem..]);
                form = EnglishWordForm.Derived;
                return stem + replacement.Length;
            }
        }

        return n;
    }

    // A final e goes when it is far enough from the start (R2), or in R1 after a syllable that is not short: negotiate
    // → negotiat and force → forc, but state, plane, hope keep theirs and so stay apart from stat, plan, hop. A final
    // ll in R2 loses one l, which joins British controlled to control.
    private static int Step5(Span<char> w, int n)
    {
        var s = w[..n];
        var r1 = R1(s);
        var r2 = R2(s, r1);
        if (s[^1] == 'e' && (n - 1 >= r2 || (n - 1 >= r1 && !EndsInShortSyllable(s[..^1]))))
        {
            return n - 1;
        }

        if (n >= 2 && s[^1] == 'l' && s[^2] == 'l' && n - 1 >= r2)
        {
            return n - 1;
        }

        return n;
    }

    // R1: the part after the first consonant that follows a vowel (Porter2), with its three listed exceptions.
    private static int R1(ReadOnlySpan<char> s)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["gener", "commun", "arsen"])
        {
            if (s.StartsWith(prefix))
            {
                return prefix.Length;
            }
        }

        return RegionAfter(s, 0);
    }

    private static int R2(ReadOnlySpan<char> s, int r1) => RegionAfter(s, r1);

    private static int RegionAfter(ReadOnlySpan<char> s, int start)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            if (!IsVowel(s, i) && IsVowel(s, i - 1))
            {
                return i + 1;
            }
        }

        return s.Length;
    }

    private static bool IsShortWord(ReadOnlySpan<char> s) => EndsInShortSyllable(s) && R1(s) == s.Length;

    // Consonant-vowel-consonant with the last not w, x or a consonant y (hop, stat), or vowel-consonant as the whole word.
    private static bool EndsInShortSyllable(ReadOnlySpan<char> s)
    {
        var n = s.Length;
        if (n == 2)
        {
            return IsVowel(s, 0) && !IsVowel(s, 1);
        }

        return n >= 3 && !IsVowel(s, n - 3) && IsVowel(s, n - 2) && !IsVowel(s, n - 1) && s[n - 1] is not ('w' or 'x' or 'y');
    }

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (IsVowel(s, i))
            {
                return true;
            }
        }

        return false;
    }

    // y is a vowel after a consonant (army, cry) and a consonant at the start or after a vowel (yield, say).
    private static bool IsVowel(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            return true;
        }

        return c == 'y' && i > 0 && !IsVowel(s, i - 1);
    }
}
