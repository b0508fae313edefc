namespace ImpClusterSim.Pki;

/// <summary>
/// Writes a node's certificates as PEM files that OpenSSL can check:
/// DIR/&lt;node&gt;/own/&lt;unit&gt;.pem and DIR/&lt;node&gt;/trust/&lt;store&gt;/&lt;CN&gt;_&lt;serialhex&gt;.pem.
/// Files are written in sorted order with LF line ends, so an export is byte-identical for the same run.
/// </summary>
public static class PemExport
{
    /// <returns>The paths written, in order.</returns>
    public static IReadOnlyList<string> WriteNode(string directory, string nodeName,
        IReadOnlyDictionary<string, Certificate> ownCertificates, IReadOnlyDictionary<string, IReadOnlyList<TrustEntry>> trustStores)
    {
        var written = new List<string>();
        var nodeDirectory = Path.Combine(directory, SafeName(nodeName));
        var own = Path.Combine(nodeDirectory, "own");
        Directory.CreateDirectory(own);
        foreach (var (unit, certificate) in ownCertificates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            written.Add(Write(Path.Combine(own, $"{SafeName(unit)}.pem"), certificate.ToPem()));
        }
        foreach (var (store, entries) in trustStores.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var storeDirectory = Path.Combine(nodeDirectory, "trust", SafeName(store));
            Directory.CreateDirectory(storeDirectory);
            foreach (var entry in entries.OrderBy(e => e.FileName, StringComparer.Ordinal))
            {
                var fileName = entry.FileName.EndsWith(".pem", StringComparison.Ordinal) ? entry.FileName : $"{entry.FileName}.pem";
                written.Add(Write(Path.Combine(storeDirectory, SafeName(fileName)), entry.Certificate.ToPem()));
            }
        }
        return written;
    }

    /// <summary>Overload for the Pki model types: own certificates by unit, and trust stores.</summary>
    public static IReadOnlyList<string> WriteNode(string directory, string nodeName, OwnCertificateStore own, IEnumerable<TrustStore> trustStores) =>
        WriteNode(directory, nodeName,
            own.Certificates.ToDictionary(p => p.Key, p => p.Value.Certificate, StringComparer.Ordinal),
            trustStores.ToDictionary(s => s.Name, s => (IReadOnlyList<TrustEntry>)s.Entries.ToArray(), StringComparer.Ordinal));

    private static string Write(string path, string pem)
    {
        File.WriteAllText(path, pem);
        return path;
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c == '/' || c == '\\' ? '_' : c).ToArray());
        return safe is "." or ".." or "" ? "_" : safe;
    }
}
