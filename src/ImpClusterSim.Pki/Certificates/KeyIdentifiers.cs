using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki;

/// <summary>The subject and authority key identifiers of a certificate (RFC 5280 §4.2.1.1-§4.2.1.2), read once.</summary>
internal sealed record KeyIdentifiers(byte[]? Subject, byte[]? Authority)
{
    public static KeyIdentifiers Read(X509Certificate certificate)
    {
        var extensions = certificate.CertificateStructure.TbsCertificate.Extensions;
        return new KeyIdentifiers(
            SubjectKeyIdentifier.FromExtensions(extensions)?.GetKeyIdentifier(),
            AuthorityKeyIdentifier.FromExtensions(extensions)?.KeyIdentifier?.GetOctets());
    }
}
