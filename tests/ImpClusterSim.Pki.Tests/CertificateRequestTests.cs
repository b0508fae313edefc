using System.Globalization;

namespace ImpClusterSim.Pki.Tests;

public sealed class CertificateRequestTests
{
    [Fact]
    public void A_CSR_survives_PEM_and_DER_round_trips()
    {
        var request = CertificateRequest.Create("imp1.example.com", ["imp1.example.com", "example.com"], TestPki.Key("csr-round-trip"));

        var fromPem = CertificateRequestReader.Read(System.Text.Encoding.ASCII.GetBytes(request.ToPem()));
        var fromDer = CertificateRequestReader.Read(request.GetDer());

        Assert.Equal(request.GetDer(), fromPem.GetDer());
        Assert.Equal(request.GetDer(), fromDer.GetDer());
        Assert.Equal(["imp1.example.com", "example.com"], fromPem.DnsNames);
        Assert.True(fromPem.SignatureIsValid());
    }

    [Fact]
    public void A_malformed_CSR_is_reported_with_its_place()
    {
        var error = Assert.Throws<PkiFormatException>(() => CertificateRequestReader.Read(
            System.Text.Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE REQUEST-----\nMAMCAQU=\n-----END CERTIFICATE REQUEST-----\n"), "tomcat.csr"));

        Assert.StartsWith("tomcat.csr: line 1: PEM block 'CERTIFICATE REQUEST': not a certificate request", error.Message, StringComparison.Ordinal);
    }

    [OpenSslFact]
    public void A_CSR_made_by_openssl_is_signed_here_and_the_result_verifies_in_openssl()
    {
        using var dir = new TempDirectory();
        var key = dir.Write("key.pem", TestPki.Key("openssl-csr", KeyAlgorithm.Rsa2048).ToPrivateKeyPem());
        var csrPath = Path.Combine(dir.Path, "req.csr");
        var made = OpenSsl.Run("req", "-new", "-key", key, "-subj", "/CN=cucm1.example.com", "-addext",
            "subjectAltName=DNS:cucm1.example.com,DNS:cucm1", "-sha256", "-out", csrPath);
        Assert.True(made.ExitCode == 0, made.Output);
        var request = CertificateRequestReader.Read(File.ReadAllBytes(csrPath), csrPath);
        var root = TestPki.Root("OpenSSL CSR Root");

        var signed = root.Issue(request, TestPki.Now.AddDays(-1));
        var verify = OpenSsl.Run("verify", "-attime", new DateTimeOffset(TestPki.Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "-CAfile", dir.Write("root.pem", root.Certificate.ToPem()), dir.Write("signed.pem", signed.ToPem()));

        Assert.Equal(["cucm1.example.com", "cucm1"], request.DnsNames);
        Assert.Equal("CN=cucm1.example.com", signed.Subject);
        Assert.Equal(["cucm1.example.com", "cucm1"], signed.DnsNames);
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [Theory]
    [InlineData(SignatureHash.Sha1, "SHA1WITH")]
    [InlineData(SignatureHash.Sha384, "SHA384WITH")]
    [InlineData(null, "SHA256WITH")]
    public void A_CA_signs_a_CSR_with_the_hash_it_is_asked_for(SignatureHash? hash, string expected)
    {
        var request = CertificateRequest.Create("imp1.example.com", ["imp1.example.com"], TestPki.Key("csr-hash"));
        var root = TestPki.Root("Hash Choice Root");

        var signed = root.Issue(request, TestPki.Now.AddDays(-1), hash: hash);

        Assert.StartsWith(expected, signed.SignatureAlgorithm.ToUpperInvariant().Replace("-", ""), StringComparison.Ordinal);
        Assert.Equal(request.PublicKey, signed.Bc.GetPublicKey());
    }
}
