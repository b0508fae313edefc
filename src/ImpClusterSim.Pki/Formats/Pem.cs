using System.Text;

namespace ImpClusterSim.Pki;

/// <summary>Writes PEM blocks the way OpenSSL does: base64 in 64-character lines, LF line ends.</summary>
public static class Pem
{
    public static string Encode(string label, ReadOnlySpan<byte> der)
    {
        var base64 = Convert.ToBase64String(der);
        var text = new StringBuilder(base64.Length + 80);
        text.Append("-----BEGIN ").Append(label).Append("-----\n");
        for (var i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }
        text.Append("-----END ").Append(label).Append("-----\n");
        return text.ToString();
    }
}
