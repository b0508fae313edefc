namespace ImpClusterSim.Pki.Tests;

public sealed class CertificateTests
{
    [Fact]
    public void A_certificate_knows_which_certificate_signed_it()
    {
        var root = TestPki.Root("Signer Root");
        var other = TestPki.Root("Signer Root", KeyAlgorithm.EcP384);
        var leaf = TestPki.Leaf(root, "signed.example.com").Certificate;

        Assert.True(leaf.IsSignedBy(root.Certificate));
        Assert.False(leaf.IsSignedBy(other.Certificate));
        Assert.False(root.Certificate.IsSignedBy(leaf));
        Assert.True(root.Certificate.IsSignedBy(root.Certificate));
    }

    [Fact]
    public void A_certificate_lists_its_extensions_with_criticality()
    {
        var leaf = TestPki.Leaf(TestPki.Root("Extensions Root"), "ext.example.com").Certificate;

        Assert.Contains(new CertificateExtension("2.5.29.19", "Basic Constraints", true), leaf.Extensions);
        Assert.Contains(new CertificateExtension("2.5.29.15", "Key Usage", true), leaf.Extensions);
        Assert.Contains(new CertificateExtension("2.5.29.17", "Subject Alternative Name", false), leaf.Extensions);
        Assert.Contains(new CertificateExtension("2.5.29.37", "Extended Key Usage", false), leaf.Extensions);
    }

    [Fact]
    public void The_fingerprint_is_the_SHA256_of_the_DER_bytes()
    {
        var leaf = TestPki.Leaf(TestPki.Root("Fingerprint Root"), "fp.example.com").Certificate;
        var expected = string.Join(':', System.Security.Cryptography.SHA256.HashData(leaf.GetDer()).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, leaf.Sha256Fingerprint);
    }

    [Fact]
    public void Certificates_are_equal_when_their_bytes_are_equal()
    {
        var leaf = TestPki.Leaf(TestPki.Root("Equality Root"), "eq.example.com").Certificate;
        var copy = CertificateReader.DecodeCertificate(leaf.GetDer());

        Assert.Equal(leaf, copy);
        Assert.Equal(leaf.GetHashCode(), copy.GetHashCode());
    }
}
