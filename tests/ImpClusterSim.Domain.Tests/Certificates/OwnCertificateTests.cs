using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Certificates.CertificateFixtures;

namespace ImpClusterSim.Domain.Tests.Certificates;

public sealed class OwnCertificateTests
{
    private static readonly NodeSpec Node = Imp("imp2");

    [Fact]
    public void A_ca_signed_leaf_with_its_chain_in_the_trust_store_replaces_the_unit_certificate()
    {
        var root = Root();
        var issuing = Intermediate(root, "Test Issuing CA");
        var (node, signed) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root, issuing), "tomcat", issuing);

        var result = node.UploadSigned("tomcat", Pem(signed), T0.AddMinutes(10));

        Assert.True(result.Accepted, result.Reply);
        Assert.Equal("Successfully imported certificate for tomcat.", result.Reply);
        Assert.Equal(signed, result.State.OwnCertificate(CertificateUnit.Tomcat)!.Certificate);
        Assert.Equal("Certificate Signed by Test Issuing CA", result.State.ListOwn()[0].Description);
        var changed = Assert.IsType<OwnCertificateChanged>(Assert.Single(result.Events));
        Assert.Equal(["Cisco Tomcat"], changed.ServicesToRestart.ToArray());
    }

    [Fact]
    public void A_leaf_without_its_chain_is_refused()
    {
        var root = Root();
        var issuing = Intermediate(root, "Test Issuing CA");
        var (node, signed) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root), "tomcat", issuing);

        var result = node.UploadSigned("tomcat", Pem(signed), T0.AddMinutes(10));

        Assert.False(result.Accepted);
        Assert.Contains("chain", result.Reply, StringComparison.Ordinal);
        Assert.Contains("tomcat-trust", result.Reply, StringComparison.Ordinal);
        Assert.Same(node, result.State);
    }

    [Fact]
    public void A_leaf_whose_chain_is_in_another_store_is_refused()
    {
        var root = Root();
        var (node, signed) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root), "cup-xmpp", root);

        var result = node.UploadSigned("cup-xmpp", Pem(signed), T0.AddMinutes(10));

        Assert.False(result.Accepted);
        Assert.Contains("cup-xmpp-trust", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaf_whose_sans_differ_from_the_csr_is_refused_with_the_vos_message()
    {
        var root = Root();
        var (node, signed) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root), "tomcat", root, CertificateFault.WrongSan);

        var result = node.UploadSigned("tomcat", Pem(signed), T0.AddMinutes(10));

        Assert.False(result.Accepted);
        Assert.Equal("CSR SAN and Certificate SAN does not match", result.Reply);
        Assert.Same(node, result.State);
    }

    [Fact]
    public void A_leaf_for_another_key_than_the_csr_is_refused()
    {
        var root = Root();
        var node = WithChain(Install(Node), "tomcat-trust", root).GenerateRequest("tomcat", KeyAlgorithm.EcP256).State;
        var foreign = root.IssueLeaf("imp2.example.com", ["imp2.example.com"], Pool.Get("someone-else", KeyAlgorithm.EcP256), T0).Certificate;

        var result = node.UploadSigned("tomcat", Pem(foreign), T0.AddMinutes(10));

        Assert.False(result.Accepted);
        Assert.Contains("public key differs", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_leaf_is_refused_at_the_nodes_clock()
    {
        var root = Root();
        var (node, signed) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root), "tomcat", root, CertificateFault.Expired);

        var result = node.UploadSigned("tomcat", Pem(signed), T0);

        Assert.False(result.Accepted);
        Assert.Contains("expired", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Generating_a_csr_overwrites_the_previous_csr_of_that_unit()
    {
        var root = Root();
        var (node, firstSigned) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root), "tomcat", root);
        var second = node.GenerateRequest("tomcat", KeyAlgorithm.EcP256).State;

        var result = second.UploadSigned("tomcat", Pem(firstSigned), T0.AddMinutes(10));

        Assert.False(result.Accepted);
        Assert.Single(second.ListCsr());
        Assert.Equal("tomcat/tomcat.csr", $"{second.ListCsr()[0].Unit}/{second.ListCsr()[0].FileName}");
    }

    [Fact]
    public void Regenerate_overwrites_a_ca_signed_certificate_with_a_self_signed_one()
    {
        var root = Root();
        var (node, signed) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root), "tomcat", root);
        node = node.UploadSigned("tomcat", Pem(signed), T0.AddMinutes(10)).State;

        var result = node.Regenerate("tomcat", T0.AddDays(1));

        Assert.True(result.Accepted);
        Assert.Equal("Successfully regenerated certificate for tomcat.", result.Reply);
        Assert.Equal("WARNING: This operation will overwrite any CA signed certificate previously imported for tomcat", result.Warning);
        var now = result.State.OwnCertificate(CertificateUnit.Tomcat)!.Certificate;
        Assert.NotEqual(signed, now);
        Assert.True(now.IsSelfSigned);
        Assert.Equal("Self-signed certificate generated by system", result.State.ListOwn()[0].Description);
        Assert.IsType<OwnCertificateChanged>(Assert.Single(result.Events));
    }

    [Fact]
    public void Regenerating_cup_names_the_sip_proxy_and_presence_engine_for_restart()
    {
        var result = Install(Node).Regenerate("cup", T0.AddDays(1));

        Assert.Equal(["Cisco SIP Proxy", "Cisco Presence Engine"], result.ServicesToRestart.ToArray());
    }

    [Fact]
    public void Downloading_cup_pem_gives_the_certificate_pem_text()
    {
        var node = Install(Node);

        var result = node.Download("cup.pem");

        Assert.True(result.Accepted);
        Assert.Equal(node.OwnCertificate(CertificateUnit.Cup)!.Certificate, Assert.Single(CertificateReader.ReadPem(result.Reply)));
    }

    [Fact]
    public void Downloading_a_file_the_node_does_not_have_is_refused()
    {
        var result = Install(Node).Download("cup.csr");

        Assert.False(result.Accepted);
        Assert.Equal("Certificate file not found: cup.csr", result.Reply);
    }

    [Fact]
    public void A_cucm_node_has_tomcat_and_callmanager_certificates_only()
    {
        var cucm = Install(Cucm("cucmpub"));

        Assert.Equal(["tomcat", "CallManager"], cucm.ListOwn().Select(e => e.Unit));
        Assert.False(cucm.Regenerate("cup", T0).Accepted);
    }

    [Fact]
    public void Enabling_fips_regenerates_every_own_certificate_as_rsa_2048_sha256_self_signed()
    {
        var root = Root();
        var (node, signed) = CsrSignedBy(WithChain(Install(Node), "tomcat-trust", root), "tomcat", root);
        node = node.UploadSigned("tomcat", Pem(signed), T0.AddMinutes(10)).State;

        var result = node.ChangeFipsMode(true, T0.AddDays(2));

        Assert.True(result.State.Fips);
        Assert.Equal(4, result.Events.OfType<OwnCertificateChanged>().Count());
        Assert.All(result.State.Own.Certificates.Values, c =>
        {
            Assert.Equal("RSA 2048", c.Certificate.KeyDescription);
            Assert.Equal("SHA256WITHRSA", c.Certificate.SignatureAlgorithm);
            Assert.True(c.Certificate.IsSelfSigned);
            Assert.True(FipsPolicy.Allows(c.Certificate));
        });
    }

    [Fact]
    public void A_fips_node_refuses_a_sha1_csr()
    {
        var node = Install(Node, fips: true);

        var result = node.GenerateRequest("tomcat", KeyAlgorithm.EcP256, SignatureHash.Sha1);

        Assert.False(result.Accepted);
        Assert.Contains("SHA-1", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fips_node_refuses_a_ca_signed_leaf_signed_with_sha1()
    {
        var root = Root();
        var (node, signed) = CsrSignedBy(WithChain(Install(Node, fips: true), "tomcat-trust", root), "tomcat", root, CertificateFault.Sha1Signature);

        var result = node.UploadSigned("tomcat", Pem(signed), T0.AddMinutes(10));

        Assert.False(result.Accepted);
        Assert.Contains("FIPS", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_dispatches_commands_to_the_operations()
    {
        var node = Install(Node);

        var result = node.Apply(new RegenerateCertificate("cup-xmpp"), T0.AddDays(1));

        Assert.True(result.Accepted);
        Assert.Equal(["Cisco XCP Router"], result.ServicesToRestart.ToArray());
    }
    [Fact]
    public void Following_the_seeds_s2s_step_literally_by_choosing_cup_xmpp_is_refused()
    {
        var root = Root();
        var (node, s2sSigned) = CsrSignedBy(WithChain(Install(Node), "cup-xmpp-trust", root), "cup-xmpp-s2s", root);

        var literal = node.UploadSigned("cup-xmpp", Pem(s2sSigned), T0.AddMinutes(10));
        var intended = node.UploadSigned("cup-xmpp-s2s", Pem(s2sSigned), T0.AddMinutes(10));

        Assert.False(literal.Accepted);
        Assert.True(intended.Accepted, intended.Reply);
        Assert.Equal(["Cisco XCP XMPP Federation Connection Manager"], intended.ServicesToRestart.ToArray());
    }

    [Fact]
    public void Installation_is_deterministic_for_the_same_seed_and_node()
    {
        var first = Install(Node);
        var second = Install(Node);

        Assert.Equal(first.Download("tomcat.pem").Reply, second.Download("tomcat.pem").Reply);
        Assert.NotEqual(first.Download("tomcat.pem").Reply, Install(Imp("imp3")).Download("tomcat.pem").Reply);
    }
}
