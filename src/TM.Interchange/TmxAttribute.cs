namespace TM.Interchange;

/// <summary>One attribute of an inline element, kept in file order so the element is written back as it was read.</summary>
/// <param name="Name">The attribute name: a plain name (<c>i</c>, <c>x</c>, <c>type</c>, <c>pos</c>, <c>assoc</c>, <c>datatype</c>) or <c>xml:</c> plus a name.</param>
/// <param name="Value">The attribute value, unescaped.</param>
public readonly record struct TmxAttribute(string Name, string Value);
