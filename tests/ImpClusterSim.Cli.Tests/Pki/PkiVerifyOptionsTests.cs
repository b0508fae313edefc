using System.Text.Json;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Tests.Pki;

/// <summary>`pki verify` options of issue 11: --json, directories, --purpose, --policy, honest verdicts on invalid certificates, bounded search.</summary>
public sealed class PkiVerifyOptionsTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("impsim-pki-options-");

    public void Dispose() => dir.Delete(recursive: true);

    private static string[] Path1(params string[] extra) =>
    [
        "verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"), "--untrusted", PkiCli.CertificatePath("GoodCACert"),
        "--leaf", PkiCli.CertificatePath("ValidCertificatePathTest1EE"), "--at", "2011-04-15T00:00:00Z", .. extra,
    ];

    /// <summary>ValidCertificatePathTest1EE with one byte changed, written to a file.</summary>
    private string Patched(string name, byte[] find, byte[] replace)
    {
        var der = File.ReadAllBytes(PkiCli.CertificatePath("ValidCertificatePathTest1EE"));
        var at = der.AsSpan().IndexOf(find);
        Assert.True(at >= 0);
        replace.CopyTo(der.AsSpan(at));
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllBytes(path, der);
        return path;
    }

    [Fact]
    public void Json_prints_the_verdict_the_path_and_each_failure()
    {
        var (exit, output, _) = PkiCli.Invoke(Path1("--json"));
        Assert.Equal(0, exit);
        using var valid = JsonDocument.Parse(output);
        Assert.Equal("valid", valid.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(3, valid.RootElement.GetProperty("path").GetArrayLength());
        Assert.Equal("C=US,O=Test Certificates 2011,CN=Valid EE Certificate Test1", valid.RootElement.GetProperty("path")[0].GetProperty("subject").GetString());

        var (failedExit, failedOutput, _) = PkiCli.Invoke(Path1("--json", "--name", "imp1.example.com"));
        Assert.Equal(1, failedExit);
        using var invalid = JsonDocument.Parse(failedOutput);
        Assert.Equal("invalid", invalid.RootElement.GetProperty("verdict").GetString());
        var failure = Assert.Single(invalid.RootElement.GetProperty("failures").EnumerateArray());
        Assert.Equal("NameMismatch", failure.GetProperty("kind").GetString());
    }

    [Fact]
    public void Directories_for_trust_and_untrusted_mean_every_certificate_file_in_them()
    {
        var trust = Directory.CreateDirectory(Path.Combine(dir.FullName, "trust")).FullName;
        var untrusted = Directory.CreateDirectory(Path.Combine(dir.FullName, "untrusted")).FullName;
        File.Copy(PkiCli.CertificatePath("TrustAnchorRootCertificate"), Path.Combine(trust, "root.crt"));
        File.Copy(PkiCli.CertificatePath("GoodCACert"), Path.Combine(untrusted, "good-ca.crt"));
        File.Copy(PkiCli.CertificatePath("BadSignedCACert"), Path.Combine(untrusted, "bad-signed-ca.crt"));
        File.WriteAllText(Path.Combine(untrusted, "notes.txt"), "not a certificate");

        var (exit, output, error) = PkiCli.Invoke("verify", "--trust", trust, "--untrusted", untrusted,
            "--leaf", PkiCli.CertificatePath("ValidCertificatePathTest1EE"), "--at", "2011-04-15T00:00:00Z");

        Assert.Equal(0, exit);
        Assert.Contains("CN=Good CA", output, StringComparison.Ordinal);
        Assert.Contains("skipped", error, StringComparison.Ordinal);
        Assert.Contains("notes.txt: no certificate found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_with_a_malformed_key_usage_is_invalid_exit_1_with_the_rule()
    {
        // The key usage value BIT STRING (03 02 04 f0) becomes an OCTET STRING (04 02 04 f0).
        var leaf = Patched("bad-ku.crt", [0x04, 0x04, 0x03, 0x02, 0x04, 0xF0], [0x04, 0x04, 0x04, 0x02, 0x04, 0xF0]);

        var (exit, output, error) = PkiCli.Invoke("verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"), "--leaf", leaf, "--at", "2011-04-15");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        Assert.Contains(": FAILED (invalid certificate)", output, StringComparison.Ordinal);
        Assert.Contains("invalid certificate: the value of the extension Key Usage (2.5.29.15) is not valid (RFC 5280 §4.2.1.3)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

        var inspect = PkiCli.Invoke("inspect", leaf);
        Assert.Equal(1, inspect.Exit);
        Assert.Contains("(RFC 5280 §4.2.1.3)", inspect.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_with_an_impossible_date_is_invalid_not_unreadable()
    {
        // notBefore UTCTime 100101083000Z (2010-01-01) becomes month 13.
        var leaf = Patched("bad-date.crt", "100101083000Z"u8.ToArray(), "101301083000Z"u8.ToArray());

        var (exit, output, _) = PkiCli.Invoke("verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"), "--leaf", leaf, "--at", "2011-04-15");

        Assert.Equal(1, exit);
        Assert.Contains("'101301083000Z'", output, StringComparison.Ordinal);
        Assert.Contains("is not a valid time (RFC 5280 §4.1.2.5", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Purpose_and_policy_options_reach_the_validator()
    {
        Assert.Equal(0, PkiCli.Invoke(Path1("--purpose", "client")).Exit);
        Assert.Equal(0, PkiCli.Invoke(Path1("--policy", "2.16.840.1.101.3.2.1.48.1", "--explicit-policy")).Exit);
        var (exit, output, _) = PkiCli.Invoke(Path1("--policy", "2.16.840.1.101.3.2.1.48.2", "--explicit-policy"));
        Assert.Equal(1, exit);
        Assert.Contains("no certificate policy (one of 2.16.840.1.101.3.2.1.48.2) is valid for the whole path", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_is_not_an_OID_exits_2()
    {
        var (exit, output, error) = PkiCli.Invoke(Path1("--policy", "policy-one"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--policy 'policy-one' is not an object identifier", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cross_certified_bundle_of_eight_layers_is_answered_at_once_with_exit_1()
    {
        var from = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        KeyPair Key(string id) => KeyPool.Shared.Get($"cli-cross/{id}", KeyAlgorithm.EcP256);
        var bundle = new List<Certificate>();
        var above = Enumerable.Range(0, 3).Select(k => CertificateAuthority.CreateRoot("cli-cross", $"Cross L8 K{k}", Key($"8/{k}"), from)).ToArray();
        bundle.AddRange(above.Select(c => c.Certificate));
        for (var layer = 7; layer >= 1; layer--)
        {
            var current = new CertificateAuthority[3];
            for (var k = 0; k < 3; k++)
            {
                foreach (var parent in above)
                {
                    var ca = parent.CreateIntermediate($"Cross L{layer} K{k}", Key($"{layer}/{k}"), from);
                    bundle.Add(ca.Certificate);
                    current[k] ??= ca;
                }
            }
            above = current;
        }
        var leaf = above[0].IssueLeaf("leaf.example.com", ["leaf.example.com"], Key("leaf"), from).Certificate;
        var unrelated = CertificateAuthority.CreateRoot("cli-cross", "Unrelated Root", Key("unrelated"), from);
        File.WriteAllText(Path.Combine(dir.FullName, "bundle.pem"), string.Concat(bundle.Select(c => c.ToPem())));
        File.WriteAllText(Path.Combine(dir.FullName, "leaf.pem"), leaf.ToPem());
        File.WriteAllText(Path.Combine(dir.FullName, "root.pem"), unrelated.Certificate.ToPem());

        var (exit, output, error) = PkiCli.Invoke("verify", "--trust", Path.Combine(dir.FullName, "root.pem"), "--untrusted", Path.Combine(dir.FullName, "bundle.pem"),
            "--leaf", Path.Combine(dir.FullName, "leaf.pem"), "--at", "2026-06-01T00:00:00Z");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        Assert.Contains("is not in the trust store", output, StringComparison.Ordinal);
    }
}
