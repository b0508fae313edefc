using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tests.Certificates;

/// <summary>Nodes and CAs for the certificate tests: EC P-256 keys only (fast), fixed times, fixed seeds.</summary>
internal static class CertificateFixtures
{
    public static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly KeyPool Pool = new(KeyPoolMode.Exact);

    public static NodeCertificateFactory Factory { get; } = new("test-seed", Pool);

    public static NodeSpec Imp(string name, NodeRole role = NodeRole.Subscriber, string cluster = "imp-a") =>
        new(name, $"{name}.example.com", $"10.0.0.{(name.Length * 7) % 250}", NodeKind.Imp, role, cluster);

    public static NodeSpec Cucm(string name, NodeRole role = NodeRole.Publisher) =>
        new(name, $"{name}.example.com", "10.0.1.1", NodeKind.Cucm, role, "cucm-a");

    public static NodeCertificates Install(NodeSpec node, bool fips = false) =>
        NodeCertificates.Install(node, Factory, T0, fips, KeyAlgorithm.EcP256);

    public static CertificateAuthority Root(string commonName = "Test Root CA", SignatureHash hash = SignatureHash.Sha256) =>
        CertificateAuthority.CreateRoot("ca-seed", commonName, Pool.Get($"ca/{commonName}", KeyAlgorithm.EcP256), T0.AddDays(-30), hash: hash);

    public static CertificateAuthority Intermediate(CertificateAuthority parent, string commonName) =>
        parent.CreateIntermediate(commonName, Pool.Get($"ca/{commonName}", KeyAlgorithm.EcP256), T0.AddDays(-20));

    public static string Pem(params Certificate[] certificates) => string.Concat(certificates.Select(c => c.ToPem()));

    /// <summary>Uploads root (and intermediates, each naming its signer) into a store; fails the test if refused.</summary>
    public static NodeCertificates WithChain(NodeCertificates node, string store, params CertificateAuthority[] authorities)
    {
        foreach (var ca in authorities)
        {
            var result = node.UploadTrust(store, Pem(ca.Certificate), ca.CommonName, ca.Parent?.CommonName);
            Assert.True(result.Accepted, result.Reply);
            node = result.State;
        }
        return node;
    }

    /// <summary>Generates a CSR for the unit and has the CA sign it.</summary>
    public static (NodeCertificates Node, Certificate Signed) CsrSignedBy(NodeCertificates node, string unit, CertificateAuthority ca,
        CertificateFault fault = CertificateFault.None)
    {
        var csr = node.GenerateRequest(unit, KeyAlgorithm.EcP256);
        Assert.True(csr.Accepted, csr.Reply);
        var request = csr.State.Own.PendingRequests[csr.State.FindUnit(unit)!.Name].Request;
        return (csr.State, ca.Issue(request, T0, fault: fault));
    }
}
