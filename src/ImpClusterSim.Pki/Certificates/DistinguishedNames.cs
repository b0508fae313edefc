using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki;

/// <summary>Distinguished-name helpers. Comparison follows RFC 5280 (case-insensitive, whitespace-normalised, in order).</summary>
internal static class DistinguishedNames
{
    public static bool AreEqual(X509Name a, X509Name b) => a.Equivalent(b, true);

    public static string Format(X509Name name) => name.ToString();

    public static string? CommonName(X509Name name)
    {
        var values = name.GetValueList(X509Name.CN);
        return values.Count > 0 ? values[^1] : null;
    }

    public static X509Name Build(string commonName, string? organisationalUnit = null, string? organisation = null,
        string? country = null)
    {
        var oids = new List<Org.BouncyCastle.Asn1.DerObjectIdentifier>();
        var values = new List<string>();
        void Add(Org.BouncyCastle.Asn1.DerObjectIdentifier oid, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                oids.Add(oid);
                values.Add(value);
            }
        }
        Add(X509Name.C, country);
        Add(X509Name.O, organisation);
        Add(X509Name.OU, organisationalUnit);
        Add(X509Name.CN, commonName);
        return new X509Name(oids, values);
    }
}
