using System.Text;
using Org.BouncyCastle.Pkcs;

namespace ImpClusterSim.Pki;

/// <summary>Reads a PKCS#10 CSR from PEM ("CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST") or DER.</summary>
public static class CertificateRequestReader
{
    public static CertificateRequest Read(byte[] data, string source = "input")
    {
        if (data.Length == 0)
        {
            throw new PkiFormatException($"{source}: the input is empty");
        }
        if (data[0] == 0x30)
        {
            return Decode(data, source);
        }
        var blocks = PemParser.Parse(Encoding.UTF8.GetString(data).TrimStart('\uFEFF'), source);
        var block = blocks.FirstOrDefault(b => b.Label is "CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST")
            ?? throw new PkiFormatException($"{source}: no certificate request found (expected -----BEGIN CERTIFICATE REQUEST-----)");
        return Decode(block.Der, $"{source}: line {block.Line}: PEM block '{block.Label}'");
    }

    private static CertificateRequest Decode(byte[] der, string where)
    {
        var error = DerChecker.FirstError(der, out var end);
        if (error is not null)
        {
            throw new PkiFormatException($"{where}: not a certificate request: DER decoding failed at {error}");
        }
        try
        {
            var request = new CertificateRequest(new Pkcs10CertificationRequest(der.AsSpan(0, end).ToArray()));
            _ = request.DnsNames;
            return request;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PkiFormatException($"{where}: not a certificate request: {e.Message}", e);
        }
    }
}
