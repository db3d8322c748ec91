using System.Text.Json;
using TM.Protos.V1;

namespace TM.Client.Output;

/// <summary>
/// Termbase hits as <c>tm</c> shows them: the terms of a query on a "Terms:" line (김일성 → Kim Il-sung), forbidden
/// variants found in a stored translation as a warning under it, and both in <c>--json</c>.
/// </summary>
internal static class TermHits
{
    /// <summary>
    /// The terms found in <paramref name="text"/>, each as written there with the approved translation
    /// ("김일성 → Kim Il-sung"; a forbidden form with the approved term to use instead); empty when there are none.
    /// </summary>
    public static string Line(string text, IReadOnlyCollection<TermHit> hits)
    {
        if (hits.Count == 0)
        {
            return "";
        }

        // A term the text uses several times in one form is listed once ("스탈린 → Stalin", not twice), in text order.
        var described = hits.Select(hit => hit.Forbidden
            ? $"{Found(text, hit)} is forbidden (use {Approved(hit)})"
            : hit.Translation.Length > 0 ? $"{Found(text, hit)} → {hit.Translation}" : $"{Found(text, hit)} (no approved translation)");
        return "Terms: " + string.Join("; ", described.Distinct(StringComparer.Ordinal));
    }

    /// <summary>The forbidden variants found in a stored translation, with what to use instead; empty when there are none.</summary>
    public static string Forbidden(string target, IReadOnlyCollection<TermHit> hits) =>
        hits.Count == 0
            ? ""
            : "Forbidden: " + string.Join("; ", hits.Select(hit => $"{Found(target, hit)} (use {Approved(hit)})").Distinct(StringComparer.Ordinal));

    /// <summary>Writes <paramref name="hits"/> as a JSON array property.</summary>
    public static void Write(Utf8JsonWriter json, string name, IEnumerable<TermHit> hits)
    {
        json.WriteStartArray(name);
        foreach (var hit in hits)
        {
            json.WriteStartObject();
            json.WriteNumber("start", hit.Start);
            json.WriteNumber("length", hit.Length);
            json.WriteString("lang", hit.Lang);
            json.WriteNumber("entryId", hit.EntryId);
            json.WriteString("form", hit.Form);
            json.WriteString("translation", hit.Translation);
            json.WriteBoolean("forbidden", hit.Forbidden);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // The text as it stands where the hit is (an inflected form, a particle-free Korean stem); the termbase's form if the span is off.
    private static string Found(string text, TermHit hit) =>
        hit.Start >= 0 && hit.Length > 0 && hit.Start + hit.Length <= text.Length ? text.Substring(hit.Start, hit.Length) : hit.Form;

    // The approved term in the hit's own language: what a forbidden variant should have been.
    private static string Approved(TermHit hit)
    {
        var approved = hit.Entry is null ? "" : hit.Lang == "ko" ? hit.Entry.Ko : hit.Entry.En;
        return approved.Length > 0 ? approved : "the termbase's approved term";
    }
}
