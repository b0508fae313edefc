namespace ImpClusterSim.Pki.Tests;

public sealed class PemExportTests
{
    [Fact]
    public void A_node_is_exported_as_own_and_trust_PEM_files()
    {
        using var dir = new TempDirectory();
        var node = new NodeIdentity("imp1.example.com");
        var factory = new NodeCertificateFactory("export", KeyPool.Shared);
        var own = factory.CreateInstallationSet(node, CertificateUnit.ImAndPresenceUnits, TestPki.Now, KeyAlgorithm.EcP256);
        var root = TestPki.Root("Export Root");
        var tomcatTrust = TrustStore.Empty("tomcat-trust").Upload(root.Certificate).Store;

        var written = PemExport.WriteNode(dir.Path, "imp1", own, [tomcatTrust, TrustStore.Empty("cup-trust")]);

        var tomcat = Path.Combine(dir.Path, "imp1", "own", "tomcat.pem");
        var trusted = Path.Combine(dir.Path, "imp1", "trust", "tomcat-trust", $"Export_Root_{root.Certificate.SerialNumberHex}.pem");
        Assert.Equal(5, written.Count);
        Assert.Equal(own.Get(CertificateUnit.Tomcat)!.Certificate, CertificateReader.ReadFile(tomcat).Single());
        Assert.Equal(root.Certificate, CertificateReader.ReadFile(trusted).Single());
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "imp1", "trust", "cup-trust")));
    }

    [OpenSslFact]
    public void Exported_files_verify_with_openssl()
    {
        using var dir = new TempDirectory();
        var root = TestPki.Root("Export Verify Root");
        var leaf = TestPki.Leaf(root, "imp2.example.com");
        var own = new Dictionary<string, Certificate> { ["tomcat"] = leaf.Certificate };
        var trust = new Dictionary<string, IReadOnlyList<TrustEntry>> { ["tomcat-trust"] = [TrustEntry.For(root.Certificate)] };

        PemExport.WriteNode(dir.Path, "imp2", own, trust);

        var result = OpenSsl.Run("verify", "-attime", new DateTimeOffset(TestPki.Now).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-CAfile", Path.Combine(dir.Path, "imp2", "trust", "tomcat-trust", TrustEntry.FileNameFor(root.Certificate)),
            Path.Combine(dir.Path, "imp2", "own", "tomcat.pem"));
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Exporting_the_same_node_twice_gives_identical_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var node = new NodeIdentity("imp3.example.com", ["example.com"]);
        var own = new NodeCertificateFactory("export-twice", KeyPool.Shared).CreateInstallationSet(node, CertificateUnit.ImAndPresenceUnits, TestPki.Now);
        var trust = TrustStore.Empty("cup-xmpp-trust").Upload(TestPki.Root("Twice Root").Certificate).Store;

        var a = PemExport.WriteNode(first.Path, "imp3", own, [trust]);
        var b = PemExport.WriteNode(second.Path, "imp3", own, [trust]);

        Assert.Equal(a.Select(p => Path.GetRelativePath(first.Path, p)), b.Select(p => Path.GetRelativePath(second.Path, p)));
        Assert.All(a.Zip(b), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
    }
}
