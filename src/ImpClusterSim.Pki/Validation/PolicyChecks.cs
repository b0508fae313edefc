using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkix;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki;

/// <summary>
/// Certificate policies (RFC 5280 §6.1: the valid_policy_tree, policy mappings, requireExplicitPolicy,
/// inhibitPolicyMapping, inhibitAnyPolicy and the initial policy inputs of §6.1.1). The tree is BouncyCastle's:
/// its policy processing is internal to <see cref="PkixCertPathValidator"/>, so this class runs that validator on a
/// path every other check already accepted (revocation off) and puts a policy refusal into words. It runs only when a
/// policy can fail: non-default policy inputs, or a path certificate with policy constraints, policy mappings or
/// inhibitAnyPolicy (without them explicit_policy stays above zero and §6.1.5 (g) always succeeds).
/// </summary>
internal static class PolicyChecks
{
    private const string PolicyMappingsOid = "2.5.29.33";
    private const string PolicyConstraintsOid = "2.5.29.36";
    private const string InhibitAnyPolicyOid = "2.5.29.54";

    public static bool Apply(Certificate[] anchorFirst, ValidationOptions options) =>
        anchorFirst.Length > 1 && (options.HasPolicyInputs || anchorFirst.Skip(1).Any(c =>
            c.HasExtension(PolicyMappingsOid) || c.HasExtension(PolicyConstraintsOid) || c.HasExtension(InhibitAnyPolicyOid)));

    public static void Check(Certificate[] anchorFirst, ValidationOptions options, List<ValidationFailure> reasons)
    {
        var anchor = anchorFirst[0];
        var below = anchorFirst.Skip(1).Reverse().Select(c => c.Bc).ToList(); // leaf first, anchor excluded
        var parameters = new PkixParameters(new HashSet<TrustAnchor> { new(anchor.Bc, null) })
        {
            IsRevocationEnabled = false,
            Date = DateTime.SpecifyKind(options.At, DateTimeKind.Utc),
            IsExplicitPolicyRequired = options.RequireExplicitPolicy,
            IsPolicyMappingInhibited = options.InhibitPolicyMapping,
            IsAnyPolicyInhibited = options.InhibitAnyPolicy,
        };
        if (options.InitialPolicies.Count > 0 && !options.InitialPolicies.Contains(ValidationOptions.AnyPolicy))
        {
            parameters.SetInitialPolicies(new HashSet<string>(options.InitialPolicies, StringComparer.Ordinal));
        }
        try
        {
            new PkixCertPathValidator().Validate(new PkixCertPath(below), parameters);
        }
        catch (PkixCertPathValidatorException e)
        {
            reasons.Add(Explain(e, anchorFirst, options));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.CertificatePolicy,
                "the certificate policies of the path cannot be processed (an extension of a policy kind is malformed; RFC 5280 §4.2.1.4-§4.2.1.5, §4.2.1.11, §4.2.1.14)"));
        }
    }

    private static ValidationFailure Explain(PkixCertPathValidatorException e, Certificate[] anchorFirst, ValidationOptions options)
    {
        // BouncyCastle counts the path leaf first without the anchor; Index -1 means the path as a whole.
        var index = e.Index;
        var certificate = index >= 0 && index < anchorFirst.Length - 1 ? anchorFirst[^(index + 1)] : null;
        var message = e.Message ?? "";
        if (message.Contains("anyPolicy", StringComparison.OrdinalIgnoreCase) && message.Contains("mapp", StringComparison.OrdinalIgnoreCase) && certificate is not null)
        {
            return new ValidationFailure(ValidationFailureKind.CertificatePolicy,
                $"certificate '{certificate.Subject}' maps anyPolicy in its policy mappings, which RFC 5280 §6.1.4 (a) forbids");
        }
        if (message.Contains("polic", StringComparison.OrdinalIgnoreCase))
        {
            var wanted = options.InitialPolicies.Contains(ValidationOptions.AnyPolicy) ? "any policy" : $"one of {string.Join(", ", options.InitialPolicies)}";
            return new ValidationFailure(ValidationFailureKind.CertificatePolicy,
                $"no certificate policy ({wanted}) is valid for the whole path, and {ExplicitPolicySource(anchorFirst, options)} requires one (RFC 5280 §6.1.5 (g))");
        }
        var where = certificate is null ? "the path" : $"certificate '{certificate.Subject}'";
        return new ValidationFailure(ValidationFailureKind.CertificatePolicy, $"RFC 5280 §6.1 policy processing refuses {where}: {message.TrimEnd('.')}");
    }

    /// <summary>Who made an explicit policy necessary: the initial inputs, or the first certificate whose policy constraints did.</summary>
    private static string ExplicitPolicySource(Certificate[] anchorFirst, ValidationOptions options)
    {
        if (options.RequireExplicitPolicy)
        {
            return "the initial policy inputs (initial-explicit-policy)";
        }
        var n = anchorFirst.Length - 1;
        for (var k = 1; k <= n; k++)
        {
            if (RequireExplicitPolicy(anchorFirst[k]) is { } skip)
            {
                var following = 0;
                for (var j = k + 1; j <= n; j++)
                {
                    following += anchorFirst[j].IsSelfIssued && j < n ? 0 : 1;
                }
                if (skip < following + 1)
                {
                    return $"the policy constraints of '{anchorFirst[k].Subject}' (requireExplicitPolicy {skip})";
                }
            }
        }
        return "the policy constraints of the path";
    }

    /// <summary>requireExplicitPolicy of a PolicyConstraints extension (RFC 5280 §4.2.1.11: [0] IMPLICIT SkipCerts); null when absent.</summary>
    private static int? RequireExplicitPolicy(Certificate certificate)
    {
        var extensions = certificate.Bc.CertificateStructure.TbsCertificate.Extensions;
        if (extensions?.GetExtensionParsedValue(X509Extensions.PolicyConstraints) is not Asn1Sequence sequence)
        {
            return null;
        }
        foreach (var element in sequence)
        {
            if (element is Asn1TaggedObject { TagNo: 0 } tagged)
            {
                return DerInteger.GetInstance(tagged, false).IntValueExact;
            }
        }
        return null;
    }
}
