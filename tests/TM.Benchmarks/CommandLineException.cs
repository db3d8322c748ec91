namespace TM.Benchmarks;

/// <summary>A command line the benchmarks cannot run; the message says what to change, then the usage is printed.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
