namespace ImpClusterSim.Testing;

/// <summary>
/// The programs some tests need beyond the .NET SDK, found the way a shell finds them (on PATH). On a machine with only
/// the SDK they are absent and the tests that need them are skipped with a message naming the package to install;
/// CI (.ci/run) installs both, so there they always run.
/// </summary>
public static class ExternalTools
{
    /// <summary>The <c>openssl</c> command (Debian/Ubuntu package <c>openssl</c>), or null when it is not on PATH.</summary>
    public static string? OpenSsl { get; } = Environment.GetEnvironmentVariable("IMPSIM_OPENSSL") is { Length: > 0 } o && File.Exists(o) ? o : OnPath("openssl");

    /// <summary>Headless Chromium (package <c>chromium</c>), from IMPSIM_CHROMIUM or PATH, or null.</summary>
    public static string? Chromium { get; } = Environment.GetEnvironmentVariable("IMPSIM_CHROMIUM") is { Length: > 0 } c && File.Exists(c)
        ? c
        : OnPath("chromium") ?? OnPath("chromium-browser");

    /// <summary>
    /// True where a missing tool must fail its tests instead of skipping them: CI sets IMPSIM_REQUIRE_TOOLS=1 after
    /// installing both (.ci/run), so a broken install cannot hide behind a skip.
    /// </summary>
    public static bool Required { get; } = Environment.GetEnvironmentVariable("IMPSIM_REQUIRE_TOOLS") == "1";

    /// <summary>The skip message of a test that needs <paramref name="package"/>.</summary>
    public static string Missing(string program, string package) =>
        $"'{program}' is not installed (package '{package}': apt-get install -y {package}); .ci/run installs it so CI runs this test";

    /// <summary>The full path of an executable named <paramref name="name"/> in a PATH directory, or null.</summary>
    public static string? OnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that needs the <c>openssl</c> command: skipped, naming the package, where it is missing.</summary>
public sealed class OpenSslFactAttribute : FactAttribute
{
    public OpenSslFactAttribute()
    {
        if (ExternalTools.OpenSsl is null && !ExternalTools.Required) Skip = ExternalTools.Missing("openssl", "openssl");
    }
}

/// <summary>A theory that needs the <c>openssl</c> command: skipped, naming the package, where it is missing.</summary>
public sealed class OpenSslTheoryAttribute : TheoryAttribute
{
    public OpenSslTheoryAttribute()
    {
        if (ExternalTools.OpenSsl is null && !ExternalTools.Required) Skip = ExternalTools.Missing("openssl", "openssl");
    }
}

/// <summary>A fact that needs headless Chromium: skipped, naming the package, where it is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ExternalTools.Chromium is null && !ExternalTools.Required) Skip = ExternalTools.Missing("chromium", "chromium");
    }
}
