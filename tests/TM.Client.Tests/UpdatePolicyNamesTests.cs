using TM.Client.Import;
using TM.Protos.V1;

namespace TM.Client.Tests;

public class UpdatePolicyNamesTests
{
    [Theory]
    [InlineData("add-alternative", UpdatePolicy.AddAlternative)]
    [InlineData("keep-existing", UpdatePolicy.KeepExisting)]
    [InlineData("overwrite", UpdatePolicy.Overwrite)]
    [InlineData(null, UpdatePolicy.Unspecified)]
    [InlineData("", UpdatePolicy.Unspecified)]
    public void Policy_words_map_to_the_contract_enum_and_back(string? word, UpdatePolicy policy)
    {
        Assert.Equal(policy, UpdatePolicyNames.Parse(word));
        Assert.Equal(string.IsNullOrEmpty(word) ? null : word, UpdatePolicyNames.Name(policy));
    }

    [Theory]
    [InlineData("Overwrite")]
    [InlineData("keep_existing")]
    [InlineData("merge")]
    public void Anything_else_is_refused_naming_the_choices(string word)
    {
        var error = Assert.Throws<ArgumentException>(() => UpdatePolicyNames.Parse(word));

        Assert.Contains("add-alternative, keep-existing, overwrite", error.Message);
    }

    [Fact]
    public void Every_word_the_option_accepts_parses()
    {
        Assert.All(UpdatePolicyNames.All, word => Assert.NotEqual(UpdatePolicy.Unspecified, UpdatePolicyNames.Parse(word)));
    }

    [Theory]
    [InlineData("keep_existing", "keep-existing")]
    [InlineData("add_alternative", "add-alternative")]
    [InlineData("overwrite", "overwrite")]
    public void Record_spellings_read_as_the_option_spells_them(string record, string word)
    {
        Assert.Equal(word, UpdatePolicyNames.FromRecord(record));
    }
}
