using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki.Tests;

public sealed class FipsPolicyTests
{
    private static readonly CertificateAuthority Ca = TestPki.Root("FIPS Test Root", KeyAlgorithm.Rsa2048);

    [Theory]
    [InlineData(KeyAlgorithm.Rsa2048)]
    [InlineData(KeyAlgorithm.Rsa3072)]
    [InlineData(KeyAlgorithm.Rsa4096)]
    [InlineData(KeyAlgorithm.EcP256)]
    [InlineData(KeyAlgorithm.EcP384)]
    public void Approved_keys_with_SHA256_are_accepted(KeyAlgorithm algorithm)
    {
        var leaf = TestPki.Leaf(Ca, $"fips-ok-{algorithm}.example.com".ToLowerInvariant(), algorithm).Certificate;

        Assert.Empty(FipsPolicy.Evaluate(leaf));
        Assert.True(FipsPolicy.Allows(leaf));
    }

    [Fact]
    public void An_RSA_1024_key_is_refused()
    {
        var leaf = TestPki.Leaf(Ca, "weak.example.com", fault: CertificateFault.WeakKey).Certificate;

        Assert.Equal("RSA 1024", leaf.KeyDescription);
        Assert.Contains(FipsPolicy.Evaluate(leaf), r => r.Contains("RSA key of 1024 bits, below the FIPS minimum of 2048", StringComparison.Ordinal));
    }

    [Fact]
    public void An_RSA_key_above_4096_bits_is_refused()
    {
        var big = ((RsaKeyParameters)RsaKeyPoolFile.Load(KeyAlgorithm.Rsa4096, 0).Public).Modulus
            .Multiply(((RsaKeyParameters)RsaKeyPoolFile.Load(KeyAlgorithm.Rsa4096, 1).Public).Modulus);
        var leaf = Build(new RsaKeyParameters(false, big, BigInteger.ValueOf(65537)), "SHA256WITHECDSA");

        Assert.Contains(FipsPolicy.Evaluate(leaf), r => r.Contains("above the FIPS maximum of 4096", StringComparison.Ordinal));
    }

    [Fact]
    public void A_SHA1_signature_is_refused()
    {
        var leaf = TestPki.Leaf(Ca, "sha1.example.com", KeyAlgorithm.Rsa2048, CertificateFault.Sha1Signature).Certificate;

        Assert.Equal("SHA1WITHRSA", leaf.SignatureAlgorithm);
        Assert.Contains(FipsPolicy.Evaluate(leaf), r => r.Contains("SHA-1 signatures are not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void An_MD5_signature_is_refused()
    {
        var key = TestPki.Key("md5-subject", KeyAlgorithm.Rsa2048);
        var leaf = Build(key.Public, "MD5WITHRSA", RsaKeyPoolFile.Load(KeyAlgorithm.Rsa2048, 5).Private);

        Assert.Contains(FipsPolicy.Evaluate(leaf), r => r.Contains("MD5 signatures are not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_curve_other_than_P256_or_P384_is_refused()
    {
        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP521r1, DeterministicRandom.For("p521")));
        var leaf = Build(generator.GenerateKeyPair().Public, "SHA256WITHECDSA");

        Assert.Equal("EC P-521", leaf.KeyDescription);
        Assert.Contains(FipsPolicy.Evaluate(leaf), r => r.Contains("only P-256 and P-384", StringComparison.Ordinal));
    }

    [Fact]
    public void A_DSA_key_and_a_DSA_signature_are_refused()
    {
        var dsa = Pkits.Load("ValidDSASignaturesTest4EE");

        var reasons = FipsPolicy.Evaluate(dsa);

        Assert.Contains(reasons, r => r.Contains("DSA is not allowed", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("DSA signatures are not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_and_hash_choices_for_new_certificates_follow_the_same_rules()
    {
        Assert.NotEmpty(FipsPolicy.Evaluate(KeyAlgorithm.Rsa1024, SignatureHash.Sha256));
        Assert.NotEmpty(FipsPolicy.Evaluate(KeyAlgorithm.Rsa2048, SignatureHash.Sha1));
        Assert.Empty(FipsPolicy.Evaluate(KeyAlgorithm.Rsa2048, SignatureHash.Sha256));
        Assert.Empty(FipsPolicy.Evaluate(KeyAlgorithm.EcP384, SignatureHash.Sha384));
    }

    [Fact]
    public void Validation_in_FIPS_mode_fails_a_SHA1_chain_that_passes_outside_FIPS_mode()
    {
        var leaf = TestPki.Leaf(Ca, "sha1-chain.example.com", KeyAlgorithm.Rsa2048, CertificateFault.Sha1Signature).Certificate;

        var normal = ChainValidator.Validate(leaf, [], [Ca.Certificate], new ValidationOptions(TestPki.Now));
        var fips = ChainValidator.Validate(leaf, [], [Ca.Certificate], new ValidationOptions(TestPki.Now) { Fips = true });

        Assert.True(normal.IsValid, normal.ToString());
        Assert.False(fips.IsValid);
        Assert.Contains(fips.Reasons, r => r.Contains("SHA-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_in_FIPS_mode_accepts_an_approved_chain()
    {
        var leaf = TestPki.Leaf(Ca, "fips-chain.example.com", KeyAlgorithm.EcP384).Certificate;

        Assert.True(ChainValidator.Validate(leaf, [], [Ca.Certificate], new ValidationOptions(TestPki.Now) { Fips = true }).IsValid);
    }

    [Fact]
    public void A_PKITS_DSA_chain_is_valid_outside_FIPS_mode_and_invalid_in_it()
    {
        var anchor = Pkits.Load("TrustAnchorRootCertificate");
        var ca = Pkits.Load("DSACACert");
        var leaf = Pkits.Load("ValidDSASignaturesTest4EE");

        Assert.True(ChainValidator.Validate(leaf, [ca], [anchor], new ValidationOptions(Pkits.ValidationTime)).IsValid);
        Assert.False(ChainValidator.Validate(leaf, [ca], [anchor], new ValidationOptions(Pkits.ValidationTime) { Fips = true }).IsValid);
    }

    private static Certificate Build(Org.BouncyCastle.Crypto.AsymmetricKeyParameter subjectKey, string signatureAlgorithm,
        Org.BouncyCastle.Crypto.AsymmetricKeyParameter? signingKey = null)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.ValueOf(7));
        generator.SetIssuerDN(new X509Name("CN=Odd CA"));
        generator.SetSubjectDN(new X509Name("CN=odd.example.com"));
        generator.SetNotBefore(TestPki.Now.AddDays(-1));
        generator.SetNotAfter(TestPki.Now.AddYears(1));
        generator.SetPublicKey(subjectKey);
        var signer = new Asn1SignatureFactory(signatureAlgorithm, signingKey ?? TestPki.Key("odd-ca").Private, DeterministicRandom.For("odd"));
        return new Certificate(generator.Generate(signer));
    }
}
