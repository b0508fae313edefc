using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki;

/// <summary>
/// The RFC 5280 §4 profile rules a conforming CA follows when it issues a certificate, checked on every certificate
/// of a path when <see cref="ValidationOptions.StrictProfile"/> is set (the same set OpenSSL checks only with
/// -x509_strict; IM&amp;P's validators do not check them, so they are off by default). Each rule names its section.
/// </summary>
public static class ProfileRules
{
    /// <summary>The profile rules <paramref name="certificate"/> breaks, in plain words; empty when it follows them all.
    /// <paramref name="isTrustAnchor"/>: the anchor needs no authority key identifier.</summary>
    public static IReadOnlyList<string> Check(Certificate certificate, bool isTrustAnchor = false)
    {
        var reasons = new List<string>();
        var name = $"certificate '{certificate.Subject}'";
        var extensions = certificate.Extensions;
        bool Critical(string oid) => extensions.Any(e => e.Oid == oid && e.Critical);
        if (extensions.Count > 0 && certificate.Version < 3)
        {
            reasons.Add($"{name} is version {certificate.Version} but has extensions, which need version 3 (RFC 5280 §4.1.2.1)");
        }
        if (certificate.Version == 1 && (certificate.Bc.CertificateStructure.TbsCertificate.IssuerUniqueID is not null || certificate.Bc.CertificateStructure.TbsCertificate.SubjectUniqueID is not null))
        {
            reasons.Add($"{name} is version 1 but has unique identifiers, which need version 2 or 3 (RFC 5280 §4.1.2.8)");
        }
        if (certificate.IsCertificateAuthority)
        {
            if (certificate.SubjectKeyIdentifier is null)
            {
                reasons.Add($"{name} is a CA without a subject key identifier (RFC 5280 §4.2.1.2)");
            }
            if (!Critical("2.5.29.19"))
            {
                reasons.Add($"{name} is a CA whose basic constraints extension is not critical (RFC 5280 §4.2.1.9)");
            }
        }
        if (!isTrustAnchor && !certificate.IsSelfSigned && certificate.AuthorityKeyIdentifier is null)
        {
            reasons.Add($"{name} has no authority key identifier (RFC 5280 §4.2.1.1)");
        }
        if (certificate.Bc.GetKeyUsage() is { } usage)
        {
            if (usage[5] && !certificate.IsCertificateAuthority)
            {
                reasons.Add($"{name} asserts Certificate Sign in its key usage but is not a CA (RFC 5280 §4.2.1.3)");
            }
            if (!usage.Any(bit => bit))
            {
                reasons.Add($"{name} has a key usage extension with no bit set (RFC 5280 §4.2.1.3)");
            }
        }
        if (!certificate.IsCertificateAuthority && PathLengthOnNonCa(certificate))
        {
            reasons.Add($"{name} has a pathLenConstraint but is not a CA (RFC 5280 §4.2.1.9)");
        }
        var hasSan = extensions.Any(e => e.Oid == "2.5.29.17");
        if (certificate.Bc.SubjectDN.GetOidList().Count == 0)
        {
            if (!hasSan)
            {
                reasons.Add($"certificate with serial {certificate.SerialNumberHex} has an empty subject and no subject alternative name (RFC 5280 §4.1.2.6)");
            }
            else if (!Critical("2.5.29.17"))
            {
                reasons.Add($"certificate with serial {certificate.SerialNumberHex} has an empty subject, so its subject alternative name must be critical (RFC 5280 §4.2.1.6)");
            }
        }
        if (hasSan && certificate.SubjectAlternativeNames.Count == 0)
        {
            reasons.Add($"{name} has an empty subject alternative name extension (RFC 5280 §4.2.1.6)");
        }
        if (certificate.Bc.IssuerDN.GetOidList().Count == 0)
        {
            reasons.Add($"{name} has an empty issuer name (RFC 5280 §4.1.2.4)");
        }
        if (extensions.Any(e => e.Oid == "2.5.29.30"))
        {
            if (!certificate.IsCertificateAuthority)
            {
                reasons.Add($"{name} has name constraints but is not a CA (RFC 5280 §4.2.1.10)");
            }
            else if (!Critical("2.5.29.30"))
            {
                reasons.Add($"{name} has name constraints that are not critical (RFC 5280 §4.2.1.10)");
            }
        }
        foreach (var (oid, section) in new[] { ("2.5.29.36", "4.2.1.11"), ("2.5.29.54", "4.2.1.14") })
        {
            if (extensions.Any(e => e.Oid == oid) && !Critical(oid))
            {
                reasons.Add($"{name} has a {ExtensionReader.ExtensionName(oid)} extension that is not critical (RFC 5280 §{section})");
            }
        }
        return reasons;
    }

    private static bool PathLengthOnNonCa(Certificate certificate)
    {
        var value = BasicConstraints.FromExtensions(certificate.Bc.CertificateStructure.TbsCertificate.Extensions);
        return value is not null && !value.IsCA() && value.PathLenConstraint is not null;
    }
}
