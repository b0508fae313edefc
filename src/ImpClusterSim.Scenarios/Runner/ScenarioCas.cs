using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Pki;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// The scenario's certificate authorities, made with the Pki library: keys from <see cref="KeyPool.Shared"/> keyed by
/// the CA's name (not by the run's seed, like the nodes' own keys: docs/pki.md), validity counted from the run's start
/// (whole years: the Pki API), defects applied.
/// </summary>
public sealed class ScenarioCas
{
    private readonly ImmutableDictionary<string, CertificateAuthority> _byName;

    private ScenarioCas(ImmutableDictionary<string, CertificateAuthority> byName) => _byName = byName;

    public CertificateAuthority this[string name] => _byName[name];

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public static ScenarioCas Create(IEnumerable<CaSpec> specs, SimInstant start)
    {
        var byName = ImmutableDictionary.CreateBuilder<string, CertificateAuthority>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var years = Math.Max(1, (int)Math.Round(spec.Validity.TotalDays / 365.25));
            var notBefore = start.ToDateTime();
            if (spec.Defects.Contains(CaDefect.Expired)) notBefore = notBefore.AddYears(-years).AddDays(-1);
            if (spec.Defects.Contains(CaDefect.NotYetValid)) notBefore = notBefore.AddDays(30);
            var hash = spec.Defects.Contains(CaDefect.Sha1) ? SignatureHash.Sha1 : SignatureHash.Sha256;
            var algorithm = spec.Defects.Contains(CaDefect.WeakKey) ? KeyAlgorithm.Rsa1024 : spec.Key;
            var key = KeyPool.Shared.Get($"scenario/ca/{spec.Name}", algorithm);
            byName[spec.Name] = spec.SignedBy is { } parent
                ? byName[parent].CreateIntermediate(spec.Subject, key, notBefore, years, spec.PathLength, hash)
                : CertificateAuthority.CreateRoot($"scenario/{spec.Name}", spec.Subject, key, notBefore, years, spec.PathLength, hash);
        }

        return new ScenarioCas(byName.ToImmutable());
    }
}
