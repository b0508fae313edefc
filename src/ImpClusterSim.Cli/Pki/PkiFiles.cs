using ImpClusterSim.Domain.Input;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// Certificate files as the pki commands read them: through the input boundary first (a regular file of at most
/// 1 MiB; a FIFO or /dev/zero is refused by what it is), then parsed. Any refusal is a <see cref="PkiFormatException"/>.
/// </summary>
internal static class PkiFiles
{
    public static IReadOnlyList<Certificate> Read(string path) =>
        InputFile.TryReadBytes(path, InputFile.MaxCertificateBytes, out var bytes, out var error)
            ? CertificateReader.Read(bytes, path)
            : throw new PkiFormatException($"{path}: cannot read the file ({error})");
}
