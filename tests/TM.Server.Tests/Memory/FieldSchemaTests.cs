using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Tests.Memory;

/// <summary>How a memory's fields check a value and write it in one form, and how TMX props name them.</summary>
public sealed class FieldSchemaTests
{
    private static readonly FieldSchema Schema = new(
    [
        new FieldDefinition("journal", FieldType.Text),
        new FieldDefinition("domain", FieldType.Picklist, ["war", "armistice", "POW camps"]),
        new FieldDefinition("published", FieldType.Date),
        new FieldDefinition("pages", FieldType.Number),
    ]);

    [Theory]
    [InlineData("published", "2024-03-01", "2024-03-01T00:00:00Z")]
    [InlineData("published", "20240301T093000Z", "2024-03-01T09:30:00Z")]
    [InlineData("published", "2024-03-01T18:30:00+09:00", "2024-03-01T09:30:00Z")]
    [InlineData("published", "20240301", "2024-03-01T00:00:00Z")]
    [InlineData("pages", "12", "12")]
    [InlineData("pages", " 3.50 ", "3.5")]
    [InlineData("pages", "1e3", "1000")]
    [InlineData("domain", "Pow Camps", "POW camps")]
    [InlineData("Journal", "  군사사연구 ", "군사사연구")]
    public void A_value_is_kept_in_its_field_types_one_form(string name, string value, string expected)
    {
        var normalized = Schema.Normalize(name, value);

        Assert.Equal(expected, normalized.Value);
        Assert.Equal(name.ToLowerInvariant(), normalized.Name);
    }

    [Theory]
    [InlineData("published", "1 March 2024", "not a date")]
    [InlineData("published", "2024-02-30", "not a date")]
    [InlineData("pages", "twelve", "not a number")]
    [InlineData("pages", "NaN", "not a number")]
    [InlineData("domain", "peace", "'peace' is not one of its choices ('war', 'armistice', 'POW camps')")]
    [InlineData("journal", "line one\nline two", "one line")]
    [InlineData("journal", "   ", "empty")]
    [InlineData("colour", "red", "has no field 'colour'; its fields are 'journal', 'domain', 'published', 'pages'")]
    public void A_value_that_does_not_fit_is_refused_saying_what_would(string name, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Schema.Normalize(name, value));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("x-journal", true)]
    [InlineData("journal", true)]
    [InlineData("X-Journal:SingleString", true)]
    [InlineData("x-journal:MultipleString", true)]
    [InlineData("x-journalist", false)]
    [InlineData("x-Client", false)]
    [InlineData("", false)]
    public void A_tmx_prop_names_a_field_as_trados_memoq_and_omegat_write_it(string type, bool names)
    {
        Assert.Equal(names, Schema.TryFromProperty(type, "군사사연구", out var field));
        if (names)
        {
            Assert.Equal(new FieldValue("journal", "군사사연구"), field);
        }
    }

    [Fact]
    public void A_prop_whose_value_does_not_fit_the_field_is_not_taken_as_it()
    {
        Assert.False(Schema.TryFromProperty("x-domain", "peace", out _));
        Assert.False(Schema.TryFromProperty("x-pages", "many", out _));
    }

    [Fact]
    public void A_pairs_values_come_in_the_definitions_order_each_once()
    {
        var values = Schema.NormalizeAll([("pages", "12"), ("domain", "war"), ("journal", "군사사연구"), ("domain", "armistice"), ("Domain", "WAR")]);

        Assert.Equal(["journal=군사사연구", "domain=war", "domain=armistice", "pages=12"], values.Select(v => $"{v.Name}={v.Value}"));
    }

    [Theory]
    [InlineData("x:y", FieldType.Text, "", "not allowed")]
    [InlineData("-journal", FieldType.Text, "", "not allowed")]
    [InlineData("domain", FieldType.Picklist, "", "needs 1 to 500 choices")]
    [InlineData("domain", FieldType.Picklist, "war,war", "lists 'war' twice")]
    [InlineData("domain", FieldType.Picklist, "war, armistice", "without spaces around it")]
    [InlineData("journal", FieldType.Text, "a", "has choices but is not a picklist")]
    public void A_definition_that_breaks_a_rule_is_refused(string name, FieldType type, string choices, string expected)
    {
        var definition = new FieldDefinition(name, type, choices.Length == 0 ? [] : choices.Split(','));

        var error = Assert.Throws<ArgumentException>(() => FieldSchema.Check([definition]));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Two_definitions_differing_only_in_case_are_one_name_twice()
    {
        var error = Assert.Throws<ArgumentException>(() => FieldSchema.Check([new FieldDefinition("Journal", FieldType.Text), new FieldDefinition("journal", FieldType.Date)]));

        Assert.Contains("defined twice", error.Message);
    }
}
