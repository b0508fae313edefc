using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// Reads the certificates named on a `pki` command line (each file through <see cref="PkiFiles"/>, the input boundary): a
/// file (PEM, DER or PKCS#7), or a directory, meaning every
/// certificate file directly in it, in file-name order (like OpenSSL's -CApath; files holding no certificate are
/// skipped and named in <see cref="Skipped"/>). Errors are <see cref="PkiFormatException"/>s.
/// </summary>
internal sealed class CertificateFiles
{
    private readonly List<string> skipped = [];

    /// <summary>Directory entries that held no certificate, as "path: why".</summary>
    public IReadOnlyList<string> Skipped => skipped;

    public IReadOnlyList<Certificate> Read(IEnumerable<string> paths) => paths.SelectMany(ReadOne).ToArray();

    private IEnumerable<Certificate> ReadOne(string path)
    {
        if (!Directory.Exists(path))
        {
            return PkiFiles.Read(path);
        }
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PkiFormatException($"{path}: cannot list the directory ({e.Message})", e);
        }
        var certificates = new List<Certificate>();
        foreach (var file in files)
        {
            try
            {
                certificates.AddRange(PkiFiles.Read(file));
            }
            catch (PkiFormatException e) when (!e.IsInvalidCertificate)
            {
                skipped.Add(e.Message);
            }
        }
        return certificates;
    }
}
