using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tls;

/// <summary>
/// "Is this TLS connection secure": Pki's <see cref="ChainValidator"/> on the presented chain against the client's
/// trust store at the client's clock (FIPS policy when the client is in FIPS mode, server usage required), the host
/// name check, and the FIPS modes of both ends (no FIPS/non-FIPS connections, domain facts §4.6).
/// </summary>
public static class TlsConnectionCheck
{
    public static TlsVerdict Evaluate(TlsConnectionAttempt attempt)
    {
        var failures = ImmutableArray.CreateBuilder<TlsFailure>();
        if (attempt.ClientFips != attempt.ServerFips)
        {
            failures.Add(new TlsFailure(TlsFailureKind.FipsPeerMismatch, attempt.ClientFips
                ? "the client is in FIPS mode and the server is not"
                : "the server is in FIPS mode and the client is not"));
        }
        var options = ImpValidators.OpenSsl(attempt.ClientClock) with { Fips = attempt.ClientFips, RequireServerAuth = true };
        var result = ChainValidator.Validate(attempt.ServerLeaf,
            attempt.ServerIntermediates.IsDefault ? [] : attempt.ServerIntermediates, attempt.ClientTrust, options);
        foreach (var reason in result.Reasons)
        {
            failures.Add(new TlsFailure(Classify(reason), reason));
        }
        if (HostNameMatcher.Check(attempt.ServerLeaf, attempt.HostName) is { } mismatch)
        {
            failures.Add(new TlsFailure(TlsFailureKind.NameMismatch, mismatch));
        }
        return new TlsVerdict(failures.Count == 0, failures.ToImmutable());
    }

    /// <summary>The chain a node presents for a unit: its certificate and the CA certificates of the unit's trust store.</summary>
    public static ImmutableArray<Certificate> IntermediatesPresentedBy(Certificates.NodeCertificates server, CertificateUnit unit) =>
        server.TrustStores.TryGetValue(unit.TrustStoreName, out var store)
            ? [.. store.Certificates.Where(c => c.IsCertificateAuthority)]
            : [];

    /// <summary>The attempt of <paramref name="client"/> connecting to <paramref name="server"/>'s service presenting <paramref name="leaf"/>.</summary>
    public static TlsConnectionAttempt Attempt(Certificates.NodeCertificates client, string clientStore, Certificates.NodeCertificates server,
        CertificateUnit unit, Certificate leaf, string hostName, DateTime clientClock) =>
        new(client.GetTrustStore(clientStore), leaf, IntermediatesPresentedBy(server, unit), hostName, clientClock, client.Fips, server.Fips);

    private static TlsFailureKind Classify(string reason)
    {
        if (reason.Contains("expired on", StringComparison.Ordinal))
        {
            return TlsFailureKind.Expired;
        }
        if (reason.Contains("is not valid until", StringComparison.Ordinal))
        {
            return TlsFailureKind.NotYetValid;
        }
        if (reason.Contains("FIPS", StringComparison.Ordinal) || reason.Contains("weak RSA key", StringComparison.Ordinal)
            || reason.Contains("which is not accepted", StringComparison.Ordinal))
        {
            return TlsFailureKind.WeakAlgorithm;
        }
        if (reason.Contains("is not for TLS servers", StringComparison.Ordinal) || reason.Contains("does not allow TLS", StringComparison.Ordinal))
        {
            return TlsFailureKind.WrongKeyUsage;
        }
        return TlsFailureKind.Untrusted;
    }
}
