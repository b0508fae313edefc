using System.CommandLine;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// `impsim pki verify`: validates a leaf (plus untrusted intermediates) against trusted certificates, as a node of
/// the simulator would. Exit 0 when valid, 1 when not (with the reasons), 2 when an input cannot be read.
/// Without --at it validates at the machine's current time: the one place where the CLI, not the simulation,
/// reads a clock.
/// </summary>
public static class PkiVerifyCommand
{
    public static Command Create()
    {
        var trust = new Option<string[]>("--trust")
        {
            Description = "Trusted certificate files (PEM, DER or PKCS#7; several certificates per file allowed)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var untrusted = new Option<string[]>("--untrusted")
        {
            Description = "Untrusted intermediate certificate files, in any order",
            AllowMultipleArgumentsPerToken = true,
        };
        var leaf = new Option<string>("--leaf")
        {
            Description = "The certificate to verify (extra certificates in the file count as untrusted intermediates)",
            Required = true,
        };
        var at = new Option<string?>("--at")
        {
            Description = "Validation time, ISO 8601 UTC (e.g. 2011-04-15T00:00:00Z); default: the machine's current time",
        };
        var name = new Option<string?>("--name") { Description = "Host name the leaf must be valid for (SAN dNSName, or CN without SAN; no wildcards)" };
        var fips = new Option<bool>("--fips") { Description = "Apply the FIPS policy (RSA 2048-4096, P-256/P-384, no MD5/SHA-1/DSA)" };
        var server = new Option<bool>("--server") { Description = "The leaf must be usable as a TLS server certificate (EKU serverAuth)" };

        var command = new Command("verify", "Verify a certificate chain against trusted certificates") { trust, untrusted, leaf, at, name, fips, server };
        command.SetAction(parse => Execute(
            parse.GetValue(trust) ?? [],
            parse.GetValue(untrusted) ?? [],
            parse.GetValue(leaf)!,
            parse.GetValue(at),
            parse.GetValue(name),
            parse.GetValue(fips),
            parse.GetValue(server),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string[] trustFiles, string[] untrustedFiles, string leafFile, string? atText, string? hostName,
        bool fips, bool server, TextWriter output, TextWriter error)
    {
        DateTime at;
        IReadOnlyList<Certificate> trusted;
        List<Certificate> intermediates;
        Certificate leaf;
        try
        {
            at = atText is null ? DateTime.UtcNow : ParseTime(atText);
            trusted = trustFiles.SelectMany(PkiFiles.Read).ToArray();
            var leafFileCertificates = PkiFiles.Read(leafFile);
            leaf = leafFileCertificates[0];
            intermediates = [.. leafFileCertificates.Skip(1), .. untrustedFiles.SelectMany(PkiFiles.Read)];
        }
        catch (Exception e) when (e is PkiFormatException or UsageException)
        {
            error.WriteLine($"impsim pki verify: {e.Message}");
            return ExitCodes.BadInput;
        }

        var options = new ValidationOptions(at) { HostName = hostName, Fips = fips, RequireServerAuth = server };
        var result = ChainValidator.Validate(leaf, intermediates, trusted, options);
        var when = PkiCommand.Time(at);
        if (result.IsValid)
        {
            output.WriteLine($"{leafFile}: OK (valid at {when}{(fips ? ", FIPS" : "")})");
            foreach (var certificate in result.Path)
            {
                output.WriteLine($"  {certificate.Subject}");
            }
            return ExitCodes.Success;
        }
        output.WriteLine($"{leafFile}: FAILED (not valid at {when}{(fips ? ", FIPS" : "")})");
        foreach (var reason in result.Reasons)
        {
            output.WriteLine($"  - {reason}");
        }
        return ExitCodes.ExpectationFailed;
    }

    internal static DateTime ParseTime(string text)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        throw new UsageException($"--at '{text}' is not an ISO 8601 time; write it like 2011-04-15T00:00:00Z");
    }
}
