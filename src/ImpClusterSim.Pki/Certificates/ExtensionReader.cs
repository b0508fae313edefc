using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki;

/// <summary>Reads the extensions this library cares about, in words a reader of the OS Admin pages knows.</summary>
internal static class ExtensionReader
{
    private static readonly string[] KeyUsageBitNames =
    [
        "Digital Signature", "Non Repudiation", "Key Encipherment", "Data Encipherment", "Key Agreement",
        "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only",
    ];

    public static IReadOnlyList<string> DnsNames(X509Certificate certificate) =>
        GeneralNameValues(certificate.CertificateStructure.TbsCertificate.Extensions, GeneralName.DnsName);

    public static IReadOnlyList<string> GeneralNameValues(X509Extensions? extensions, int tag)
    {
        if (extensions is null)
        {
            return [];
        }
        var names = GeneralNames.FromExtensions(extensions, X509Extensions.SubjectAlternativeName);
        if (names is null)
        {
            return [];
        }
        return names.GetNames().Where(n => n.TagNo == tag).Select(n => ((IAsn1String)n.Name).GetString()).ToArray();
    }

    public static IReadOnlyList<GeneralName> SubjectAlternativeNames(X509Certificate certificate)
    {
        var extensions = certificate.CertificateStructure.TbsCertificate.Extensions;
        return extensions is not null && GeneralNames.FromExtensions(extensions, X509Extensions.SubjectAlternativeName) is { } names
            ? names.GetNames()
            : [];
    }

    public static IReadOnlyList<string> IpAddresses(X509Certificate certificate) => SubjectAlternativeNames(certificate)
        .Where(n => n.TagNo == GeneralName.IPAddress)
        .Select(n => Asn1OctetString.GetInstance(n.Name).GetOctets())
        .Where(b => b.Length is 4 or 16)
        .Select(b => new System.Net.IPAddress(b).ToString())
        .ToArray();

    public static IReadOnlyList<string> KeyUsageNames(X509Certificate certificate)
    {
        var bits = certificate.GetKeyUsage();
        if (bits is null)
        {
            return [];
        }
        return bits.Select((set, i) => (set, i)).Where(x => x.set && x.i < KeyUsageBitNames.Length)
            .Select(x => KeyUsageBitNames[x.i]).ToArray();
    }

    public static IReadOnlyList<string> ExtendedKeyUsageNames(X509Certificate certificate) =>
        ExtendedKeyUsageOids(certificate).Select(ExtendedKeyUsageName).ToArray();

    public static IReadOnlyList<string> ExtendedKeyUsageOids(X509Certificate certificate)
    {
        var value = certificate.GetExtensionValue(X509Extensions.ExtendedKeyUsage);
        if (value is null)
        {
            return [];
        }
        var eku = ExtendedKeyUsage.GetInstance(Asn1Object.FromByteArray(value.GetOctets()));
        return eku.GetAllUsages().Select(o => o.Id).ToArray();
    }

    public static string ExtendedKeyUsageName(string oid) => oid switch
    {
        "1.3.6.1.5.5.7.3.1" => "TLS Web Server Authentication",
        "1.3.6.1.5.5.7.3.2" => "TLS Web Client Authentication",
        "1.3.6.1.5.5.7.3.3" => "Code Signing",
        "1.3.6.1.5.5.7.3.4" => "E-mail Protection",
        "1.3.6.1.5.5.7.3.8" => "Time Stamping",
        "1.3.6.1.5.5.7.3.9" => "OCSP Signing",
        "1.3.6.1.5.5.7.3.5" => "IP security end system",
        "2.5.29.37.0" => "Any Extended Key Usage",
        _ => oid,
    };

    public static string ExtensionName(string oid) => oid switch
    {
        "2.5.29.14" => "Subject Key Identifier",
        "2.5.29.15" => "Key Usage",
        "2.5.29.17" => "Subject Alternative Name",
        "2.5.29.18" => "Issuer Alternative Name",
        "2.5.29.19" => "Basic Constraints",
        "2.5.29.30" => "Name Constraints",
        "2.5.29.31" => "CRL Distribution Points",
        "2.5.29.32" => "Certificate Policies",
        "2.5.29.33" => "Policy Mappings",
        "2.5.29.35" => "Authority Key Identifier",
        "2.5.29.36" => "Policy Constraints",
        "2.5.29.37" => "Extended Key Usage",
        "2.5.29.54" => "Inhibit Any Policy",
        "1.3.6.1.5.5.7.1.1" => "Authority Information Access",
        _ => oid,
    };
}
