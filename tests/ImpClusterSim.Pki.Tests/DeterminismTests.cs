using System.Security.Cryptography;

namespace ImpClusterSim.Pki.Tests;

public sealed class DeterminismTests
{
    private static readonly DateTime Installed = new(2026, 1, 5, 9, 30, 0, DateTimeKind.Utc);

    // Computed once in another process: equal values here prove bytes do not depend on the process.
    private const string GoldenEcKey = "7d4ca42c5b6f9f8156d6eec36b38854c4b7aff1320e4c10158c5cd0afe909f50";
    private const string GoldenEcCertificate = "e69be7142ae803b0898de0f5836a93a90a90f81f9570228bbc81213e61cf1651";
    private const string GoldenRsaCertificate = "ceaca1e3aeae8f8d42e8a32e29e97e3f43f4a49ea5b803b43ac8580f97a6bbd0";

    [Fact]
    public void The_same_key_id_gives_byte_identical_keys_without_any_cache()
    {
        var first = KeyGenerator.Generate(KeyAlgorithm.EcP256, "seed-1/imp1.example.com/tomcat/0");
        var second = KeyGenerator.Generate(KeyAlgorithm.EcP256, "seed-1/imp1.example.com/tomcat/0");

        Assert.Equal(first.GetPrivateKeyDer(), second.GetPrivateKeyDer());
        Assert.Equal(GoldenEcKey, Hash(first.GetPrivateKeyDer()));
    }

    [Fact]
    public void A_different_key_id_gives_a_different_key()
    {
        var first = KeyGenerator.Generate(KeyAlgorithm.EcP256, "seed-1/imp1.example.com/tomcat/0");
        var other = KeyGenerator.Generate(KeyAlgorithm.EcP256, "seed-2/imp1.example.com/tomcat/0");

        Assert.NotEqual(first.PublicKeyFingerprint, other.PublicKeyFingerprint);
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_node_certificates_in_any_process()
    {
        var node = new NodeIdentity("imp1.example.com", ["example.com"]);
        var ec = new NodeCertificateFactory("seed-1", new KeyPool(KeyPoolMode.Exact))
            .CreateSelfSigned(node, CertificateUnit.CupXmppS2s, Installed, algorithm: KeyAlgorithm.EcP256);
        var rsa = new NodeCertificateFactory("seed-1", new KeyPool(KeyPoolMode.Pooled))
            .CreateSelfSigned(node, CertificateUnit.Tomcat, Installed, algorithm: KeyAlgorithm.Rsa2048);

        Assert.Equal(GoldenEcCertificate, Hash(ec.Certificate.GetDer()));
        Assert.Equal(GoldenRsaCertificate, Hash(rsa.Certificate.GetDer()));
    }

    [Fact]
    public void A_different_seed_gives_different_certificates_and_keys()
    {
        var node = new NodeIdentity("imp1.example.com");
        var pool = new KeyPool(KeyPoolMode.Exact);
        var one = new NodeCertificateFactory("seed-1", pool).CreateSelfSigned(node, CertificateUnit.Tomcat, Installed, algorithm: KeyAlgorithm.EcP256);
        var two = new NodeCertificateFactory("seed-2", pool).CreateSelfSigned(node, CertificateUnit.Tomcat, Installed, algorithm: KeyAlgorithm.EcP256);

        Assert.NotEqual(one.Certificate, two.Certificate);
        Assert.NotEqual(one.Certificate.SerialNumberHex, two.Certificate.SerialNumberHex);
        Assert.NotEqual(one.Key.PublicKeyFingerprint, two.Key.PublicKeyFingerprint);
    }

    [Fact]
    public void An_exact_pool_key_is_the_key_the_generator_makes_for_its_id()
    {
        var pooled = new KeyPool(KeyPoolMode.Exact).Get("seed-1/imp1.example.com/tomcat/0", KeyAlgorithm.EcP256);

        Assert.Equal(GoldenEcKey, Hash(pooled.GetPrivateKeyDer()));
    }

    [Fact]
    public void Which_key_a_node_gets_does_not_depend_on_the_order_of_requests()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"order/node{i}.example.com/tomcat/0").ToArray();
        var forward = new KeyPool(KeyPoolMode.Pooled);
        var backward = new KeyPool(KeyPoolMode.Pooled);

        var a = ids.Select(id => forward.Get(id, KeyAlgorithm.Rsa2048).PublicKeyFingerprint).ToArray();
        var b = ids.Reverse().Select(id => backward.Get(id, KeyAlgorithm.Rsa2048).PublicKeyFingerprint).Reverse().ToArray();

        Assert.Equal(a, b);
        Assert.True(a.Distinct().Count() > 30, "40 ids should spread over the 128-key pool");
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa1024, 0)]
    [InlineData(KeyAlgorithm.Rsa1024, 31)]
    [InlineData(KeyAlgorithm.Rsa2048, 0)]
    public void A_shipped_pool_key_is_the_key_its_seed_generates(KeyAlgorithm algorithm, int slot)
    {
        var shipped = RsaKeyPoolFile.Load(algorithm, slot);
        var regenerated = KeyGenerator.GenerateRaw(algorithm, RsaKeyPoolFile.SlotRandom(algorithm, slot));

        Assert.Equal(
            Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(regenerated.Private).GetDerEncoded(),
            Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(shipped.Private).GetDerEncoded());
    }

    [Fact]
    public void The_pool_has_the_documented_sizes()
    {
        Assert.Equal(128, RsaKeyPoolFile.Size(KeyAlgorithm.Rsa2048));
        foreach (var algorithm in new[] { KeyAlgorithm.Rsa1024, KeyAlgorithm.Rsa2048, KeyAlgorithm.Rsa3072, KeyAlgorithm.Rsa4096 })
        {
            var last = RsaKeyPoolFile.Size(algorithm) - 1;
            var key = (Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters)RsaKeyPoolFile.Load(algorithm, last).Public;
            Assert.Equal(algorithm.Bits(), key.Modulus.BitLength);
        }
    }

    [Fact]
    public void A_CA_issues_the_same_certificate_whatever_else_it_issued_before()
    {
        var request = CertificateRequest.Create("imp2.example.com", ["imp2.example.com"], TestPki.Key("order-csr"));
        var ca1 = TestPki.Root("Order Root");
        var ca2 = TestPki.Root("Order Root");
        _ = ca2.IssueLeaf("other.example.com", ["other.example.com"], TestPki.Key("other"), TestPki.Now);

        Assert.Equal(ca1.Issue(request, TestPki.Now), ca2.Issue(request, TestPki.Now));
    }

    private static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
