namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// Reply texts. Sourced: the regeneration lines (domain facts §3.2.8, §5.5), "CSR SAN and Certificate SAN does not
/// match" (§3.3.3, from Pki), "Successfully imported certificate for &lt;unit&gt;." (§5.5). The others are chosen
/// (docs/certificates.md): no source gives, for example, the error for a leaf whose chain is missing (§9).
/// </summary>
public static class CertificateTexts
{
    public static string RegenerationWarning(string unit) =>
        $"WARNING: This operation will overwrite any CA signed certificate previously imported for {unit}";

    public static string Regenerated(string unit) => $"Successfully regenerated certificate for {unit}.";

    public static string UnknownStore(string store, IEnumerable<string> stores) =>
        $"Unknown certificate name '{store}': this node's trust stores are {string.Join(", ", stores)}.";

    public static string UnknownUnit(string unit, IEnumerable<string> units) =>
        $"Unknown certificate name '{unit}': this node's certificates are {string.Join(", ", units)}.";

    public static string SignerNotInStore(string signer, string store) =>
        $"Upload refused: the signing certificate '{signer}' is not in {store}. Upload the chain in order: root > intermediate-1 > ... > intermediate-N.";

    public static string NotSignedBy(string subject, string signer) =>
        $"Upload refused: '{subject}' was not signed by '{signer}'. Specify the previously uploaded certificate that signed it.";

    public static string ChainNotTrusted(string subject, string store, string reasons) =>
        $"Upload refused: the certificate chain of '{subject}' is not trusted: its root and intermediate certificates must be in {store} first ({reasons}).";

    public static string NoLeaf(string unit) =>
        $"Upload refused: the file holds no end-entity certificate for {unit} (only CA certificates; upload those to the trust store).";

    public static string FipsRefused(string subject, string reasons) =>
        $"Upload refused in FIPS mode: '{subject}': {reasons}.";

    public static string CsrGenerated(string unit) => $"Successfully generated CSR for {unit}.";

    public static string FileNotFound(string file) => $"Certificate file not found: {file}";

    public static string TrustDeleted(string fileName, string store) => $"Successfully deleted certificate {fileName} from {store}.";

    public static string FipsRegenerated(bool enabled, IEnumerable<string> units) =>
        $"FIPS mode {(enabled ? "enabled" : "disabled")}: regenerated certificates {string.Join(", ", units)}.";
}
