namespace ImpClusterSim.Pki;

/// <summary>Signature algorithm names as OpenSSL-style upper-case words ("SHA256WITHRSA"), by OID.</summary>
internal static class SignatureAlgorithms
{
    public static string Name(string oid, string fallback) => oid switch
    {
        "1.2.840.113549.1.1.2" => "MD2WITHRSA",
        "1.2.840.113549.1.1.4" => "MD5WITHRSA",
        "1.2.840.113549.1.1.5" => "SHA1WITHRSA",
        "1.2.840.113549.1.1.11" => "SHA256WITHRSA",
        "1.2.840.113549.1.1.12" => "SHA384WITHRSA",
        "1.2.840.113549.1.1.13" => "SHA512WITHRSA",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        "1.2.840.10045.4.1" => "SHA1WITHECDSA",
        "1.2.840.10045.4.3.2" => "SHA256WITHECDSA",
        "1.2.840.10045.4.3.3" => "SHA384WITHECDSA",
        "1.2.840.10045.4.3.4" => "SHA512WITHECDSA",
        "1.2.840.10040.4.3" => "SHA1WITHDSA",
        "2.16.840.1.101.3.4.3.2" => "SHA256WITHDSA",
        _ => fallback.ToUpperInvariant(),
    };
}
