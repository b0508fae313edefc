using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkix;

namespace ImpClusterSim.Pki;

/// <summary>
/// Name constraints (RFC 5280 §4.2.1.10, processed as §6.1.3 (b)-(c) and §6.1.4 (g)) with BouncyCastle's own
/// <see cref="PkixNameConstraintValidator"/>: permitted and excluded subtrees of DNS names, IP addresses, directory
/// names, e-mail addresses (also the emailAddress attributes of a subject DN) and URIs. This class only walks the
/// path and puts each refusal into words.
/// </summary>
internal static class NameConstraintChecks
{
    private const string NameConstraintsOid = "2.5.29.30";

    /// <summary>True when some certificate of the path (anchor first) carries name constraints.</summary>
    public static bool Apply(Certificate[] anchorFirst) => anchorFirst.Any(c => c.HasExtension(NameConstraintsOid));

    /// <summary>Checks every name of every certificate below a constraining CA. <paramref name="fromAnchor"/>: the anchor's own constraints count.</summary>
    public static void Check(Certificate[] path, bool fromAnchor, List<ValidationFailure> reasons)
    {
        var validator = new PkixNameConstraintValidator();
        var n = path.Length - 1;
        string? constrainedBy = null;
        for (var k = 0; k <= n; k++)
        {
            var certificate = path[k];
            if (k > 0 && constrainedBy is not null && (!certificate.IsSelfIssued || k == n))
            {
                CheckNames(validator, certificate, constrainedBy, reasons);
            }
            if (k < n && (k > 0 || fromAnchor) && Read(certificate) is { } constraints)
            {
                if (constraints.PermittedSubtreesValue is { } permitted)
                {
                    validator.IntersectPermittedSubtree(Asn1Sequence.GetInstance(permitted.ToAsn1Object()));
                }
                if (constraints.ExcludedSubtreesValue is { } excluded)
                {
                    foreach (var subtree in Asn1Sequence.GetInstance(excluded.ToAsn1Object()))
                    {
                        validator.AddExcludedSubtree(GeneralSubtree.GetInstance(subtree));
                    }
                }
                constrainedBy = constrainedBy is null ? $"'{certificate.Subject}'" : $"{constrainedBy} and '{certificate.Subject}'";
            }
        }
    }

    private static NameConstraints? Read(Certificate certificate) =>
        certificate.HasExtension(NameConstraintsOid)
            ? NameConstraints.GetInstance(certificate.Bc.CertificateStructure.TbsCertificate.Extensions.GetExtensionParsedValue(new DerObjectIdentifier(NameConstraintsOid)))
            : null;

    private static void CheckNames(PkixNameConstraintValidator validator, Certificate certificate, string constrainedBy, List<ValidationFailure> reasons)
    {
        var subject = certificate.Bc.SubjectDN;
        var subjectSequence = Asn1Sequence.GetInstance(subject.ToAsn1Object());
        if (subjectSequence.Count > 0)
        {
            Try(() => validator.CheckPermittedDN(subjectSequence), () => validator.CheckExcludedDN(subjectSequence),
                $"subject '{certificate.Subject}'", certificate, constrainedBy, reasons);
        }
        foreach (var email in subject.GetValueList(X509Name.EmailAddress))
        {
            var name = new GeneralName(GeneralName.Rfc822Name, email);
            Try(() => validator.CheckPermittedName(name), () => validator.CheckExcludedName(name),
                $"subject e-mail address '{email}'", certificate, constrainedBy, reasons);
        }
        var extensions = certificate.Bc.CertificateStructure.TbsCertificate.Extensions;
        if (extensions is not null && GeneralNames.FromExtensions(extensions, X509Extensions.SubjectAlternativeName) is { } sans)
        {
            foreach (var name in sans.GetNames())
            {
                Try(() => validator.CheckPermittedName(name), () => validator.CheckExcludedName(name),
                    $"subject alternative name {Describe(name)}", certificate, constrainedBy, reasons);
            }
        }
    }

    private static void Try(Action permitted, Action excluded, string what, Certificate certificate, string constrainedBy, List<ValidationFailure> reasons)
    {
        try
        {
            permitted();
        }
        catch (PkixNameConstraintValidatorException)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.NameConstraints,
                $"the {what} of certificate '{certificate.Subject}' is outside the permitted subtrees of the name constraints of {constrainedBy} (RFC 5280 §4.2.1.10)"));
            return;
        }
        try
        {
            excluded();
        }
        catch (PkixNameConstraintValidatorException)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.NameConstraints,
                $"the {what} of certificate '{certificate.Subject}' is inside an excluded subtree of the name constraints of {constrainedBy} (RFC 5280 §4.2.1.10)"));
        }
    }

    internal static string Describe(GeneralName name) => name.TagNo switch
    {
        GeneralName.DnsName => $"DNS:{((IAsn1String)name.Name).GetString()}",
        GeneralName.Rfc822Name => $"email:{((IAsn1String)name.Name).GetString()}",
        GeneralName.UniformResourceIdentifier => $"URI:{((IAsn1String)name.Name).GetString()}",
        GeneralName.IPAddress => $"IP:{IpText(Asn1OctetString.GetInstance(name.Name).GetOctets())}",
        GeneralName.DirectoryName => $"DirName:{X509Name.GetInstance(name.Name)}",
        _ => $"[{name.TagNo}]",
    };

    private static string IpText(byte[] bytes) => bytes.Length is 4 or 16
        ? new System.Net.IPAddress(bytes).ToString()
        : Convert.ToHexString(bytes);
}
