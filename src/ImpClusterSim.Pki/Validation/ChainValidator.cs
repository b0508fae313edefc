using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki;

/// <summary>
/// Validates a presented chain (a leaf plus untrusted intermediates, in any order, extras allowed) against trusted
/// certificates at a given time. Builds every candidate path by name chaining (RFC 5280 comparison, with key
/// identifiers when both sides have them), backtracking over same-named issuers, and accepts the first path that
/// passes <see cref="PathChecks"/>. A leaf that is itself trusted is valid by direct trust.
/// </summary>
public static class ChainValidator
{
    private const int MaxPathLength = 10;
    private const int MaxCompletePaths = 64;

    public static ValidationResult Validate(Certificate leaf, IEnumerable<Certificate> untrusted, TrustStore trustStore,
        ValidationOptions options) => Validate(leaf, untrusted, trustStore.Certificates, options);

    public static ValidationResult Validate(Certificate leaf, IEnumerable<Certificate> untrusted, IEnumerable<Certificate> trusted,
        ValidationOptions options)
    {
        var anchors = trusted.Distinct().ToList();
        if (anchors.Contains(leaf))
        {
            var direct = PathChecks.Check([leaf], options);
            return new ValidationResult(direct.Count == 0, direct, [leaf]);
        }
        var pool = untrusted.Where(c => !c.Equals(leaf) && !anchors.Contains(c)).Distinct().ToList();
        var search = new Search(anchors, pool, options);
        search.Extend([leaf]);
        if (search.Valid is { } path)
        {
            return new ValidationResult(true, [], path);
        }
        if (search.Failed.Count > 0)
        {
            var best = search.Failed.OrderBy(f => f.SignatureFailures).ThenBy(f => f.Failures.Count).First();
            return new ValidationResult(false, best.Failures, best.Path);
        }
        var top = search.DeepestDeadEnd ?? [leaf];
        var last = top[^1];
        var reason = last.IsSelfIssued
            ? $"'{last.Subject}' is self-signed and not in the trust store"
            : $"no trusted certificate signs '{last.Subject}' (its issuer '{last.Issuer}' is not in the trust store)";
        return new ValidationResult(false, [new ValidationFailure(ValidationFailureKind.Untrusted, reason)], top);
    }

    /// <summary>True when <paramref name="parent"/> may have issued <paramref name="child"/>: names chain, key ids agree.</summary>
    internal static bool CouldIssue(Certificate parent, Certificate child)
    {
        if (!DistinguishedNames.AreEqual(child.Bc.IssuerDN, parent.Bc.SubjectDN))
        {
            return false;
        }
        var authorityKeyId = AuthorityKeyIdentifier.FromExtensions(child.Bc.CertificateStructure.TbsCertificate.Extensions)?.KeyIdentifier?.GetOctets();
        var subjectKeyId = SubjectKeyIdentifier.FromExtensions(parent.Bc.CertificateStructure.TbsCertificate.Extensions)?.GetKeyIdentifier();
        return authorityKeyId is null || subjectKeyId is null || authorityKeyId.AsSpan().SequenceEqual(subjectKeyId);
    }

    private sealed class Search(List<Certificate> anchors, List<Certificate> pool, ValidationOptions options)
    {
        public IReadOnlyList<Certificate>? Valid { get; private set; }

        public List<(IReadOnlyList<Certificate> Path, IReadOnlyList<ValidationFailure> Failures, int SignatureFailures)> Failed { get; } = [];

        public IReadOnlyList<Certificate>? DeepestDeadEnd { get; private set; }

        public void Extend(List<Certificate> path)
        {
            var current = path[^1];
            var found = false;
            foreach (var anchor in anchors.Where(a => CouldIssue(a, current)))
            {
                found = true;
                List<Certificate> complete = [.. path, anchor];
                var reasons = PathChecks.Check(complete, options);
                if (reasons.Count == 0)
                {
                    Valid = complete;
                    return;
                }
                Failed.Add((complete, reasons, reasons.Count(r => r.Kind == ValidationFailureKind.Signature)));
                if (Failed.Count >= MaxCompletePaths)
                {
                    return;
                }
            }
            if (path.Count < MaxPathLength)
            {
                foreach (var issuer in pool.Where(c => !path.Contains(c) && CouldIssue(c, current)))
                {
                    found = true;
                    Extend([.. path, issuer]);
                    if (Valid is not null || Failed.Count >= MaxCompletePaths)
                    {
                        return;
                    }
                }
            }
            if (!found && (DeepestDeadEnd is null || path.Count > DeepestDeadEnd.Count))
            {
                DeepestDeadEnd = path.ToArray();
            }
        }
    }
}
