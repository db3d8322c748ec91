using System.CommandLine;

namespace TM.Client.Fields;

/// <summary>
/// Options given once per value (<c>--field a=1 --field b=2</c>), each value read as it is parsed so a malformed one is a
/// usage error that quotes it, before anything is sent.
/// </summary>
internal static class RepeatedOption
{
    /// <summary>
    /// A repeatable option whose every token <paramref name="parse"/> reads: the value, or null and the whole usage
    /// message for it.
    /// </summary>
    public static Option<T[]> Create<T>(string name, string description, string helpName, Func<string, (T? Value, string Error)> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        var option = new Option<T[]>(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            // One token per occurrence: "--field a=1 text" must leave "text" to the command's argument.
            AllowMultipleArgumentsPerToken = false,
        };
        option.CustomParser = result =>
        {
            var values = new List<T>(result.Tokens.Count);
            foreach (var token in result.Tokens)
            {
                var (value, error) = parse(token.Value);
                if (value is null)
                {
                    result.AddError(error);
                    return [];
                }

                values.Add(value);
            }

            return [.. values];
        };
        return option;
    }
}
