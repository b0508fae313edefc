using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki;

/// <summary>
/// Reads certificates from PEM (any number of blocks, including PKCS#7 chains) or DER (a certificate or a PKCS#7
/// SignedData chain). Malformed input raises <see cref="PkiFormatException"/> naming the problem and where.
/// </summary>
public static class CertificateReader
{
    private static readonly string[] CertificateLabels = ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"];

    public static IReadOnlyList<Certificate> ReadFile(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PkiFormatException($"{path}: cannot read the file ({e.Message})", e);
        }
        return Read(data, path);
    }

    /// <summary>All certificates in the data, in file order. At least one, or an error.</summary>
    public static IReadOnlyList<Certificate> Read(byte[] data, string source = "input")
    {
        if (data.Length == 0)
        {
            throw new PkiFormatException($"{source}: the input is empty");
        }
        if (data[0] == 0x30)
        {
            return ReadDer(data, source);
        }
        return ReadPem(Encoding.UTF8.GetString(data).TrimStart('\uFEFF'), source);
    }

    public static IReadOnlyList<Certificate> ReadPem(string text, string source = "input")
    {
        var blocks = PemParser.Parse(text, source);
        var certificates = new List<Certificate>();
        foreach (var block in blocks)
        {
            var where = $"{source}: line {block.Line}: PEM block '{block.Label}'";
            if (CertificateLabels.Contains(block.Label))
            {
                certificates.Add(DecodeCertificate(block.Der, where, allowTrailing: block.Label == "TRUSTED CERTIFICATE"));
            }
            else if (block.Label == "PKCS7")
            {
                certificates.AddRange(DecodePkcs7(block.Der, where));
            }
        }
        if (certificates.Count == 0)
        {
            var seen = blocks.Count == 0 ? "no PEM block at all" : "only " + string.Join(", ", blocks.Select(b => $"'{b.Label}'"));
            throw new PkiFormatException($"{source}: no certificate found ({seen}; expected -----BEGIN CERTIFICATE----- or DER)");
        }
        return certificates;
    }

    public static IReadOnlyList<Certificate> ReadDer(byte[] der, string source = "input")
    {
        var error = DerChecker.FirstError(der, out _);
        if (error is null && IsPkcs7(der))
        {
            return DecodePkcs7(der, source);
        }
        return [DecodeCertificate(der, source, allowTrailing: false)];
    }

    /// <summary>Decodes exactly one DER certificate.</summary>
    public static Certificate DecodeCertificate(byte[] der, string where = "input", bool allowTrailing = false)
    {
        var error = DerChecker.FirstError(der, out var end);
        if (error is not null)
        {
            throw new PkiFormatException($"{where}: not a certificate: DER decoding failed at {error}");
        }
        if (end != der.Length && !allowTrailing)
        {
            throw new PkiFormatException($"{where}: not a certificate: {der.Length - end} unexpected bytes after the DER element at offset {end}");
        }
        var bytes = der.AsSpan(0, end).ToArray();
        if (CertificateInterner.Find(bytes) is { } known)
        {
            return known;
        }
        var tags = DerChecker.ChildTags(bytes);
        if (bytes[0] != 0x30 || tags.Count != 3)
        {
            throw new PkiFormatException($"{where}: not a certificate: expected a SEQUENCE of tbsCertificate, signatureAlgorithm and signature");
        }
        var shapedLikeCertificate = tags[0] == 0x30 && tags[1] == 0x30 && tags[2] == 0x03;
        Asn1Sequence sequence;
        try
        {
            sequence = (Asn1Sequence)Asn1Object.FromByteArray(bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!shapedLikeCertificate)
            {
                throw new PkiFormatException($"{where}: not a certificate: its DER elements do not decode");
            }
            throw Invalid(where, UndecodableRule(bytes));
        }
        if (!shapedLikeCertificate)
        {
            throw new PkiFormatException($"{where}: not a certificate: expected a SEQUENCE of tbsCertificate, signatureAlgorithm and signature");
        }
        if (CertificateRules.FirstBroken(sequence) is { } rule)
        {
            throw Invalid(where, rule);
        }
        try
        {
            var structure = X509CertificateStructure.GetInstance(sequence);
            var certificate = new Certificate(new X509Certificate(structure));
            // Parse the extensions the library reads later now, so malformed ones are reported here and not
            // thrown from a validation.
            _ = certificate.Bc.GetKeyUsage();
            _ = certificate.DnsNames;
            _ = certificate.IpAddresses;
            _ = certificate.ExtendedKeyUsages;
            _ = certificate.Extensions;
            _ = certificate.PathLengthConstraint;
            _ = certificate.SubjectKeyIdentifier;
            return CertificateInterner.Intern(certificate);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // CertificateRules found nothing, BouncyCastle still refuses: say so without its message (it can hold a stack trace).
            throw Invalid(where, "it does not follow the X.509 certificate structure (RFC 5280 §4.1)");
        }
    }

    private static PkiFormatException Invalid(string where, string rule) =>
        new($"{where}: invalid certificate: {rule}", rule);

    /// <summary>The rule broken by a primitive element whose contents do not decode (e.g. a GeneralizedTime of year 0000).</summary>
    private static string UndecodableRule(byte[] der)
    {
        if (DerChecker.FirstUndecodablePrimitive(der) is not { } bad)
        {
            return "it does not follow the X.509 certificate structure (RFC 5280 §4.1)";
        }
        var printable = bad.Contents.All(b => b is >= 0x20 and < 0x7F) ? $" '{Encoding.ASCII.GetString(bad.Contents)}'" : "";
        return bad.Tag switch
        {
            0x17 => $"the UTCTime{printable} at offset {bad.Offset} is not a valid time (RFC 5280 §4.1.2.5.1)",
            0x18 => $"the GeneralizedTime{printable} at offset {bad.Offset} is not a valid time (RFC 5280 §4.1.2.5.2)",
            0x06 => $"the OBJECT IDENTIFIER at offset {bad.Offset} is not valid (ITU-T X.690 §8.19)",
            0x02 => $"the INTEGER at offset {bad.Offset} is not minimally encoded (ITU-T X.690 §8.3)",
            0x01 => $"the BOOLEAN at offset {bad.Offset} is not valid DER (ITU-T X.690 §11.1)",
            0x03 => $"the BIT STRING at offset {bad.Offset} is not valid DER (ITU-T X.690 §8.6, §11.2)",
            _ => $"the element with tag 0x{bad.Tag:X2} at offset {bad.Offset} has contents that do not decode (ITU-T X.690)",
        };
    }

    private static bool IsPkcs7(byte[] der)
    {
        try
        {
            return Asn1Object.FromByteArray(der) is Asn1Sequence { Count: >= 1 } s
                && s[0] is DerObjectIdentifier oid && oid.Equals(PkcsObjectIdentifiers.SignedData);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    private static IReadOnlyList<Certificate> DecodePkcs7(byte[] der, string where)
    {
        var error = DerChecker.FirstError(der, out _);
        if (error is not null)
        {
            throw new PkiFormatException($"{where}: not a PKCS#7 chain: DER decoding failed at {error}");
        }
        Asn1Set? set;
        try
        {
            var info = Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(Asn1Object.FromByteArray(der));
            if (!info.ContentType.Equals(PkcsObjectIdentifiers.SignedData))
            {
                throw new PkiFormatException($"{where}: not a PKCS#7 chain: content type {info.ContentType.Id} is not signedData");
            }
            set = Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(info.Content).Certificates;
        }
        catch (PkiFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PkiFormatException($"{where}: not a PKCS#7 chain: {e.Message}", e);
        }
        if (set is null || set.Count == 0)
        {
            throw new PkiFormatException($"{where}: the PKCS#7 chain holds no certificates");
        }
        return set.Cast<Asn1Encodable>()
            .Select((c, i) => DecodeCertificate(c.GetDerEncoded(), $"{where}: certificate {i + 1} of the PKCS#7 chain"))
            .ToArray();
    }
}
