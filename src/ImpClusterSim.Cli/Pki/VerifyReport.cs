using System.Text;
using System.Text.Json;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// Prints a `pki verify` verdict, as text ("FILE: OK (valid at TIME)" and the path, or "FILE: FAILED (...)" and
/// "  - reason" lines) or, with --json, as one JSON object: file, verdict, at, path (leaf first: subject, issuer,
/// serial, SHA-256) and failures (kind and reason).
/// </summary>
internal static class VerifyReport
{
    public static void Write(VerifyRequest request, ValidationOptions options, ValidationResult result, TextWriter output)
    {
        var when = PkiCommand.Time(options.At);
        var fips = request.Fips ? ", FIPS" : "";
        if (request.Json)
        {
            WriteJson(output, request.LeafPath, result.Verdict, when, result.Path,
                result.Failures.Select(f => (f.Kind.ToString(), f.Reason)).ToArray());
            return;
        }
        if (result.IsValid)
        {
            output.WriteLine($"{request.LeafPath}: OK (valid at {when}{fips})");
            foreach (var certificate in result.Path)
            {
                output.WriteLine($"  {certificate.Subject}");
            }
            return;
        }
        output.WriteLine($"{request.LeafPath}: FAILED (not valid at {when}{fips})");
        foreach (var reason in result.Reasons)
        {
            output.WriteLine($"  - {reason}");
        }
    }

    /// <summary>An input decoded as a certificate but breaks an X.509 rule: the verdict is invalid, with the rule.</summary>
    public static void InvalidCertificate(VerifyRequest request, PkiFormatException e, TextWriter output)
    {
        if (request.Json)
        {
            WriteJson(output, request.LeafPath, "invalid", request.AtText, [], [("InvalidCertificate", e.Message)]);
            return;
        }
        output.WriteLine($"{request.LeafPath}: FAILED (invalid certificate)");
        output.WriteLine($"  - {e.Message}");
    }

    private static void WriteJson(TextWriter output, string file, string verdict, string? at, IReadOnlyList<Certificate> path,
        IReadOnlyList<(string Kind, string Reason)> failures)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("verdict", verdict);
            if (at is not null)
            {
                json.WriteString("at", at);
            }
            json.WriteStartArray("path");
            foreach (var c in path)
            {
                json.WriteStartObject();
                json.WriteString("subject", c.Subject);
                json.WriteString("issuer", c.Issuer);
                json.WriteString("serial", c.SerialNumberHex);
                json.WriteString("sha256", c.Sha256Fingerprint);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("failures");
            foreach (var (kind, reason) in failures)
            {
                json.WriteStartObject();
                json.WriteString("kind", kind);
                json.WriteString("reason", reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
