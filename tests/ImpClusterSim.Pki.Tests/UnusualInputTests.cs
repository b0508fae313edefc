using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki.Tests;

public sealed class UnusualInputTests
{
    [Fact]
    public void A_CA_with_an_unreadable_public_key_gives_a_reason_not_an_exception()
    {
        var root = TestPki.Root("Unusual Root");
        var odd = SignedTbs("CN=Odd Key CA", "CN=Unusual Root", new SubjectPublicKeyInfo(new AlgorithmIdentifier(new DerObjectIdentifier("1.2.3.4.5")), new byte[] { 1, 2, 3 }),
            root.Key.Private, isCa: true);
        var child = root.IssueLeaf("child.example.com", ["child.example.com"], TestPki.Key("odd-child"), TestPki.Now).Certificate;
        var orphan = SignedTbs("CN=orphan.example.com", "CN=Odd Key CA", child.Bc.CertificateStructure.SubjectPublicKeyInfo, TestPki.Key("someone").Private, isCa: false);

        Assert.Equal("1.2.3.4.5", odd.KeyDescription);
        var result = ChainValidator.Validate(orphan, [odd], [root.Certificate], TestPki.At(TestPki.Now));

        Assert.False(result.IsValid);
        Assert.Contains(result.Reasons, r => r.Contains("the public key of 'CN=Odd Key CA' cannot be read", StringComparison.Ordinal));
    }

    private static Certificate SignedTbs(string subject, string issuer, SubjectPublicKeyInfo key, Org.BouncyCastle.Crypto.AsymmetricKeyParameter signer, bool isCa)
    {
        var tbs = new V3TbsCertificateGenerator();
        tbs.SetSerialNumber(new DerInteger(BigInteger.ValueOf(99)));
        tbs.SetIssuer(new X509Name(issuer));
        tbs.SetSubject(new X509Name(subject));
        tbs.SetStartDate(new Time(TestPki.Now.AddDays(-10)));
        tbs.SetEndDate(new Time(TestPki.Now.AddDays(10)));
        tbs.SetSubjectPublicKeyInfo(key);
        var factory = new Asn1SignatureFactory("SHA256WITHECDSA", signer, DeterministicRandom.For("odd-tbs", subject));
        tbs.SetSignature((AlgorithmIdentifier)factory.AlgorithmDetails);
        var extensions = new X509ExtensionsGenerator();
        extensions.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(isCa));
        tbs.SetExtensions(extensions.Generate());
        var structure = tbs.GenerateTbsCertificate();
        var calculator = factory.CreateCalculator();
        using (var stream = calculator.Stream)
        {
            structure.EncodeTo(stream, Asn1Encodable.Der);
        }
        var signature = calculator.GetResult().Collect();
        var certificate = new X509CertificateStructure(structure, (AlgorithmIdentifier)factory.AlgorithmDetails, new DerBitString(signature));
        return CertificateReader.DecodeCertificate(certificate.GetDerEncoded());
    }
}
