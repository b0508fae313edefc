namespace ImpClusterSim.Cli.Tests.Pki;

/// <summary>The whole NIST PKITS suite through `impsim pki verify` (the cases that need revocation are skipped).</summary>
public sealed class PkiVerifyPkitsTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in PkiCli.PkitsCases().Where(c => !c.NeedsRevocation))
        {
            data.Add(c.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Pki_verify_gives_the_expected_exit_code_for_each_PKITS_case(string id)
    {
        var test = PkiCli.PkitsCases().Single(c => c.Id == id);
        var args = new List<string> { "verify", "--trust", PkiCli.CertificatePath(test.Certificates[0]), "--leaf", PkiCli.CertificatePath(test.Certificates[^1]), "--at", test.At };
        var intermediates = test.Certificates.Skip(1).SkipLast(1).ToArray();
        if (intermediates.Length > 0)
        {
            args.Add("--untrusted");
            args.AddRange(intermediates.Select(PkiCli.CertificatePath));
        }
        args.AddRange(test.PolicyOptions);

        var (exit, output, error) = PkiCli.Invoke([.. args]);

        Assert.True((test.ShouldValidate ? 0 : 1) == exit, $"case {id}: exit {exit}\n{output}{error}");
        Assert.Contains(test.ShouldValidate ? $": OK (valid at {test.At})" : $": FAILED (not valid at {test.At})", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public void The_command_is_run_on_the_178_PKITS_cases_that_do_not_need_revocation()
    {
        Assert.Equal(249, PkiCli.PkitsCases().Count);
        Assert.Equal(178, CaseIds().Count);
    }
}
