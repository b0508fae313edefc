using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Crypto.Digests;

namespace ImpClusterSim.Pki.Tests;

/// <summary>
/// What a process reuses between runs (docs/pki.md, "Determinism"): a self-signed certificate asked for again with the
/// same key id, validity and names is the one made before (<see cref="NodeCertificateFactory.CreateSelfSigned"/>), a
/// certificate made or read again with the same bytes is the same object (<see cref="CertificateInterner"/>), and an RSA signature over the same bytes is remembered
/// (<see cref="SignatureMemo"/>) and equal to the one BouncyCastle computes.
/// </summary>
public sealed class ReuseTests
{
    private static readonly DateTime Installed = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly NodeIdentity Node = new("reuse-imp1.example.com", ["example.com"]);

    [Fact]
    public void A_certificate_made_twice_is_the_same_object()
    {
        var factory = new NodeCertificateFactory("reuse-tests", KeyPool.Shared);
        var first = factory.CreateSelfSigned(Node, CertificateUnit.Tomcat, Installed);
        var again = factory.CreateSelfSigned(Node, CertificateUnit.Tomcat, Installed);
        var sameSecond = factory.CreateSelfSigned(Node, CertificateUnit.Tomcat, Installed.AddMilliseconds(300));
        var later = factory.CreateSelfSigned(Node, CertificateUnit.Tomcat, Installed.AddMinutes(1));

        Assert.Same(first, again); // remembered whole: not built, encoded and parsed again
        // A certificate says its validity in whole seconds, and its serial derives from what it says: made again in the
        // same second for the same key, it is the same certificate.
        Assert.Same(first, sameSecond);
        Assert.NotSame(first.Certificate, later.Certificate);
        Assert.NotEqual(first.Certificate, later.Certificate);
    }

    [Fact]
    public void A_certificate_read_from_its_PEM_is_the_one_made_and_a_new_one_is_parsed()
    {
        var made = new NodeCertificateFactory("reuse-tests", KeyPool.Shared).CreateSelfSigned(Node, CertificateUnit.Cup, Installed).Certificate;

        var read = Assert.Single(CertificateReader.ReadPem(made.ToPem(), "made.pem"));

        Assert.Same(made, read);
        Assert.True(read.MadeHere);
    }

    [Fact]
    public void A_remembered_RSA_signature_is_the_one_BouncyCastle_computes()
    {
        var factory = new NodeCertificateFactory("reuse-tests-signature", KeyPool.Shared);
        var first = factory.CreateSelfSigned(Node, CertificateUnit.CupXmpp, Installed);
        // Another pool remembers no certificate of its own, so the second build signs the same TBS bytes again with the
        // same key (pool keys are shared by slot): its signature comes from the memo.
        var second = new NodeCertificateFactory("reuse-tests-signature", new KeyPool(KeyPoolMode.Pooled))
            .CreateSelfSigned(Node, CertificateUnit.CupXmpp, Installed);
        Assert.NotSame(first, second);
        var tbs = second.Certificate.Bc.GetTbsCertificate();
        var signer = new RsaDigestSigner(new Sha256Digest());
        signer.Init(true, first.Key.Private);
        signer.BlockUpdate(tbs, 0, tbs.Length);

        Assert.Equal(signer.GenerateSignature(), second.Certificate.Bc.GetSignature());
    }
}
