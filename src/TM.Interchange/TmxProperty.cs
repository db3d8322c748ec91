namespace TM.Interchange;

/// <summary>A TMX <c>&lt;prop&gt;</c>: a tool- or user-defined property such as <c>x-Client</c> or OmegaT's <c>file</c>.</summary>
/// <param name="Type">The <c>type</c> attribute; empty when the file had none.</param>
/// <param name="Value">The element's text, unescaped.</param>
/// <param name="Language">The <c>xml:lang</c> attribute, or null when absent.</param>
public sealed record TmxProperty(string Type, string Value, string? Language = null);
