namespace ImpClusterSim.Domain.Intercluster;

/// <summary>Invariant (b): no certificate is ever exchanged between a FIPS and a non-FIPS side (the guide, §4.6).</summary>
public static class FipsExchangeInvariant
{
    public const string Name = "no-fips-mixed-exchange";

    public static IReadOnlyList<InvariantViolation> Check(IEnumerable<CertificateExchange> log) =>
        log.Where(e => e.FromFips != e.ToFips)
            .Select(e => new InvariantViolation(Name, e.At, $"certificate exchanged between a FIPS and a non-FIPS side: {e}"))
            .ToArray();
}
