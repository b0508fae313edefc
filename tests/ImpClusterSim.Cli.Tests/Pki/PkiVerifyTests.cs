namespace ImpClusterSim.Cli.Tests.Pki;

public sealed class PkiVerifyTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("impsim-pki-cli-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void A_failing_chain_exits_1_and_says_why()
    {
        var (exit, output, _) = PkiCli.Invoke("verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"),
            "--untrusted", PkiCli.CertificatePath("BadnotAfterDateCACert"),
            "--leaf", PkiCli.CertificatePath("InvalidCAnotAfterDateTest5EE"), "--at", "2011-04-15T00:00:00Z");

        Assert.Equal(1, exit);
        Assert.Contains("  - certificate 'C=US,O=Test Certificates 2011,CN=Bad notAfter Date CA' expired on 2011-01-01T08:30:00Z", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_chain_checked_for_the_wrong_host_exits_1()
    {
        var args = new[] { "verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"), "--untrusted", PkiCli.CertificatePath("GoodCACert"),
            "--leaf", PkiCli.CertificatePath("ValidCertificatePathTest1EE"), "--at", "2011-04-15" };

        Assert.Equal(0, PkiCli.Invoke(args).Exit);
        var (exit, output, _) = PkiCli.Invoke([.. args, "--name", "imp1.example.com"]);
        Assert.Equal(1, exit);
        Assert.Contains("is not valid for 'imp1.example.com'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FIPS_mode_refuses_a_DSA_chain_that_is_otherwise_valid()
    {
        var args = new[] { "verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"), "--untrusted", PkiCli.CertificatePath("DSACACert"),
            "--leaf", PkiCli.CertificatePath("ValidDSASignaturesTest4EE"), "--at", "2011-04-15T00:00:00Z" };

        Assert.Equal(0, PkiCli.Invoke(args).Exit);
        var (exit, output, _) = PkiCli.Invoke([.. args, "--fips"]);
        Assert.Equal(1, exit);
        Assert.Contains(", FIPS)", output, StringComparison.Ordinal);
        Assert.Contains("has a DSA key: DSA is not allowed in FIPS mode", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_certificate_exits_2_with_a_clear_message_and_no_stack_trace()
    {
        var garbage = Path.Combine(dir.FullName, "garbage.pem");
        File.WriteAllText(garbage, "-----BEGIN CERTIFICATE-----\nMIIB\n!!!!\n-----END CERTIFICATE-----\n");

        var (exit, output, error) = PkiCli.Invoke("verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"), "--leaf", garbage,
            "--at", "2011-04-15T00:00:00Z");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"impsim pki verify: {garbage}: line 3: PEM block 'CERTIFICATE' is not valid base64 (character '!' at column 1)", error.Trim());
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_trust_file_exits_2()
    {
        var (exit, _, error) = PkiCli.Invoke("verify", "--trust", Path.Combine(dir.FullName, "nope.pem"), "--leaf", PkiCli.CertificatePath("GoodCACert"));

        Assert.Equal(2, exit);
        Assert.Contains("cannot read the file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_time_exits_2()
    {
        var (exit, _, error) = PkiCli.Invoke("verify", "--trust", PkiCli.CertificatePath("TrustAnchorRootCertificate"),
            "--leaf", PkiCli.CertificatePath("GoodCACert"), "--at", "next tuesday");

        Assert.Equal(2, exit);
        Assert.Contains("--at 'next tuesday' is not an ISO 8601 time", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_prints_each_certificate_with_its_fingerprint()
    {
        var path = PkiCli.CertificatePath("GoodCACert");
        var fingerprint = string.Join(':', System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

        var (exit, output, _) = PkiCli.Invoke("inspect", path);

        Assert.Equal(0, exit);
        Assert.Contains("  Subject:              C=US,O=Test Certificates 2011,CN=Good CA", output, StringComparison.Ordinal);
        Assert.Contains("  Issuer:               C=US,O=Test Certificates 2011,CN=Trust Anchor", output, StringComparison.Ordinal);
        Assert.Contains("  Key:                  RSA 2048", output, StringComparison.Ordinal);
        Assert.Contains("  Signature algorithm:  SHA256WITHRSA", output, StringComparison.Ordinal);
        Assert.Contains("  Basic constraints:    CA", output, StringComparison.Ordinal);
        Assert.Contains("Basic Constraints (critical)", output, StringComparison.Ordinal);
        Assert.Contains($"  SHA-256 fingerprint:  {fingerprint}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_reads_every_certificate_of_a_multi_block_PEM_file()
    {
        var pem = Path.Combine(dir.FullName, "chain.pem");
        File.WriteAllText(pem, string.Concat(new[] { "GoodCACert", "TrustAnchorRootCertificate" }
            .Select(n => ImpClusterSim.Pki.Pem.Encode("CERTIFICATE", File.ReadAllBytes(PkiCli.CertificatePath(n))))));

        var (exit, output, _) = PkiCli.Invoke("inspect", pem);

        Assert.Equal(0, exit);
        Assert.Contains("Certificate 1 of 2", output, StringComparison.Ordinal);
        Assert.Contains("Certificate 2 of 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_a_non_certificate_exits_2()
    {
        var text = Path.Combine(dir.FullName, "notes.txt");
        File.WriteAllText(text, "just some notes\n");

        var (exit, _, error) = PkiCli.Invoke("inspect", text);

        Assert.Equal(2, exit);
        Assert.Contains("no certificate found", error, StringComparison.Ordinal);
    }
}
