using System.CommandLine;
using System.Text.Json;
using ImpClusterSim.Cli.Pki;

namespace ImpClusterSim.Cli.Tests.Pki;

/// <summary>Runs the `pki` command in-process with captured output, and finds the PKITS test data of the Pki tests.</summary>
internal static class PkiCli
{
    public static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = PkiCommand.Create().Parse(args);
        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)));
        var exit = parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (exit, output.ToString(), error.ToString());
    }

    public static string PkitsDirectory { get; } = FindPkits();

    public static string CertificatePath(string name) => Path.Combine(PkitsDirectory, "certs", name + ".crt");

    /// <summary>The cases with their validation time (the case's own, else the suite's), whether they need revocation, and
    /// their policy inputs as `pki verify` options.</summary>
    public static IReadOnlyList<(string Id, string Section, string[] Certificates, bool ShouldValidate, string At, bool NeedsRevocation, string[] PolicyOptions)> PkitsCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PkitsDirectory, "cases.json")));
        var suiteTime = document.RootElement.GetProperty("validation_time").GetString()!;
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => (c.GetProperty("id").GetString()!,
                c.GetProperty("section").GetString()!,
                c.GetProperty("certs").EnumerateArray().Select(n => n.GetString()!).ToArray(),
                c.GetProperty("should_validate").GetBoolean(),
                c.TryGetProperty("validation_time", out var t) ? t.GetString()! : suiteTime,
                c.GetProperty("needs_revocation").GetBoolean(),
                PolicyOptions(c)))
            .ToArray();
    }

    private static string[] PolicyOptions(JsonElement c)
    {
        var options = new List<string>();
        if (c.TryGetProperty("initial_policy_set", out var set))
        {
            foreach (var oid in set.EnumerateArray())
            {
                options.AddRange(["--policy", oid.GetString()!]);
            }
        }
        foreach (var (field, option) in new[] { ("initial_explicit_policy", "--explicit-policy"), ("initial_policy_mapping_inhibit", "--inhibit-mapping"),
                     ("initial_inhibit_any_policy", "--inhibit-any") })
        {
            if (c.TryGetProperty(field, out var flag) && flag.GetBoolean())
            {
                options.Add(option);
            }
        }
        return [.. options];
    }

    private static string FindPkits()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ImpClusterSim.Pki.Tests", "TestData", "pkits");
            if (File.Exists(Path.Combine(candidate, "cases.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/ImpClusterSim.Pki.Tests/TestData/pkits not found above " + AppContext.BaseDirectory);
    }
}
