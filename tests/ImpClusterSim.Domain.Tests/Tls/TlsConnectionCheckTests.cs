using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Certificates.CertificateFixtures;

namespace ImpClusterSim.Domain.Tests.Tls;

public sealed class TlsConnectionCheckTests
{
    private static readonly NodeSpec ClientSpec = Imp("impa");
    private static readonly NodeSpec ServerSpec = Imp("impb");
    private const string ServerHost = "impb.example.com";

    private static (NodeCertificates Client, NodeCertificates Server, Certificate Leaf) CaSignedServer(
        bool clientFips = false, bool serverFips = false, CertificateFault fault = CertificateFault.None)
    {
        var root = Root();
        var issuing = Intermediate(root, "Test Issuing CA");
        var client = WithChain(Install(ClientSpec, clientFips), "tomcat-trust", root);
        var (server, signed) = CsrSignedBy(WithChain(Install(ServerSpec), "tomcat-trust", root, issuing), "tomcat", issuing, fault);
        server = server.UploadSigned("tomcat", Pem(signed), T0.AddMinutes(5)).State;
        if (serverFips)
        {
            server = server.ChangeFipsMode(true, T0.AddMinutes(6)).State;
        }
        return (client, server, signed);
    }

    private static TlsVerdict Check(NodeCertificates client, NodeCertificates server, Certificate leaf, string host = ServerHost, DateTime? clock = null) =>
        TlsConnectionCheck.Evaluate(TlsConnectionCheck.Attempt(client, "tomcat-trust", server, CertificateUnit.Tomcat, leaf, host, clock ?? T0.AddDays(1)));

    [Fact]
    public void A_ca_signed_server_is_secure_with_the_intermediate_it_holds_and_the_root_the_client_trusts()
    {
        var (client, server, leaf) = CaSignedServer();

        var verdict = Check(client, server, leaf);

        Assert.True(verdict.Secure, verdict.ToString());
    }

    [Fact]
    public void A_self_signed_server_certificate_in_the_clients_trust_store_is_secure()
    {
        var server = Install(ServerSpec);
        var leaf = server.OwnCertificate(CertificateUnit.Tomcat)!.Certificate;
        var client = Install(ClientSpec).UploadTrust("tomcat-trust", leaf.ToPem(), "impb").State;

        Assert.True(Check(client, server, leaf).Secure);
    }

    [Fact]
    public void A_server_the_client_does_not_trust_is_untrusted()
    {
        var server = Install(ServerSpec);
        var leaf = server.OwnCertificate(CertificateUnit.Tomcat)!.Certificate;

        var verdict = Check(Install(ClientSpec), server, leaf);

        Assert.False(verdict.Secure);
        Assert.True(verdict.Has(TlsFailureKind.Untrusted), verdict.ToString());
    }

    [Fact]
    public void A_client_clock_skewed_past_the_leafs_expiry_sees_it_expired()
    {
        var (client, server, leaf) = CaSignedServer();

        var verdict = Check(client, server, leaf, clock: leaf.NotAfter.AddDays(1));

        Assert.False(verdict.Secure);
        Assert.True(verdict.Has(TlsFailureKind.Expired), verdict.ToString());
    }

    [Fact]
    public void A_client_clock_skewed_before_the_leafs_start_sees_it_not_yet_valid()
    {
        var (client, server, leaf) = CaSignedServer();

        var verdict = Check(client, server, leaf, clock: leaf.NotBefore.AddDays(-1));

        Assert.True(verdict.Has(TlsFailureKind.NotYetValid), verdict.ToString());
    }

    [Fact]
    public void Connecting_by_a_name_the_certificate_does_not_carry_is_a_name_mismatch()
    {
        var (client, server, leaf) = CaSignedServer();

        var verdict = Check(client, server, leaf, host: "impc.example.com");

        Assert.False(verdict.Secure);
        Assert.Equal(TlsFailureKind.NameMismatch, Assert.Single(verdict.Failures).Kind);
    }

    [Fact]
    public void A_fips_client_and_a_non_fips_server_do_not_connect_securely()
    {
        var (client, server, leaf) = CaSignedServer(clientFips: true);

        var verdict = Check(client, server, leaf);

        Assert.False(verdict.Secure);
        Assert.True(verdict.Has(TlsFailureKind.FipsPeerMismatch), verdict.ToString());
    }

    [Fact]
    public void A_fips_client_refuses_a_sha1_signed_server_certificate()
    {
        var root = Root();
        var client = WithChain(Install(ClientSpec, fips: true), "tomcat-trust", root);
        var server = Install(ServerSpec, fips: true);
        var leaf = root.IssueLeaf(ServerHost, [ServerHost], Pool.Get("impb/sha1", KeyAlgorithm.EcP256), T0, fault: CertificateFault.Sha1Signature).Certificate;

        var verdict = Check(client, server, leaf);

        Assert.False(verdict.Secure);
        Assert.True(verdict.Has(TlsFailureKind.WeakAlgorithm), verdict.ToString());
        Assert.False(verdict.Has(TlsFailureKind.FipsPeerMismatch));
    }

    [Fact]
    public void A_non_fips_client_accepts_the_same_sha1_signed_certificate()
    {
        var root = Root();
        var client = WithChain(Install(ClientSpec), "tomcat-trust", root);
        var leaf = root.IssueLeaf(ServerHost, [ServerHost], Pool.Get("impb/sha1", KeyAlgorithm.EcP256), T0, fault: CertificateFault.Sha1Signature).Certificate;

        Assert.True(Check(client, Install(ServerSpec), leaf).Secure);
    }
}
