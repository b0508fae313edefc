using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki.Tests;

/// <summary>
/// Honest verdicts: a certificate that decodes as DER but breaks an X.509 rule is an invalid certificate
/// (<see cref="PkiFormatException.IsInvalidCertificate"/>, the rule and its RFC section in the message, no parser text);
/// input that is not a certificate stays a format error.
/// </summary>
public sealed class InvalidCertificateTests
{
    private static readonly Forge Issuer = Forge.For("CN=Raw Issuer", "raw-issuer").Ca();
    private static readonly KeyPair SubjectKey = TestPki.Key("raw-subject");
    private static readonly Asn1Encodable From = Forge.Time(TestPki.Now.AddDays(-1));
    private static readonly Asn1Encodable Until = Forge.Time(TestPki.Now.AddDays(100));

    private static PkiFormatException Refused(byte[] der)
    {
        var e = Assert.Throws<PkiFormatException>(() => CertificateReader.Read(der, "raw.der"));
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void A_well_formed_raw_certificate_is_read()
    {
        var good = Forge.Raw(Issuer, SubjectKey, From, Until, Forge.RawExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature).GetDerEncoded()));

        Assert.Equal("CN=Raw", CertificateReader.Read(good).Single().Subject);
    }

    [Fact]
    public void A_duplicate_extension_makes_the_certificate_invalid()
    {
        var ku = new KeyUsage(KeyUsage.DigitalSignature).GetDerEncoded();
        var e = Refused(Forge.Raw(Issuer, SubjectKey, From, Until, Forge.RawExtension(X509Extensions.KeyUsage, true, ku), Forge.RawExtension(X509Extensions.KeyUsage, true, ku)));

        Assert.True(e.IsInvalidCertificate);
        Assert.Equal("raw.der: invalid certificate: the extension Key Usage (2.5.29.15) appears more than once (RFC 5280 §4.2)", e.Message);
    }

    [Fact]
    public void A_malformed_key_usage_or_basic_constraints_makes_the_certificate_invalid_without_a_stack_trace()
    {
        var ku = Refused(Forge.Raw(Issuer, SubjectKey, From, Until, Forge.RawExtension(X509Extensions.KeyUsage, true, [0x05, 0x00])));
        var bc = Refused(Forge.Raw(Issuer, SubjectKey, From, Until, Forge.RawExtension(X509Extensions.BasicConstraints, true, [0x02, 0x01, 0x05])));

        Assert.Equal("raw.der: invalid certificate: the value of the extension Key Usage (2.5.29.15) is not valid (RFC 5280 §4.2.1.3)", ku.Message);
        Assert.Equal("raw.der: invalid certificate: the value of the extension Basic Constraints (2.5.29.19) is not valid (RFC 5280 §4.2.1.9)", bc.Message);
        Assert.True(ku.IsInvalidCertificate && bc.IsInvalidCertificate);
    }

    [Fact]
    public void A_GeneralizedTime_of_year_0000_makes_the_certificate_invalid()
    {
        // Made with a GeneralizedTime of 2025, then patched to year 0000 (the signature no longer matters).
        var der = Forge.Raw(Issuer, SubjectKey, new DerGeneralizedTime("20250101000000Z"), Until);
        var at = der.AsSpan().IndexOf("20250101000000Z"u8);
        "0000"u8.CopyTo(der.AsSpan(at));
        var e = Refused(der);

        Assert.True(e.IsInvalidCertificate);
        Assert.Contains("'00000101000000Z'", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not a valid time (RFC 5280 §4.1.2.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undecodable_subject_public_key_makes_the_certificate_invalid()
    {
        var der = Forge.Raw(Issuer, SubjectKey, From, Until);
        // Corrupt the EC point inside the subjectPublicKeyInfo (its first byte 0x04 becomes 0x09).
        var spki = SubjectKey.GetPublicKeyDer();
        var at = der.AsSpan().IndexOf(spki) + spki.Length - 65;
        der[at] = 0x09;

        var e = Refused(der);
        Assert.True(e.IsInvalidCertificate);
        Assert.EndsWith("its subject public key cannot be decoded for its algorithm (RFC 5280 §4.1.2.7)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_that_is_not_a_certificate_is_a_format_error_not_an_invalid_certificate()
    {
        var e = Assert.Throws<PkiFormatException>(() => CertificateReader.Read(new DerSequence(DerInteger.ValueOf(1), DerInteger.ValueOf(2)).GetDerEncoded(), "two.der"));

        Assert.False(e.IsInvalidCertificate);
        Assert.Contains("not a certificate", e.Message, StringComparison.Ordinal);
    }
}
