using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace ImpClusterSim.Pki.Tests;

/// <summary>The PKITS cases of TestData/pkits (the whole suite, 249 cases), with the certificates loaded once per process.</summary>
public static class Pkits
{
    /// <summary>Why the cases marked needs_revocation are skipped.</summary>
    public const string RevocationSkipReason = "its verdict rests on revocation (CRLs), which this validator does not check (docs/pki.md)";

    private static readonly ConcurrentDictionary<string, Certificate> Loaded = new();

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "pkits");

    public static DateTime ValidationTime => ParseTime(Document.RootElement.GetProperty("validation_time").GetString()!);

    private static JsonDocument Document { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "cases.json")));

    public static IReadOnlyList<PkitsCase> Cases { get; } = Document.RootElement.GetProperty("cases").EnumerateArray().Select(Read).ToArray();

    /// <summary>The cases whose verdict does not rest on revocation.</summary>
    public static IReadOnlyList<PkitsCase> Checked => Cases.Where(c => !c.NeedsRevocation).ToArray();

    public static string PathOf(string name) => Path.Combine(Directory, "certs", name + ".crt");

    /// <summary>
    /// Loads a PKITS certificate once per process. Its RSA key is parsed here without BouncyCastle's Miller-Rabin
    /// tests (~24 ms per key), to keep the suite fast: the suite's keys are known-good test data.
    /// </summary>
    public static Certificate Load(string name) => Loaded.GetOrAdd(name, n =>
    {
        var certificate = CertificateReader.ReadFile(PathOf(n)).Single();
        RsaPrimalityTests.SkippedFor(() => certificate.PublicKey);
        return certificate;
    });

    /// <summary>The validation options of a case: its time and its RFC 5280 §6.1.1 policy inputs.</summary>
    public static ValidationOptions Options(PkitsCase test) => new(test.ValidationTime ?? ValidationTime)
    {
        InitialPolicies = test.InitialPolicies ?? [ValidationOptions.AnyPolicy],
        RequireExplicitPolicy = test.ExplicitPolicy,
        InhibitPolicyMapping = test.InhibitMapping,
        InhibitAnyPolicy = test.InhibitAny,
    };

    private static PkitsCase Read(JsonElement c) => new(
        c.GetProperty("id").GetString()!,
        c.GetProperty("title").GetString()!,
        c.GetProperty("section").GetString()!,
        c.GetProperty("certs").EnumerateArray().Select(n => n.GetString()!).ToArray(),
        c.GetProperty("should_validate").GetBoolean(),
        c.TryGetProperty("validation_time", out var t) ? ParseTime(t.GetString()!) : null,
        c.GetProperty("needs_revocation").GetBoolean(),
        c.TryGetProperty("initial_policy_set", out var p) ? p.EnumerateArray().Select(o => o.GetString()!).ToArray() : null,
        Flag(c, "initial_explicit_policy"),
        Flag(c, "initial_policy_mapping_inhibit"),
        Flag(c, "initial_inhibit_any_policy"));

    private static bool Flag(JsonElement c, string name) => c.TryGetProperty(name, out var v) && v.GetBoolean();

    private static DateTime ParseTime(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}

/// <summary>One PKITS case: certificates (anchor first, leaf last, an untrusted pool between), the expected verdict and the inputs.</summary>
public sealed record PkitsCase(string Id, string Title, string Section, IReadOnlyList<string> Certificates, bool ShouldValidate,
    DateTime? ValidationTime, bool NeedsRevocation, IReadOnlyList<string>? InitialPolicies, bool ExplicitPolicy, bool InhibitMapping, bool InhibitAny)
{
    public override string ToString() => Id;
}
