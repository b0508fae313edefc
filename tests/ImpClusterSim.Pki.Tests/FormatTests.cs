using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace ImpClusterSim.Pki.Tests;

public sealed class FormatTests
{
    private static readonly CertificateAuthority Root = TestPki.Root("Format Root");
    private static readonly CertificateAuthority Intermediate = Root.CreateIntermediate("Format Intermediate", TestPki.Key("format-int"), TestPki.Now);
    private static readonly Certificate Leaf = TestPki.Leaf(Intermediate, "format.example.com").Certificate;

    [Fact]
    public void A_certificate_survives_PEM_and_DER_round_trips()
    {
        Assert.Equal(Leaf, CertificateReader.Read(System.Text.Encoding.ASCII.GetBytes(Leaf.ToPem())).Single());
        Assert.Equal(Leaf, CertificateReader.Read(Leaf.GetDer()).Single());
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", Leaf.ToPem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_PEM_blocks_in_one_file_are_read_in_order_and_other_blocks_are_skipped()
    {
        var text = "Bag Attributes: leaf\n" + Leaf.ToPem() + TestPki.Key("format-key").ToPrivateKeyPem() + "subject=...\n"
            + Intermediate.Certificate.ToPem() + Root.Certificate.ToPem();

        var certificates = CertificateReader.ReadPem(text);

        Assert.Equal([Leaf, Intermediate.Certificate, Root.Certificate], certificates);
    }

    [Fact]
    public void A_PKCS7_chain_is_accepted_in_PEM_and_in_DER()
    {
        var pkcs7 = Pkcs7([Root.Certificate, Intermediate.Certificate, Leaf]);

        Assert.Equal([Root.Certificate, Intermediate.Certificate, Leaf], CertificateReader.ReadPem(Pem.Encode("PKCS7", pkcs7)));
        Assert.Equal([Root.Certificate, Intermediate.Certificate, Leaf], CertificateReader.Read(pkcs7));
    }

    [Fact]
    public void A_bad_base64_character_is_reported_with_its_line()
    {
        var lines = Leaf.ToPem().Split('\n');
        lines[2] = "!" + lines[2][1..];

        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.ReadPem(string.Join('\n', lines), "leaf.pem"));

        Assert.StartsWith("leaf.pem: line 3: PEM block 'CERTIFICATE' is not valid base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64_of_the_wrong_length_is_reported()
    {
        var lines = Leaf.ToPem().Split('\n');
        lines[2] = lines[2][..^1];

        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.ReadPem(string.Join('\n', lines)));

        Assert.Contains("line 1: PEM block 'CERTIFICATE' is not valid base64 (wrong length or padding)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_its_END_line_is_reported()
    {
        var text = Leaf.ToPem().Replace("-----END CERTIFICATE-----\n", "", StringComparison.Ordinal);

        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.ReadPem(text));

        Assert.Contains("line 1: PEM block 'CERTIFICATE' has no END line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_DER_is_reported_with_the_offset_where_decoding_failed()
    {
        var der = Leaf.GetDer()[..200];

        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.Read(der, "leaf.der"));

        Assert.Matches("^leaf.der: not a certificate: DER decoding failed at offset (1[0-9][0-9]): element of [0-9]+ bytes runs past the end", error.Message);
        Assert.Contains("runs past the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Well_formed_DER_that_is_not_a_certificate_is_reported()
    {
        var der = new DerSequence(DerInteger.ValueOf(1), DerInteger.ValueOf(2)).GetDerEncoded();

        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.Read(der, "numbers.der"));

        Assert.StartsWith("numbers.der: not a certificate:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PEM_certificate_block_holding_garbage_names_its_line()
    {
        var text = "junk\n" + Pem.Encode("CERTIFICATE", [0x30, 0x03, 0x02, 0x01, 0x05]);

        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.ReadPem(text, "odd.pem"));

        Assert.StartsWith("odd.pem: line 2: PEM block 'CERTIFICATE': not a certificate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello world\n", "no certificate found (no PEM block at all")]
    [InlineData("", "the input is empty")]
    public void Input_without_certificates_is_reported(string text, string expected)
    {
        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.Read(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_only_a_key_is_reported_as_holding_no_certificate()
    {
        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.ReadPem(TestPki.Key("only-key").ToPrivateKeyPem()));

        Assert.Contains("no certificate found (only 'PRIVATE KEY'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_format_error_not_a_crash()
    {
        var error = Assert.Throws<PkiFormatException>(() => CertificateReader.ReadFile("/nonexistent/dir/x.pem"));

        Assert.Contains("cannot read the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PEM_file_with_a_byte_order_mark_and_CRLF_line_ends_is_read()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.ASCII.GetBytes(Leaf.ToPem().Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        Assert.Equal(Leaf, CertificateReader.Read(bytes).Single());
    }

    private static byte[] Pkcs7(IEnumerable<Certificate> certificates)
    {
        var signedData = new SignedData(new DerSet(), new ContentInfo(CmsObjectIdentifiers.Data, null),
            new DerSet(certificates.Select(c => (Asn1Encodable)Asn1Object.FromByteArray(c.GetDer())).ToArray()), null, new DerSet());
        return new ContentInfo(PkcsObjectIdentifiers.SignedData, signedData).GetDerEncoded();
    }
}
