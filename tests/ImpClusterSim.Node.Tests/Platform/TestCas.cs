using ImpClusterSim.Domain.Time;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>A root and an intermediate CA for tests (EC keys: fast), valid from a year before the run starts.</summary>
internal sealed class TestCas
{
    public TestCas(string name = "Test")
    {
        var notBefore = (SimInstant.DefaultRunStart - TimeSpan.FromDays(365)).ToDateTime();
        Root = CertificateAuthority.CreateRoot("test-" + name, $"{name} Root CA", KeyPool.Shared.Get($"test/{name}/root", KeyAlgorithm.EcP256), notBefore);
        Intermediate = Root.CreateIntermediate($"{name} Issuing CA", KeyPool.Shared.Get($"test/{name}/int", KeyAlgorithm.EcP256), notBefore);
    }

    public CertificateAuthority Root { get; }

    public CertificateAuthority Intermediate { get; }
}
