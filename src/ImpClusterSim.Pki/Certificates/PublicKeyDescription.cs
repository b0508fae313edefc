using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;

namespace ImpClusterSim.Pki;

/// <summary>Reads key type and size straight from a SubjectPublicKeyInfo (no key parsing, no primality tests).</summary>
internal static class PublicKeyDescription
{
    /// <summary>"RSA 2048", "EC P-256", ...; <paramref name="bits"/> is what <see cref="Bits"/> read from the same info.</summary>
    public static string Describe(SubjectPublicKeyInfo info, int bits)
    {
        var oid = info.Algorithm.Algorithm;
        if (oid.Equals(PkcsObjectIdentifiers.RsaEncryption))
        {
            return $"RSA {bits}";
        }
        if (oid.Equals(X9ObjectIdentifiers.IdECPublicKey))
        {
            return $"EC {CurveName(info) ?? "(unnamed curve)"}";
        }
        if (oid.Equals(X9ObjectIdentifiers.IdDsa))
        {
            return bits > 0 ? $"DSA {bits}" : "DSA (parameters inherited from issuer)";
        }
        return oid.Id;
    }

    public static int Bits(SubjectPublicKeyInfo info)
    {
        var oid = info.Algorithm.Algorithm;
        try
        {
            if (oid.Equals(PkcsObjectIdentifiers.RsaEncryption))
            {
                return RsaPublicKeyStructure.GetInstance(info.ParsePublicKey()).Modulus.BitLength;
            }
            if (oid.Equals(X9ObjectIdentifiers.IdECPublicKey))
            {
                return CurveName(info) switch { "P-256" => 256, "P-384" => 384, "P-521" => 521, _ => 0 };
            }
            if (oid.Equals(X9ObjectIdentifiers.IdDsa) && info.Algorithm.Parameters is Asn1Encodable p and not Asn1Null)
            {
                return DsaParameter.GetInstance(p).P.BitLength;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            return 0;
        }
        return 0;
    }

    public static string? CurveName(SubjectPublicKeyInfo info)
    {
        if (info.Algorithm.Parameters is not { } parameters
            || X962Parameters.GetInstance(parameters) is not { IsNamedCurve: true } x962)
        {
            return null;
        }
        var curve = DerObjectIdentifier.GetInstance(x962.Parameters);
        if (curve.Equals(SecObjectIdentifiers.SecP256r1))
        {
            return "P-256";
        }
        if (curve.Equals(SecObjectIdentifiers.SecP384r1))
        {
            return "P-384";
        }
        if (curve.Equals(SecObjectIdentifiers.SecP521r1))
        {
            return "P-521";
        }
        return ECNamedCurveTable.GetName(curve) ?? NistNamedCurves.GetName(curve) ?? curve.Id;
    }
}
