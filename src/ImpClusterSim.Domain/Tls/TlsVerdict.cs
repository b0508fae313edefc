using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Tls;

/// <summary>Whether a TLS connection is secure, and if not, every reason found.</summary>
public sealed record TlsVerdict(bool Secure, ImmutableArray<TlsFailure> Failures)
{
    public bool Has(TlsFailureKind kind) => Failures.Any(f => f.Kind == kind);

    public override string ToString() => Secure ? "secure" : "not secure: " + string.Join("; ", Failures.Select(f => $"{f.Kind}: {f.Message}"));
}
