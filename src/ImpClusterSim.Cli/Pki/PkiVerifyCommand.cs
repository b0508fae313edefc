using System.CommandLine;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// `impsim pki verify`: validates a leaf (plus untrusted intermediates) against trusted certificates, as a node of
/// the simulator would (RFC 5280 §6 with the options below). Exit 0 when valid; 1 when not, with every reason, and
/// also when an input is a certificate that breaks an X.509 rule (with the rule); 2 when an input is not a
/// certificate at all or an option is wrong. Without --at it validates at the machine's current time: the one place
/// where the CLI, not the simulation, reads a clock.
/// </summary>
public static class PkiVerifyCommand
{
    public static Command Create()
    {
        var trust = new Option<string[]>("--trust")
        {
            Description = "Trusted certificate files or directories (PEM, DER or PKCS#7; a directory means every certificate file in it)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var untrusted = new Option<string[]>("--untrusted")
        {
            Description = "Untrusted intermediate certificate files or directories, in any order",
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
        var name = new Option<string?>("--name") { Description = "Host name or IP address the leaf must be valid for (RFC 6125: SAN dNSName or iPAddress, the CN only without them)" };
        var fips = new Option<bool>("--fips") { Description = "Apply the FIPS policy (RSA 2048-4096, P-256/P-384, no MD5/SHA-1/DSA)" };
        var server = new Option<bool>("--server") { Description = "Same as --purpose server" };
        var purpose = new Option<string?>("--purpose")
        {
            Description = "What the leaf is for: server, client or any (default any); the leaf's EKU and every CA's EKU must allow it",
        };
        purpose.AcceptOnlyFromAmong("server", "client", "any");
        var policy = new Option<string[]>("--policy")
        {
            Description = "An OID of the initial policy set (RFC 5280 §6.1.1 (c)); repeat for several; default anyPolicy",
            AllowMultipleArgumentsPerToken = true,
        };
        var explicitPolicy = new Option<bool>("--explicit-policy") { Description = "initial-explicit-policy: the path must be valid for a policy of the initial set" };
        var inhibitMapping = new Option<bool>("--inhibit-mapping") { Description = "initial-policy-mapping-inhibit: policy mappings are not allowed" };
        var inhibitAny = new Option<bool>("--inhibit-any") { Description = "initial-any-policy-inhibit: anyPolicy in a certificate does not match every policy" };
        var anchorChecks = new Option<string?>("--anchor-checks")
        {
            Description = "What is checked on the trust anchor itself: openssl (validity, CA, key usage, name constraints; the default) or none (RFC 5280, Java PKIX)",
        };
        anchorChecks.AcceptOnlyFromAmong("openssl", "none");
        var strict = new Option<bool>("--strict") { Description = "Also apply the RFC 5280 §4 profile rules (key identifiers, critical basic constraints, ...), like OpenSSL's -x509_strict" };
        var json = new Option<bool>("--json") { Description = "Print the verdict, the path found and each failure as JSON" };

        var command = new Command("verify", "Verify a certificate chain against trusted certificates (RFC 5280 path validation)")
        {
            trust, untrusted, leaf, at, name, fips, server, purpose, policy, explicitPolicy, inhibitMapping, inhibitAny, anchorChecks, strict, json,
        };
        command.SetAction(parse =>
        {
            var request = new VerifyRequest(
                parse.GetValue(trust) ?? [], parse.GetValue(untrusted) ?? [], parse.GetValue(leaf)!, parse.GetValue(at), parse.GetValue(name),
                parse.GetValue(fips), parse.GetValue(server) ? "server" : parse.GetValue(purpose) ?? "any", parse.GetValue(policy) ?? [],
                parse.GetValue(explicitPolicy), parse.GetValue(inhibitMapping), parse.GetValue(inhibitAny),
                parse.GetValue(anchorChecks) ?? "openssl", parse.GetValue(strict), parse.GetValue(json));
            return Execute(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private static int Execute(VerifyRequest request, TextWriter output, TextWriter error)
    {
        ValidationOptions options;
        IReadOnlyList<Certificate> trusted;
        List<Certificate> intermediates;
        Certificate leaf;
        var files = new CertificateFiles();
        try
        {
            options = Options(request);
            trusted = files.Read(request.TrustPaths);
            var leafFileCertificates = PkiFiles.Read(request.LeafPath);
            leaf = leafFileCertificates[0];
            intermediates = [.. leafFileCertificates.Skip(1), .. files.Read(request.UntrustedPaths)];
        }
        catch (PkiFormatException e) when (e.IsInvalidCertificate)
        {
            VerifyReport.InvalidCertificate(request, e, output);
            return ExitCodes.ExpectationFailed;
        }
        catch (Exception e) when (e is PkiFormatException or UsageException)
        {
            error.WriteLine($"impsim pki verify: {e.Message}");
            return ExitCodes.BadInput;
        }
        foreach (var skipped in files.Skipped)
        {
            error.WriteLine($"impsim pki verify: skipped {skipped}");
        }
        var result = ChainValidator.Validate(leaf, intermediates, trusted, options);
        VerifyReport.Write(request, options, result, output);
        return result.IsValid ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    private static ValidationOptions Options(VerifyRequest request)
    {
        foreach (var oid in request.Policies)
        {
            if (!Org.BouncyCastle.Asn1.DerObjectIdentifier.TryFromID(oid, out _))
            {
                throw new UsageException($"--policy '{oid}' is not an object identifier; write it like 2.16.840.1.101.3.2.1.48.1");
            }
        }
        return new ValidationOptions(request.AtText is null ? DateTime.UtcNow : ParseTime(request.AtText))
        {
            HostName = request.HostName,
            Fips = request.Fips,
            Purpose = request.Purpose switch { "server" => CertificatePurpose.Server, "client" => CertificatePurpose.Client, _ => CertificatePurpose.Any },
            InitialPolicies = request.Policies.Length > 0 ? request.Policies : [ValidationOptions.AnyPolicy],
            RequireExplicitPolicy = request.ExplicitPolicy,
            InhibitPolicyMapping = request.InhibitMapping,
            InhibitAnyPolicy = request.InhibitAny,
            AnchorChecks = request.AnchorChecks == "none" ? TrustAnchorChecks.None : TrustAnchorChecks.OpenSsl,
            StrictProfile = request.Strict,
        };
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
