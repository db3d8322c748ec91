using System.ComponentModel;
using System.Diagnostics;

namespace TM.Server.Tests.Interchange;

/// <summary>
/// TMX written by a tool nobody here wrote: Debian's Korean LibreOffice catalogs (package libreoffice-l10n-ko,
/// unpacked by .ci/run), turned back into .po by gettext's msgunfmt and into one TMX by translate-toolkit's po2tmx.
/// Anything missing is an error that says how to get it: this test never skips.
/// </summary>
public sealed class LibreOfficeCatalogs : IDisposable
{
    /// <summary>A few catalogs of different sizes and styles: dialogs, help tips, placeholders, mnemonics.</summary>
    public static readonly string[] Names = ["avmedia", "svl", "uui", "sfx", "cui"];

    public static string PackageDirectory => Path.Combine(RepositoryPaths.Root, "tests", "TM.Server.Tests", ".cache", "libreoffice-l10n-ko");

    private static string Catalogs => Path.Combine(PackageDirectory, "root", "usr", "lib", "libreoffice", "program", "resource", "ko", "LC_MESSAGES");

    private readonly string _work = Directory.CreateTempSubdirectory("tm-l10n-").FullName;

    public LibreOfficeCatalogs()
    {
        if (!Directory.Exists(Catalogs))
        {
            throw new InvalidOperationException(
                $"Debian's libreoffice-l10n-ko is not unpacked at {PackageDirectory}/root. Run .ci/run as root, or: " +
                $"mkdir -p {PackageDirectory} && cd {PackageDirectory} && apt-get download libreoffice-l10n-ko && dpkg -x libreoffice-l10n-ko_*.deb root");
        }
        var poDirectory = Directory.CreateDirectory(Path.Combine(_work, "po")).FullName;
        foreach (var name in Names)
        {
            var mo = Path.Combine(Catalogs, name + ".mo");
            Run("msgunfmt", "gettext", mo, "-o", Path.Combine(poDirectory, name + ".po"));
        }
        TmxPath = Path.Combine(_work, "libreoffice-ko.tmx");
        Run("po2tmx", "translate-toolkit", "--progress=none", "-l", "ko", poDirectory, TmxPath);
        Entries = Names.SelectMany(name => PoCatalog.Read(Path.Combine(poDirectory, name + ".po"))).ToList();
    }

    /// <summary>The TMX file po2tmx wrote.</summary>
    public string TmxPath { get; }

    /// <summary>Every translated entry of the catalogs, read from the .po files: English source, Korean translation.</summary>
    public IReadOnlyList<(string English, string Korean)> Entries { get; }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static void Run(string tool, string package, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed ({e.Message}). Run .ci/run as root, or: apt-get install {package}", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {stderr.Result}");
        }
    }
}
