using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Wire;

/// <summary>
/// Field helpers shared by the codecs: enums by name (a renamed or unknown member fails loudly instead of shifting),
/// optional values with a presence flag, virtual instants as UTC ticks, certificates as DER (RFC 5280) read back
/// through the PKI's decoder, key pairs as PKCS#8, certificate units and node identities.
/// </summary>
public static class WireFields
{
    public static WireWriter Enum<T>(this WireWriter w, T value) where T : struct, System.Enum => w.String(value.ToString());

    public static T Enum<T>(this WireReader r) where T : struct, System.Enum
    {
        var name = r.String();
        return System.Enum.TryParse<T>(name, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new WireFormatException($"'{name}' is not a {typeof(T).Name}");
    }

    public static WireWriter Optional<T>(this WireWriter w, T? value, Action<WireWriter, T> write) where T : class
    {
        w.Bool(value is not null);
        if (value is not null) write(w, value);
        return w;
    }

    public static T? Optional<T>(this WireReader r, Func<WireReader, T> read) where T : class => r.Bool() ? read(r) : null;

    public static WireWriter OptionalLong(this WireWriter w, long? value)
    {
        w.Bool(value is not null);
        if (value is { } v) w.Long(v);
        return w;
    }

    public static long? OptionalLong(this WireReader r) => r.Bool() ? r.Long() : null;

    public static WireWriter OptionalInt(this WireWriter w, int? value)
    {
        w.Bool(value is not null);
        if (value is { } v) w.Int(v);
        return w;
    }

    public static int? OptionalInt(this WireReader r) => r.Bool() ? r.Int() : null;

    public static WireWriter Instant(this WireWriter w, SimInstant value) => w.Long(value.UtcTicks);

    public static SimInstant Instant(this WireReader r) => new(r.Long());

    public static WireWriter OptionalInstant(this WireWriter w, SimInstant? value) => w.OptionalLong(value?.UtcTicks);

    public static SimInstant? OptionalInstant(this WireReader r) => r.OptionalLong() is { } ticks ? new SimInstant(ticks) : null;

    public static WireWriter Duration(this WireWriter w, TimeSpan value) => w.Long(value.Ticks);

    public static TimeSpan Duration(this WireReader r) => TimeSpan.FromTicks(r.Long());

    public static WireWriter Strings(this WireWriter w, IReadOnlyCollection<string> values) => w.List(values, (w2, s) => w2.String(s));

    public static ImmutableArray<string> Strings(this WireReader r) => [.. r.List(r2 => r2.String())];

    /// <summary>A certificate as its DER bytes.</summary>
    public static WireWriter Certificate(this WireWriter w, Certificate value) => w.Bytes(value.GetDer());

    public static Certificate Certificate(this WireReader r)
    {
        var der = r.Bytes();
        try
        {
            return CertificateReader.DecodeCertificate(der, "certificate on the wire");
        }
        catch (PkiFormatException e)
        {
            throw new WireFormatException(e.Message);
        }
    }

    public static WireWriter Certificates(this WireWriter w, IReadOnlyCollection<Certificate> values) => w.List(values, (w2, c) => w2.Certificate(c));

    public static ImmutableArray<Certificate> Certificates(this WireReader r) => [.. r.List(r2 => r2.Certificate())];

    /// <summary>A key pair: its algorithm, id, pool slot and PKCS#8 private key (the public key is derived again).</summary>
    public static WireWriter KeyPair(this WireWriter w, KeyPair key) =>
        w.Enum(key.Algorithm).String(key.KeyId).OptionalInt(key.PoolSlot).Bytes(key.GetPrivateKeyDer());

    public static KeyPair KeyPair(this WireReader r)
    {
        var algorithm = r.Enum<KeyAlgorithm>();
        var id = r.String();
        var slot = r.OptionalInt();
        var der = r.Bytes();
        try
        {
            return Pki.KeyPair.FromPrivateKeyDer(algorithm, id, slot, der);
        }
        catch (FormatException e)
        {
            throw new WireFormatException(e.Message);
        }
    }

    public static WireWriter Unit(this WireWriter w, CertificateUnit unit) => w.String(unit.Name).String(unit.TrustStoreName).Bool(unit.CarriesHostedDomains);

    public static CertificateUnit Unit(this WireReader r) => new(r.String(), r.String(), r.Bool());

    public static WireWriter Identity(this WireWriter w, NodeIdentity identity) => w.String(identity.Fqdn).Strings([.. identity.HostedDomains]);

    public static NodeIdentity Identity(this WireReader r) => new(r.String(), [.. r.Strings()]);
}
