namespace TM.Client.Input;

/// <summary>An input file that cannot be used, with where in it the problem is (line 0 when it is the whole file).</summary>
internal sealed class InputFileException(string path, int line, string reason) : Exception(Format(path, line, reason))
{
    /// <summary>The file as the user named it.</summary>
    public string Path { get; } = path;

    /// <summary>1-based line of the problem; 0 when it concerns the whole file.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the file name.</summary>
    public string Reason { get; } = reason;

    private static string Format(string path, int line, string reason) =>
        line > 0 ? $"{path}, line {line}: {reason}" : $"{path}: {reason}";
}
