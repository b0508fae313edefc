namespace ImpClusterSim.Pki.Tests;

public sealed class ChainValidatorTests
{
    private static readonly CertificateAuthority Root = TestPki.Root("Validation Root");
    private static readonly CertificateAuthority Intermediate = Root.CreateIntermediate("Intermediate", TestPki.Key("validation-int"), TestPki.Now.AddYears(-1));

    [Fact]
    public void A_chain_with_its_intermediate_is_valid_and_the_path_is_leaf_first()
    {
        var leaf = TestPki.Leaf(Intermediate, "ok.example.com").Certificate;

        var result = ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate],
            new ValidationOptions(TestPki.Now) { HostName = "ok.example.com", RequireServerAuth = true });

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal([leaf, Intermediate.Certificate, Root.Certificate], result.Path);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void An_expired_leaf_is_reported_with_its_expiry_time()
    {
        var leaf = Intermediate.IssueLeaf("x", ["x"], TestPki.Key("expiry"), new DateTime(2029, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            TimeSpan.FromDays(730)).Certificate;

        var result = ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate],
            new ValidationOptions(new DateTime(2031, 6, 1, 0, 0, 0, DateTimeKind.Utc)));

        Assert.False(result.IsValid);
        Assert.Contains("certificate 'CN=x' expired on 2031-01-01T00:00:00Z", result.Reasons);
    }

    [Fact]
    public void A_not_yet_valid_leaf_is_reported()
    {
        var leaf = TestPki.Leaf(Intermediate, "future.example.com", fault: CertificateFault.NotYetValid).Certificate;

        var result = ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], TestPki.At(TestPki.Now));

        Assert.Contains(result.Reasons, r => r.StartsWith("certificate 'CN=future.example.com' is not valid until", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_root_is_reported_as_no_trusted_certificate_signing_the_intermediate()
    {
        var leaf = TestPki.Leaf(Intermediate, "orphan.example.com").Certificate;
        var otherRoot = TestPki.Root("Some Other Root");

        var result = ChainValidator.Validate(leaf, [Intermediate.Certificate], [otherRoot.Certificate], TestPki.At(TestPki.Now));

        Assert.False(result.IsValid);
        Assert.StartsWith("no trusted certificate signs 'CN=Intermediate'", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_trust_anchor_fails_the_chain()
    {
        var oldRoot = CertificateAuthority.CreateRoot("test", "Old Root", TestPki.Key("old-root"), TestPki.Now.AddYears(-3), validityYears: 2);
        var leaf = oldRoot.IssueLeaf("anchor.example.com", ["anchor.example.com"], TestPki.Key("anchor-leaf"), TestPki.Now.AddYears(-2)).Certificate;

        var result = ChainValidator.Validate(leaf, [], [oldRoot.Certificate], TestPki.At(TestPki.Now.AddYears(-1).AddDays(-10)));
        var later = ChainValidator.Validate(leaf, [], [oldRoot.Certificate], TestPki.At(TestPki.Now.AddDays(-1)));

        Assert.True(result.IsValid, result.ToString());
        Assert.False(later.IsValid);
        Assert.Contains(later.Reasons, r => r.StartsWith("certificate 'CN=Old Root' expired on", StringComparison.Ordinal));
    }

    [Fact]
    public void A_self_signed_leaf_in_the_trust_store_is_trusted_directly()
    {
        var tomcat = new NodeCertificateFactory("direct", KeyPool.Shared)
            .CreateSelfSigned(new NodeIdentity("cucm1.example.com"), CertificateUnit.Tomcat, TestPki.Now.AddDays(-1), algorithm: KeyAlgorithm.EcP256);
        var store = TrustStore.Empty("tomcat-trust").Upload(tomcat.Certificate).Store;
        var options = new ValidationOptions(TestPki.Now) { HostName = "cucm1.example.com", RequireServerAuth = true };

        Assert.True(ChainValidator.Validate(tomcat.Certificate, [], store, options).IsValid);
        Assert.Equal(["'CN=cucm1.example.com' is self-signed and not in the trust store"],
            ChainValidator.Validate(tomcat.Certificate, [], TrustStore.Empty("tomcat-trust"), options).Reasons);
    }

    [Fact]
    public void A_regenerated_self_signed_certificate_is_not_trusted_through_the_old_one()
    {
        var factory = new NodeCertificateFactory("regen", KeyPool.Shared);
        var node = new NodeIdentity("imp9.example.com");
        var old = factory.CreateSelfSigned(node, CertificateUnit.Tomcat, TestPki.Now.AddDays(-10), 0, KeyAlgorithm.EcP256);
        var regenerated = factory.CreateSelfSigned(node, CertificateUnit.Tomcat, TestPki.Now.AddDays(-1), 1, KeyAlgorithm.EcP256);

        var result = ChainValidator.Validate(regenerated.Certificate, [], [old.Certificate], TestPki.At(TestPki.Now));

        Assert.False(result.IsValid);
        Assert.Equal([ValidationFailureKind.Untrusted], result.Failures.Select(f => f.Kind));
        Assert.True(ChainValidator.Validate(regenerated.Certificate, [], [regenerated.Certificate], TestPki.At(TestPki.Now)).IsValid);
    }

    [Fact]
    public void A_leaf_with_the_wrong_key_usage_is_refused_for_a_TLS_server()
    {
        var leaf = TestPki.Leaf(Intermediate, "usage.example.com", fault: CertificateFault.WrongKeyUsage).Certificate;

        var server = ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], new ValidationOptions(TestPki.Now) { RequireServerAuth = true });
        var any = ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], TestPki.At(TestPki.Now));

        Assert.False(server.IsValid);
        Assert.Contains(server.Reasons, r => r.Contains("not for TLS servers", StringComparison.Ordinal));
        Assert.True(any.IsValid, any.ToString());
    }

    [Fact]
    public void A_weak_key_is_refused_below_the_configured_minimum()
    {
        var leaf = TestPki.Leaf(Intermediate, "weak-key.example.com", fault: CertificateFault.WeakKey).Certificate;

        Assert.True(ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], TestPki.At(TestPki.Now)).IsValid);
        var strict = ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], new ValidationOptions(TestPki.Now) { MinimumRsaBits = 2048 });
        Assert.Contains(strict.Reasons, r => r.Contains("weak RSA key of 1024 bits", StringComparison.Ordinal));
    }

    [Fact]
    public void Intermediates_may_come_in_any_order_with_unrelated_extras()
    {
        var second = Intermediate.CreateIntermediate("Second Intermediate", TestPki.Key("second-int"), TestPki.Now.AddYears(-1));
        var leaf = TestPki.Leaf(second, "deep.example.com").Certificate;
        var unrelated = TestPki.Root("Unrelated Root").Certificate;

        var result = ChainValidator.Validate(leaf, [unrelated, Intermediate.Certificate, second.Certificate], [Root.Certificate], TestPki.At(TestPki.Now));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(4, result.Path.Count);
    }

    [Fact]
    public void An_intermediate_path_length_of_zero_forbids_a_sub_CA()
    {
        var limited = Root.CreateIntermediate("Limited Intermediate", TestPki.Key("limited"), TestPki.Now.AddYears(-1), pathLength: 0);
        var sub = limited.CreateIntermediate("Sub Intermediate", TestPki.Key("sub"), TestPki.Now.AddYears(-1));
        var direct = TestPki.Leaf(limited, "direct.example.com").Certificate;
        var deep = TestPki.Leaf(sub, "deep2.example.com").Certificate;

        Assert.True(ChainValidator.Validate(direct, [limited.Certificate], [Root.Certificate], TestPki.At(TestPki.Now)).IsValid);
        var result = ChainValidator.Validate(deep, [limited.Certificate, sub.Certificate], [Root.Certificate], TestPki.At(TestPki.Now));
        Assert.Contains("the path length constraint of 'CN=Limited Intermediate' (0) is exceeded: 1 CA certificates follow it", result.Reasons);
    }

    [Fact]
    public void A_leaf_cannot_act_as_a_CA()
    {
        var leafKey = TestPki.Key("leaf-as-ca");
        var fakeCa = Root.IssueLeaf("Fake CA", ["fake.example.com"], leafKey, TestPki.Now.AddDays(-5));
        // Sign with the leaf's key under the leaf's name, as someone holding a leaf's private key could.
        var impostor = CertificateAuthority.CreateRoot("test", "Fake CA", leafKey, TestPki.Now.AddDays(-5));
        var victim = impostor.IssueLeaf("victim.example.com", ["victim.example.com"], TestPki.Key("victim"), TestPki.Now.AddDays(-1)).Certificate;

        var result = ChainValidator.Validate(victim, [fakeCa.Certificate], [Root.Certificate], TestPki.At(TestPki.Now));

        Assert.False(result.IsValid);
        Assert.Contains(result.Reasons, r => r.Contains("is not a CA", StringComparison.Ordinal));
    }

    [Fact]
    public void Validity_is_compared_to_the_second_like_OpenSSL()
    {
        var leaf = TestPki.Leaf(Intermediate, "second.example.com").Certificate;
        var options = (DateTime at) => new ValidationOptions(at);

        Assert.True(ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], options(leaf.NotAfter.AddMilliseconds(999))).IsValid);
        Assert.False(ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], options(leaf.NotAfter.AddSeconds(1))).IsValid);
        Assert.True(ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], options(leaf.NotBefore)).IsValid);
        Assert.False(ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate], options(leaf.NotBefore.AddMilliseconds(-1))).IsValid);
    }

    [Theory]
    [InlineData(CertificateFault.Expired, ValidationFailureKind.Expired)]
    [InlineData(CertificateFault.NotYetValid, ValidationFailureKind.NotYetValid)]
    [InlineData(CertificateFault.WrongKeyUsage, ValidationFailureKind.ServerUsage)]
    [InlineData(CertificateFault.WeakKey, ValidationFailureKind.Fips)]
    [InlineData(CertificateFault.Sha1Signature, ValidationFailureKind.Fips)]
    [InlineData(CertificateFault.WrongSan, ValidationFailureKind.NameMismatch)]
    public void Each_fault_fails_with_its_kind(CertificateFault fault, ValidationFailureKind kind)
    {
        var host = $"kind-{fault}.example.com".ToLowerInvariant();
        var leaf = TestPki.Leaf(Intermediate, host, fault: fault).Certificate;

        var result = ChainValidator.Validate(leaf, [Intermediate.Certificate], [Root.Certificate],
            new ValidationOptions(TestPki.Now) { HostName = host, RequireServerAuth = true, Fips = true });

        Assert.False(result.IsValid);
        Assert.True(result.HasFailure(kind), result.ToString());
        Assert.Equal(result.Reasons, result.Failures.Select(f => f.Reason));
    }

    [Fact]
    public void A_missing_issuer_and_a_bad_signature_have_their_kinds()
    {
        var leaf = TestPki.Leaf(Intermediate, "kinds.example.com").Certificate;
        var tampered = leaf.GetDer();
        tampered[^3] ^= 0x10;

        Assert.True(ChainValidator.Validate(leaf, [], [Root.Certificate], TestPki.At(TestPki.Now)).HasFailure(ValidationFailureKind.Untrusted));
        Assert.True(ChainValidator.Validate(CertificateReader.DecodeCertificate(tampered), [Intermediate.Certificate], [Root.Certificate], TestPki.At(TestPki.Now))
            .HasFailure(ValidationFailureKind.Signature));
    }
}
