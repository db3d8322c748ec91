using System.Text;

namespace TM.Client;

/// <summary>Process entry point of <c>tm</c>; everything else lives in <see cref="CliApp"/> so tests can run it in-process.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        // Windows consoles default to the OEM code page, which cannot show Hangul; elsewhere UTF-8 is already the default.
        if (OperatingSystem.IsWindows())
        {
            Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        return CliApp.RunAsync(args);
    }
}
