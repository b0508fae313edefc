using System.Text;

namespace ImpClusterSim.Pki;

/// <summary>A certificate in a trust store, under its file name "&lt;CN&gt;_&lt;serialhex&gt;.pem" (domain facts §3.2.10).</summary>
public sealed record TrustEntry(string FileName, Certificate Certificate)
{
    public static TrustEntry For(Certificate certificate) => new(FileNameFor(certificate), certificate);

    /// <summary>The CN with spaces and characters unsafe in file names replaced by '_', then '_' and the serial in hex.</summary>
    public static string FileNameFor(Certificate certificate) => certificate.TrustFileName ??= Compose(certificate);

    private static string Compose(Certificate certificate)
    {
        var name = new StringBuilder();
        foreach (var c in certificate.SubjectCommonName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }
        return $"{name}_{certificate.SerialNumberHex}.pem";
    }
}
