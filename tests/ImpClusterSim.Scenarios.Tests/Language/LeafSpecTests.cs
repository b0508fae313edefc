using static ImpClusterSim.Scenarios.Tests.Language.ScenarioText;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>
/// The leaf certificate spec of upload-leaf (key, signature-hash) and generate-csr (key, hash): parsed into the
/// operation, and each error at its line and column (the snippet's lines start at 9).
/// </summary>
public sealed class LeafSpecTests
{
    [Theory]
    [InlineData("    upload-leaf: { unit: tomcat, signed-by: root, key: rsa-512 }\n",
        "s.yaml:11:56: 'key': 'rsa-512' is not valid; expected one of: rsa-1024, rsa-2048, rsa-3072, rsa-4096, ec-p256, ec-p384")]
    [InlineData("    upload-leaf: { unit: tomcat, signed-by: root, signature-hash: sha2 }\n",
        "s.yaml:11:67: 'signature-hash': 'sha2' is not valid; did you mean 'sha1'?")]
    [InlineData("    upload-leaf: { unit: tomcat, file: leaf.pem, key: rsa-1024 }\n",
        "s.yaml:11:55: 'key' describes the certificate a scenario CA issues: it needs 'signed-by', not 'file'")]
    [InlineData("    generate-csr: { unit: cup, hash: md5 }\n",
        "s.yaml:11:38: 'hash': 'md5' is not valid; expected one of: sha1, sha256, sha384, sha512")]
    public void Each_error_is_reported_at_its_line_and_column(string step, string expectedStart)
    {
        var error = Assert.Single(Errors(Head + "steps:\n  - node: imp-a-pub\n" + step));
        Assert.StartsWith(expectedStart, error);
    }

    [Fact]
    public void The_spec_parses_into_the_operations()
    {
        var scenario = Valid(Head + "steps:\n" +
                             "  - node: imp-a-pub\n    upload-leaf: { unit: tomcat, signed-by: root, key: rsa-1024, signature-hash: sha1 }\n" +
                             "  - node: imp-a-pub\n    upload-leaf: { unit: cup, signed-by: root }\n" +
                             "  - node: imp-a-pub\n    generate-csr: { unit: cup-xmpp, key: ec-p384, hash: sha512 }\n");

        var ops = scenario.Steps.Select(s => s.Operation).ToArray();
        var weak = Assert.IsType<Scenarios.Language.UploadLeaf>(ops[0]);
        Assert.Equal((Pki.KeyAlgorithm.Rsa1024, Pki.SignatureHash.Sha1), (weak.Key, weak.Hash));
        var plain = Assert.IsType<Scenarios.Language.UploadLeaf>(ops[1]);
        Assert.Equal(((Pki.KeyAlgorithm?)null, (Pki.SignatureHash?)null), (plain.Key, plain.Hash));
        var csr = Assert.IsType<Scenarios.Language.GenerateCsr>(ops[2]);
        Assert.Equal((Pki.KeyAlgorithm.EcP384, Pki.SignatureHash.Sha512), (csr.Key!.Value, csr.Hash));
    }
}
