using System.Globalization;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security;

namespace ImpClusterSim.Pki;

/// <summary>
/// Finds the first X.509 rule a DER certificate breaks, in our words and with its RFC 5280 section, so that a
/// certificate that decodes as DER but is not a valid certificate gets an honest "invalid: ..." verdict instead of a
/// parser's message: field types (§4.1), version (§4.1.2.1), the inner and outer signature algorithms (§4.1.1.2),
/// validity times (§4.1.2.5), the public key (§4.1.2.7), unique identifiers (§4.1.2.8), extensions once each
/// (§4.2) with values that decode as their section says.
/// </summary>
internal static class CertificateRules
{
    private static readonly Dictionary<string, (string Section, Func<Asn1Object, object> Decode)> ExtensionDecoders = new(StringComparer.Ordinal)
    {
        ["2.5.29.35"] = ("4.2.1.1", o => AuthorityKeyIdentifier.GetInstance(o)),
        ["2.5.29.14"] = ("4.2.1.2", o => Asn1OctetString.GetInstance(o)),
        ["2.5.29.15"] = ("4.2.1.3", o => KeyUsage.GetInstance(DerBitString.GetInstance(o))),
        ["2.5.29.32"] = ("4.2.1.4", o => CertificatePolicies.GetInstance(o)),
        ["2.5.29.33"] = ("4.2.1.5", o => PolicyMappings.GetInstance(o)),
        ["2.5.29.17"] = ("4.2.1.6", o => NonEmpty(GeneralNames.GetInstance(o))),
        ["2.5.29.18"] = ("4.2.1.7", o => GeneralNames.GetInstance(o)),
        ["2.5.29.19"] = ("4.2.1.9", o => ValidBasicConstraints(BasicConstraints.GetInstance(o))),
        ["2.5.29.30"] = ("4.2.1.10", o => NameConstraints.GetInstance(o)),
        ["2.5.29.36"] = ("4.2.1.11", o => PolicyConstraintsValue(Asn1Sequence.GetInstance(o))),
        ["2.5.29.37"] = ("4.2.1.12", o => NonEmpty(ExtendedKeyUsage.GetInstance(o))),
        ["2.5.29.31"] = ("4.2.1.13", o => CrlDistPoint.GetInstance(o)),
        ["2.5.29.54"] = ("4.2.1.14", o => NonNegative(DerInteger.GetInstance(o))),
        ["1.3.6.1.5.5.7.1.1"] = ("4.2.2.1", o => AuthorityInformationAccess.GetInstance(o)),
    };

    /// <summary>Null when <paramref name="certificate"/> (a SEQUENCE of three) follows the rules below; otherwise the first rule it breaks.</summary>
    public static string? FirstBroken(Asn1Sequence certificate)
    {
        if (certificate[0] is not Asn1Sequence tbs)
        {
            return "its tbsCertificate is not a SEQUENCE (RFC 5280 §4.1.1.1)";
        }
        if (Decode(() => AlgorithmIdentifier.GetInstance(certificate[1])) is null)
        {
            return "its signatureAlgorithm is not an AlgorithmIdentifier (RFC 5280 §4.1.1.2)";
        }
        if (certificate[2] is not DerBitString)
        {
            return "its signatureValue is not a BIT STRING (RFC 5280 §4.1.1.3)";
        }
        var i = 0;
        var version = 1;
        if (i < tbs.Count && tbs[i] is Asn1TaggedObject { TagNo: 0 } versionTag)
        {
            var value = Decode(() => DerInteger.GetInstance(versionTag, true));
            if (value is null || value.Value.SignValue < 0 || value.Value.BitLength > 2 || value.Value.IntValue > 2)
            {
                return "its version is not v1, v2 or v3 (RFC 5280 §4.1.2.1)";
            }
            version = value.Value.IntValue + 1;
            i++;
        }
        if (i >= tbs.Count || tbs[i++] is not DerInteger)
        {
            return "its serialNumber is not an INTEGER (RFC 5280 §4.1.2.2)";
        }
        if (i >= tbs.Count || Decode(() => AlgorithmIdentifier.GetInstance(tbs[i])) is not { } innerAlgorithm)
        {
            return "its signature field is not an AlgorithmIdentifier (RFC 5280 §4.1.2.3)";
        }
        i++;
        if (!innerAlgorithm.Equals(AlgorithmIdentifier.GetInstance(certificate[1])))
        {
            return "its signature field and its signatureAlgorithm name different algorithms (RFC 5280 §4.1.1.2)";
        }
        if (i >= tbs.Count || Decode(() => X509Name.GetInstance(tbs[i])) is null)
        {
            return "its issuer is not a Name (RFC 5280 §4.1.2.4)";
        }
        i++;
        if (i >= tbs.Count || tbs[i] is not Asn1Sequence { Count: 2 } validity)
        {
            return "its validity is not a SEQUENCE of notBefore and notAfter (RFC 5280 §4.1.2.5)";
        }
        i++;
        foreach (var (time, field) in new[] { (validity[0], "notBefore"), (validity[1], "notAfter") })
        {
            if (TimeRule(time, field) is { } broken)
            {
                return broken;
            }
        }
        if (i >= tbs.Count || Decode(() => X509Name.GetInstance(tbs[i])) is null)
        {
            return "its subject is not a Name (RFC 5280 §4.1.2.6)";
        }
        i++;
        if (i >= tbs.Count || Decode(() => SubjectPublicKeyInfo.GetInstance(tbs[i])) is not { } key)
        {
            return "its subjectPublicKeyInfo is not a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7)";
        }
        i++;
        if (KeyRule(key) is { } keyRule)
        {
            return keyRule;
        }
        for (; i < tbs.Count; i++)
        {
            if (tbs[i] is not Asn1TaggedObject { TagNo: >= 1 and <= 3 } tagged)
            {
                return "its tbsCertificate has a field after subjectPublicKeyInfo that is not issuerUniqueID, subjectUniqueID or extensions (RFC 5280 §4.1)";
            }
            if (tagged.TagNo < 3 && version < 2)
            {
                return "it is version 1 but has unique identifiers, which need version 2 or 3 (RFC 5280 §4.1.2.8)";
            }
            if (tagged.TagNo == 3)
            {
                if (version < 3)
                {
                    return $"it is version {version} but has extensions, which need version 3 (RFC 5280 §4.1.2.9)";
                }
                if (ExtensionsRule(tagged) is { } broken)
                {
                    return broken;
                }
            }
        }
        return null;
    }

    private static string? ExtensionsRule(Asn1TaggedObject tagged)
    {
        if (Decode(() => Asn1Sequence.GetInstance(tagged, true)) is not { Count: > 0 } extensions)
        {
            return "its extensions field is not a non-empty SEQUENCE of extensions (RFC 5280 §4.1.2.9)";
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in extensions)
        {
            if (element is not Asn1Sequence { Count: 2 or 3 } extension || extension[0] is not DerObjectIdentifier oid
                || extension[^1] is not Asn1OctetString value || (extension.Count == 3 && extension[1] is not DerBoolean))
            {
                return "an extension is not a SEQUENCE of extnID, critical and extnValue (RFC 5280 §4.1)";
            }
            var name = ExtensionReader.ExtensionName(oid.Id);
            var label = name == oid.Id ? oid.Id : $"{name} ({oid.Id})";
            if (!seen.Add(oid.Id))
            {
                return $"the extension {label} appears more than once (RFC 5280 §4.2)";
            }
            if (ExtensionDecoders.TryGetValue(oid.Id, out var decoder))
            {
                var decoded = Decode(() => decoder.Decode(Asn1Object.FromByteArray(value.GetOctets())));
                if (decoded is null)
                {
                    return $"the value of the extension {label} is not valid (RFC 5280 §{decoder.Section})";
                }
            }
        }
        return null;
    }

    /// <summary>UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ, a real date and time (RFC 5280 §4.1.2.5.1-§4.1.2.5.2).</summary>
    private static string? TimeRule(Asn1Encodable time, string field)
    {
        string text;
        string format;
        if (time is Asn1UtcTime utc)
        {
            text = utc.TimeString;
            format = "yyMMddHHmmss'Z'";
            if (text.Length != 13)
            {
                return $"its {field} UTCTime '{text}' is not of the form YYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.1)";
            }
        }
        else if (time is Asn1GeneralizedTime generalized)
        {
            text = generalized.TimeString;
            format = "yyyyMMddHHmmss'Z'";
            if (text.Length != 15)
            {
                return $"its {field} GeneralizedTime '{text}' is not of the form YYYYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.2)";
            }
        }
        else
        {
            return $"its {field} is neither a UTCTime nor a GeneralizedTime (RFC 5280 §4.1.2.5)";
        }
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
        {
            return $"its {field} '{text}' is not a valid date and time (RFC 5280 §4.1.2.5)";
        }
        return null;
    }

    /// <summary>The public key decodes (RSA, EC or DSA; an unknown algorithm is left to the validator). No primality tests: this is a structure check.</summary>
    private static string? KeyRule(SubjectPublicKeyInfo key)
    {
        var algorithm = key.Algorithm.Algorithm.Id;
        if (algorithm is not ("1.2.840.113549.1.1.1" or "1.2.840.10045.2.1" or "1.2.840.10040.4.1"))
        {
            return null;
        }
        var parsed = Decode(() => RsaPrimalityTests.SkippedFor(() => PublicKeyFactory.CreateKey(key)));
        return parsed is null ? "its subject public key cannot be decoded for its algorithm (RFC 5280 §4.1.2.7)" : null;
    }

    private static object NonEmpty(GeneralNames names) => names.GetNames().Length > 0 ? names : throw new ArgumentException("empty");

    private static object NonEmpty(ExtendedKeyUsage usage) => usage.GetAllUsages().Count > 0 ? usage : throw new ArgumentException("empty");

    private static object NonNegative(DerInteger value) => value.Value.SignValue >= 0 ? value : throw new ArgumentException("negative");

    private static object ValidBasicConstraints(BasicConstraints value) =>
        value.PathLenConstraint is null || value.PathLenConstraint.SignValue >= 0 ? value : throw new ArgumentException("negative");

    private static object PolicyConstraintsValue(Asn1Sequence sequence)
    {
        foreach (var element in sequence)
        {
            if (element is not Asn1TaggedObject { TagNo: 0 or 1 } tagged || DerInteger.GetInstance(tagged, false).Value.SignValue < 0)
            {
                throw new ArgumentException("bad");
            }
        }
        return sequence;
    }

    private static T? Decode<T>(Func<T> decode) where T : class
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
