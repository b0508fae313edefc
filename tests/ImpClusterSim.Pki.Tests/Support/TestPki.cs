namespace ImpClusterSim.Pki.Tests;

/// <summary>Small builders for tests: EC keys (cheap) or pooled RSA keys, a fixed virtual time.</summary>
internal static class TestPki
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static KeyPair Key(string id, KeyAlgorithm algorithm = KeyAlgorithm.EcP256) => KeyPool.Shared.Get($"test/{id}", algorithm);

    public static CertificateAuthority Root(string name = "Test Root CA", KeyAlgorithm algorithm = KeyAlgorithm.EcP256, int? pathLength = null,
        DateTime? notBefore = null) =>
        CertificateAuthority.CreateRoot("test", name, Key(name, algorithm), notBefore ?? Now.AddYears(-1), pathLength: pathLength);

    public static IssuedCertificate Leaf(CertificateAuthority ca, string fqdn, KeyAlgorithm algorithm = KeyAlgorithm.EcP256,
        CertificateFault fault = CertificateFault.None, DateTime? notBefore = null) =>
        ca.IssueLeaf(fqdn, [fqdn], Key(fqdn, algorithm), notBefore ?? Now.AddDays(-1), fault: fault);

    public static ValidationOptions At(DateTime time) => new(time);
}
