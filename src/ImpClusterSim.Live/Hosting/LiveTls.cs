using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Live;

/// <summary>
/// TLS for Akka.Remote in live mode, with certificates from the simulator's own PKI: a run CA (EC P-256, issued by
/// <see cref="CertificateAuthority"/>) and, per process, a leaf with server and client EKU. Files: <c>DIR/ca.pem</c>
/// and <c>DIR/NAME.pfx</c> (password <see cref="PfxPassword"/>). Mutual TLS: each side accepts the other only if
/// its certificate chains to the run CA (and to nothing else: the machine's trust store is not consulted), so a
/// process without a certificate signed by that CA cannot join.
/// </summary>
public static class LiveTls
{
    public const string PfxPassword = "impsim-live";

    public static LiveTlsFiles FilesFor(string directory, string name) =>
        new(Path.Combine(directory, name + ".pfx"), PfxPassword, Path.Combine(directory, "ca.pem"));

    /// <summary>
    /// Makes a new run CA in <paramref name="directory"/> (<c>ca.pem</c>) and a certificate for each of
    /// <paramref name="names"/> (<c>NAME.pfx</c>), valid from an hour before <paramref name="now"/> for 30 days.
    /// The keys are new for every call.
    /// </summary>
    public static void Issue(string directory, IEnumerable<string> names, DateTime now, string caName = "ImpClusterSim Live CA")
    {
        Directory.CreateDirectory(directory);
        var salt = Guid.NewGuid().ToString("N");
        var notBefore = now.AddHours(-1);
        var ca = CertificateAuthority.CreateRoot(salt, caName, KeyGenerator.Generate(KeyAlgorithm.EcP256, $"live-ca/{salt}"), notBefore, validityYears: 1);
        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.Certificate.ToPem());
        foreach (var name in names)
        {
            var issued = ca.IssueLeaf(name, ["localhost", name], KeyGenerator.Generate(KeyAlgorithm.EcP256, $"live/{salt}/{name}"), notBefore, TimeSpan.FromDays(30));
            WritePfx(FilesFor(directory, name).PfxPath, issued.Certificate, issued.Key);
        }
    }

    /// <summary>A PKCS#12 file with <paramref name="certificate"/> and its private key.</summary>
    public static void WritePfx(string path, Certificate certificate, KeyPair key)
    {
        using var cert = X509Certificate2.CreateFromPem(certificate.ToPem(), key.ToPrivateKeyPem());
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pkcs12, PfxPassword));
    }

    /// <summary>
    /// The Akka setup for TLS with <paramref name="files"/>: our certificate, mutual authentication, and a validator
    /// that accepts a peer only if its chain ends at the run CA. Throws <see cref="InvalidOperationException"/> if
    /// this Akka.Remote has no custom validator.
    /// </summary>
    public static Setup SslSetup(LiveTlsFiles files)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(files.PfxPath, files.PfxPassword, X509KeyStorageFlags.Exportable);
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(files.CaCertificatePemPath));
        // Akka.Remote 1.5.74 takes the validator as a constructor argument named customValidator; its delegate type
        // is found by reflection so that a signature change fails here with a clear message, not at a handshake.
        var constructor = typeof(DotNettySslSetup).GetConstructors()
            .Where(c => c.GetParameters().Any(p => p.Name == "customValidator"))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault() ?? throw new InvalidOperationException("this Akka.Remote's DotNettySslSetup takes no custom certificate validator");
        var arguments = constructor.GetParameters().Select(p => p.Name switch
        {
            "certificate" => certificate,
            "suppressValidation" => false,
            "requireMutualAuthentication" => true,
            "validateCertificateHostname" => false,
            "customValidator" => ValidatorOf(p.ParameterType, ca),
            _ => p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"DotNettySslSetup: unexpected parameter {p.Name}"),
        }).ToArray();
        return (Setup)constructor.Invoke(arguments);
    }

    /// <summary>True if <paramref name="peer"/> chains to <paramref name="ca"/> alone (no system roots, no revocation: the run CA publishes none).</summary>
    public static bool ChainsTo(X509Certificate2? peer, X509Certificate2 ca)
    {
        if (peer is null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }

    private static Delegate ValidatorOf(Type delegateType, X509Certificate2 ca)
    {
        var target = new PeerValidator(ca);
        var invoke = delegateType.GetMethod("Invoke") ?? throw new InvalidOperationException($"{delegateType} is not a delegate");
        var parameters = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var method = typeof(PeerValidator).GetMethod(nameof(PeerValidator.Validate), parameters)
            ?? throw new InvalidOperationException($"DotNettySslSetup's validator ({string.Join(", ", parameters.Select(p => p.Name))}) is not the one this program knows");
        return Delegate.CreateDelegate(delegateType, target, method);
    }

    private sealed class PeerValidator(X509Certificate2 ca)
    {
        public bool Validate(X509Certificate2? certificate, X509Chain? chain, string remotePeer, SslPolicyErrors errors, ILoggingAdapter log)
        {
            var ok = ChainsTo(certificate, ca);
            if (!ok) log.Warning("TLS peer {0} refused: its certificate ({1}) is not signed by the run CA", remotePeer, certificate?.Subject ?? "none");
            return ok;
        }
    }
}
