using System.Collections.Concurrent;
using System.Text.Json;

namespace ImpClusterSim.Pki.Tests;

/// <summary>The PKITS cases of TestData/pkits, with the certificates loaded once per process.</summary>
public static class Pkits
{
    private static readonly ConcurrentDictionary<string, Certificate> Loaded = new();

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "pkits");

    public static DateTime ValidationTime => DateTime.Parse(Document.RootElement.GetProperty("validation_time").GetString()!,
        System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static JsonDocument Document { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "cases.json")));

    public static IReadOnlyList<PkitsCase> Cases { get; } = Document.RootElement.GetProperty("cases").EnumerateArray()
        .Select(c => new PkitsCase(c.GetProperty("id").GetString()!, c.GetProperty("title").GetString()!,
            c.GetProperty("certs").EnumerateArray().Select(n => n.GetString()!).ToArray(),
            c.GetProperty("should_validate").GetBoolean(),
            c.TryGetProperty("validation_time", out var t) ? DateTime.Parse(t.GetString()!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal) : null))
        .ToArray();

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
}

public sealed record PkitsCase(string Id, string Title, IReadOnlyList<string> Certificates, bool ShouldValidate, DateTime? ValidationTime);
