using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki.Tests;

/// <summary>The purpose through the chain: the leaf's EKU, and an intermediate's EKU restricting what it certifies (as OpenSSL).</summary>
public sealed class PurposeTests
{
    private static readonly Forge Root = Forge.For("CN=Purpose Root", "purpose-root").Ca();

    private static ValidationResult Validate(KeyPurposeID[] caEku, KeyPurposeID[] leafEku, CertificatePurpose purpose, string id)
    {
        var ca = Forge.For("CN=Purpose CA", "purpose-ca" + id).Ca();
        if (caEku.Length > 0)
        {
            ca.Eku(caEku);
        }
        var leaf = Forge.For("CN=purpose leaf", "purpose-leaf" + id).Eku(leafEku).SignedBy(ca);
        return ChainValidator.Validate(leaf, [ca.SignedBy(Root)], [Root.SelfSigned()], Forge.At with { Purpose = purpose });
    }

    [Fact]
    public void An_intermediate_restricted_to_client_authentication_restricts_its_leaves()
    {
        KeyPurposeID[] client = [KeyPurposeID.id_kp_clientAuth];
        KeyPurposeID[] both = [KeyPurposeID.id_kp_serverAuth, KeyPurposeID.id_kp_clientAuth];

        Assert.True(Validate(client, both, CertificatePurpose.Client, "-1").IsValid);
        var server = Validate(client, both, CertificatePurpose.Server, "-1");
        Assert.False(server.IsValid);
        Assert.Equal("CA certificate 'CN=Purpose CA' restricts its extended key usage to TLS Web Client Authentication, so the certificates below it are not for TLS servers",
            Assert.Single(server.Reasons));
    }

    [Fact]
    public void An_intermediate_without_EKU_or_with_anyExtendedKeyUsage_restricts_nothing()
    {
        KeyPurposeID[] server = [KeyPurposeID.id_kp_serverAuth];

        Assert.True(Validate([], server, CertificatePurpose.Server, "-2").IsValid);
        Assert.True(Validate([KeyPurposeID.AnyExtendedKeyUsage], server, CertificatePurpose.Server, "-3").IsValid);
    }

    [Fact]
    public void A_client_purpose_needs_client_authentication_in_the_leaf()
    {
        var result = Validate([], [KeyPurposeID.id_kp_serverAuth], CertificatePurpose.Client, "-4");

        Assert.False(result.IsValid);
        Assert.Contains("is not for TLS clients (its extended key usage lacks TLS Web Client Authentication)", Assert.Single(result.Reasons), StringComparison.Ordinal);
        Assert.True(Validate([], [KeyPurposeID.id_kp_serverAuth], CertificatePurpose.Any, "-4").IsValid);
    }
}
