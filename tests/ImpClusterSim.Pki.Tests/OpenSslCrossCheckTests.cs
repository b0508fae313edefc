using System.Globalization;

namespace ImpClusterSim.Pki.Tests;

/// <summary>Chains this library issues are judged the same way by `openssl verify` and by <see cref="ChainValidator"/>.</summary>
public sealed class OpenSslCrossCheckTests
{
    [OpenSslTheory]
    [InlineData(KeyAlgorithm.EcP256)]
    [InlineData(KeyAlgorithm.EcP384)]
    [InlineData(KeyAlgorithm.Rsa2048)]
    public void An_issued_chain_verifies_in_openssl_and_here(KeyAlgorithm algorithm)
    {
        var root = TestPki.Root($"Cross Root {algorithm}", algorithm);
        var intermediate = root.CreateIntermediate($"Cross Intermediate {algorithm}", TestPki.Key($"int-{algorithm}", algorithm), TestPki.Now.AddYears(-1));
        var leaf = TestPki.Leaf(intermediate, $"imp1-{algorithm}.example.com".ToLowerInvariant(), algorithm).Certificate;

        var (openssl, ours) = Judge(root.Certificate, intermediate.Certificate, leaf, TestPki.Now);

        Assert.True(openssl.ExitCode == 0, openssl.Output);
        Assert.True(ours.IsValid, ours.ToString());
    }

    [OpenSslFact]
    public void A_tampered_leaf_fails_in_openssl_and_here()
    {
        var root = TestPki.Root("Tamper Root");
        var intermediate = root.CreateIntermediate("Tamper Intermediate", TestPki.Key("tamper-int"), TestPki.Now.AddYears(-1));
        var der = TestPki.Leaf(intermediate, "tampered.example.com").Certificate.GetDer();
        der[^5] ^= 0x01; // inside the signature value
        var tampered = CertificateReader.DecodeCertificate(der);

        var (openssl, ours) = Judge(root.Certificate, intermediate.Certificate, tampered, TestPki.Now);

        Assert.NotEqual(0, openssl.ExitCode);
        Assert.False(ours.IsValid);
        Assert.Contains(ours.Reasons, r => r.Contains("signature", StringComparison.Ordinal));
    }

    [OpenSslFact]
    public void An_expired_leaf_fails_in_openssl_and_here()
    {
        var root = TestPki.Root("Expiry Root");
        var intermediate = root.CreateIntermediate("Expiry Intermediate", TestPki.Key("expiry-int"), TestPki.Now.AddYears(-1));
        var leaf = TestPki.Leaf(intermediate, "expired.example.com", fault: CertificateFault.Expired).Certificate;

        var (openssl, ours) = Judge(root.Certificate, intermediate.Certificate, leaf, TestPki.Now);

        Assert.NotEqual(0, openssl.ExitCode);
        Assert.Contains("expired", openssl.Output, StringComparison.OrdinalIgnoreCase);
        Assert.False(ours.IsValid);
        Assert.Contains(ours.Reasons, r => r.Contains("expired on", StringComparison.Ordinal));
    }

    [OpenSslFact]
    public void A_chain_checked_after_the_leaf_expires_fails_in_openssl_and_here()
    {
        var root = TestPki.Root("Later Root");
        var intermediate = root.CreateIntermediate("Later Intermediate", TestPki.Key("later-int"), TestPki.Now.AddYears(-1));
        var leaf = TestPki.Leaf(intermediate, "later.example.com").Certificate;

        var (openssl, ours) = Judge(root.Certificate, intermediate.Certificate, leaf, leaf.NotAfter.AddDays(1));

        Assert.NotEqual(0, openssl.ExitCode);
        Assert.Contains("expired", openssl.Output, StringComparison.OrdinalIgnoreCase);
        Assert.False(ours.IsValid);
        Assert.True(ours.HasFailure(ValidationFailureKind.Expired), ours.ToString());
    }

    [OpenSslFact]
    public void A_leaf_signed_by_an_impostor_with_the_same_name_fails_in_openssl_and_here()
    {
        var root = TestPki.Root("Impostor Root");
        var intermediate = root.CreateIntermediate("Shared Name Intermediate", TestPki.Key("genuine-int"), TestPki.Now.AddYears(-1));
        var impostorRoot = TestPki.Root("Impostor Other Root");
        var impostor = impostorRoot.CreateIntermediate("Shared Name Intermediate", TestPki.Key("impostor-int"), TestPki.Now.AddYears(-1));
        var leaf = TestPki.Leaf(impostor, "wrongly-signed.example.com").Certificate;

        var (openssl, ours) = Judge(root.Certificate, intermediate.Certificate, leaf, TestPki.Now);

        Assert.NotEqual(0, openssl.ExitCode);
        Assert.False(ours.IsValid);
    }

    [OpenSslFact]
    public void A_path_length_violation_fails_in_openssl_and_here()
    {
        var root = TestPki.Root("Pathlen Root", pathLength: 0);
        var intermediate = root.CreateIntermediate("Pathlen Intermediate", TestPki.Key("pathlen-int"), TestPki.Now.AddYears(-1));
        var leaf = TestPki.Leaf(intermediate, "pathlen.example.com").Certificate;

        var (openssl, ours) = Judge(root.Certificate, intermediate.Certificate, leaf, TestPki.Now);

        Assert.NotEqual(0, openssl.ExitCode);
        Assert.Contains("path length", openssl.Output, StringComparison.OrdinalIgnoreCase);
        Assert.False(ours.IsValid);
        Assert.Equal([ValidationFailureKind.PathLength], ours.Failures.Select(f => f.Kind));
    }

    [OpenSslFact]
    public void Exported_keys_and_requests_are_readable_by_openssl()
    {
        using var dir = new TempDirectory();
        var key = TestPki.Key("csr-key", KeyAlgorithm.Rsa2048);
        var request = CertificateRequest.Create("imp1.example.com", ["imp1.example.com", "example.com"], key);

        var keyCheck = OpenSsl.Run("pkey", "-in", dir.Write("key.pem", key.ToPrivateKeyPem()), "-noout");
        var csrCheck = OpenSsl.Run("req", "-in", dir.Write("req.csr", request.ToPem()), "-verify", "-noout", "-text");

        Assert.True(keyCheck.ExitCode == 0, keyCheck.Output);
        Assert.True(csrCheck.ExitCode == 0, csrCheck.Output);
        Assert.Contains("DNS:imp1.example.com, DNS:example.com", csrCheck.Output, StringComparison.Ordinal);
    }

    private static ((int ExitCode, string Output) OpenSsl, ValidationResult Ours) Judge(Certificate root, Certificate intermediate,
        Certificate leaf, DateTime at)
    {
        using var dir = new TempDirectory();
        var epoch = new DateTimeOffset(at).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var openssl = Tests.OpenSsl.Run("verify", "-attime", epoch, "-CAfile", dir.Write("root.pem", root.ToPem()),
            "-untrusted", dir.Write("int.pem", intermediate.ToPem()), dir.Write("leaf.pem", leaf.ToPem()));
        var ours = ChainValidator.Validate(leaf, [intermediate], [root], new ValidationOptions(at));
        return (openssl, ours);
    }
}
