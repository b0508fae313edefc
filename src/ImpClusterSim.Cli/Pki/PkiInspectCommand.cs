using System.CommandLine;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// `impsim pki inspect FILE`: prints each certificate of a PEM, DER or PKCS#7 file. Exit 1 when the file holds a
/// certificate that breaks an X.509 rule (the rule is printed), 2 when it is not a certificate at all.
/// </summary>
public static class PkiInspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Certificate file: PEM (several blocks allowed), DER or PKCS#7" };
        var command = new Command("inspect", "Print subject, issuer, validity, key, signature, extensions and SHA-256 fingerprint") { file };
        command.SetAction(parse => Execute(parse.GetValue(file)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string path, TextWriter output, TextWriter error)
    {
        IReadOnlyList<Certificate> certificates;
        try
        {
            certificates = PkiFiles.Read(path);
        }
        catch (PkiFormatException e) when (e.IsInvalidCertificate)
        {
            output.WriteLine($"{path}: invalid certificate");
            output.WriteLine($"  - {e.Message}");
            return ExitCodes.ExpectationFailed;
        }
        catch (PkiFormatException e)
        {
            error.WriteLine($"impsim pki inspect: {e.Message}");
            return ExitCodes.BadInput;
        }
        for (var i = 0; i < certificates.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }
            Write(output, certificates[i], i + 1, certificates.Count, path);
        }
        return ExitCodes.Success;
    }

    private static void Write(TextWriter output, Certificate c, int number, int count, string path)
    {
        static string List(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);
        output.WriteLine($"Certificate {number} of {count} in {path}");
        output.WriteLine($"  Subject:              {c.Subject}");
        output.WriteLine($"  Issuer:               {c.Issuer}");
        output.WriteLine($"  Serial number:        {c.SerialNumberHex}");
        output.WriteLine($"  Valid from:           {PkiCommand.Time(c.NotBefore)}");
        output.WriteLine($"  Valid until:          {PkiCommand.Time(c.NotAfter)}");
        output.WriteLine($"  Key:                  {c.KeyDescription}");
        output.WriteLine($"  Signature algorithm:  {c.SignatureAlgorithm}");
        output.WriteLine($"  Basic constraints:    {(c.IsCertificateAuthority ? c.PathLengthConstraint is { } p ? $"CA, path length {p}" : "CA" : "not a CA")}");
        output.WriteLine($"  Key usage:            {List(c.KeyUsages)}");
        output.WriteLine($"  Extended key usage:   {List(c.ExtendedKeyUsages)}");
        output.WriteLine($"  Subject alt names:    {List([.. c.DnsNames.Select(n => $"DNS:{n}"), .. c.IpAddresses.Select(a => $"IP:{a}")])}");
        output.WriteLine($"  Extensions:           {List(c.Extensions.Select(e => e.Critical ? $"{e.Name} (critical)" : e.Name).ToArray())}");
        output.WriteLine($"  SHA-256 fingerprint:  {c.Sha256Fingerprint}");
        output.WriteLine($"  Description:          {c.Description}");
    }
}
