using System.CommandLine;
using System.CommandLine.Parsing;

namespace TM.Server.Hosting.CommandLine;

/// <summary>An <see cref="OptionBinding"/> whose values are of type <typeparamref name="T"/>.</summary>
internal sealed class OptionBinding<T> : OptionBinding
{
    private readonly Option<T> _option;
    private readonly OptionValue<T> _value;
    private readonly Func<ServerOptions, T, ServerOptions> _apply;

    public OptionBinding(string name, string? variable, OptionValue<T> value, Func<ServerOptions, T, ServerOptions> apply, string helpName, string description, bool hidden)
        : base(variable)
    {
        _value = value;
        _apply = apply;
        _option = new Option<T>(name)
        {
            Description = variable is null ? description : $"{description} [env: {variable}]",
            HelpName = helpName,
            Hidden = hidden,
            CustomParser = Parse,
        };
    }

    public override Option Option => _option;

    public override bool IsFlag => typeof(T) == typeof(bool);

    public override ServerOptions Apply(ServerOptions options, ParseResult commandLine, Func<string, string?> environment)
    {
        if (commandLine.GetResult(_option) is { Implicit: false })
            return _apply(options, commandLine.GetValue(_option)!);
        if (Variable is null || environment(Variable) is not { Length: > 0 } text)
            return options;
        return _value.TryParse(text, out var value)
            ? _apply(options, value)
            : throw new ArgumentException($"{Variable}: '{text}' is not {_value.Expected} (the variable of {_option.Name}).");
    }

    // Also called with no token for a flag standing alone, which means true; System.CommandLine leaves a token that is
    // neither true nor false to the next option (--no-seeds --port 5392), so a bare flag never swallows a value.
    private T? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
            return _value.Alone;
        var text = result.Tokens[0].Value;
        if (_value.TryParse(text, out var value))
            return value;
        result.AddError($"{_option.Name}: '{text}' is not {_value.Expected}.");
        return default;
    }
}
