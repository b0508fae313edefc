namespace ImpClusterSim.Pki.Tests;

/// <summary>The whole NIST PKITS suite (TestData/pkits, 249 cases) through the library; cases that need revocation are skipped.</summary>
public sealed class PkitsTests
{
    public static TheoryData<string> CheckedCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Pkits.Checked)
        {
            data.Add(c.Id);
        }
        return data;
    }

    public static TheoryData<string> RevocationCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Pkits.Cases.Where(c => c.NeedsRevocation))
        {
            data.Add(c.Id);
        }
        return data;
    }

    [Fact]
    public void The_suite_has_249_cases_of_which_71_need_revocation()
    {
        Assert.Equal(249, Pkits.Cases.Count);
        Assert.Equal(178, Pkits.Checked.Count);
        var skipped = Pkits.Cases.Where(c => c.NeedsRevocation).ToArray();
        Assert.Equal(71, skipped.Length);
        // Whole sections 4.4, 4.14 and 4.15, and five CRL-based cases of 4.5 and 4.7.
        Assert.All(skipped, c => Assert.True(c.Section.StartsWith("4.4 ", StringComparison.Ordinal) || c.Section.StartsWith("4.14 ", StringComparison.Ordinal)
            || c.Section.StartsWith("4.15 ", StringComparison.Ordinal) || c.Id is "4.5.2" or "4.5.5" or "4.5.7" or "4.7.4" or "4.7.5", c.Id));
    }

    [Theory]
    [MemberData(nameof(CheckedCaseIds))]
    public void Each_PKITS_case_gets_its_expected_verdict(string id)
    {
        var test = Pkits.Cases.Single(c => c.Id == id);
        var result = Validate(test);

        Assert.True(test.ShouldValidate == result.IsValid,
            $"{test.Id} {test.Title}: expected {(test.ShouldValidate ? "valid" : "invalid")}, got {result}");
        if (!result.IsValid)
        {
            Assert.NotEmpty(result.Reasons);
            Assert.DoesNotContain(result.Failures, f => f.Kind == ValidationFailureKind.SearchLimit);
        }
    }

    [Theory(Skip = Pkits.RevocationSkipReason)]
    [MemberData(nameof(RevocationCaseIds))]
    public void Each_PKITS_revocation_case_is_skipped(string id)
    {
        Assert.Fail($"{id} needs revocation");
    }

    [Fact]
    public void An_invalid_CA_signature_is_reported_in_plain_words()
    {
        var result = Validate("4.1.2");
        Assert.Contains(result.Reasons, r => r.Contains("signature of 'C=US,O=Test Certificates 2011,CN=Bad Signed CA' does not verify", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expired_CA_is_reported_with_its_end_date()
    {
        var result = Validate("4.2.5");
        Assert.Contains(result.Reasons, r => r.Contains("expired on 2011-01-01T08:30:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public void A_self_issued_certificate_does_not_count_towards_the_path_length()
    {
        Assert.True(Validate("4.6.15").IsValid);
        Assert.Contains(Validate("4.6.16").Reasons, r => r.Contains("path length constraint", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_critical_extension_is_named()
    {
        Assert.Contains(Validate("4.16.2").Reasons, r => r.Contains("unsupported critical extension", StringComparison.Ordinal));
    }

    [Fact]
    public void A_required_explicit_policy_that_no_policy_satisfies_is_named_with_its_source()
    {
        var result = Validate("4.9.3");
        Assert.Contains(result.Failures, f => f.Kind == ValidationFailureKind.CertificatePolicy && f.Reason.Contains("requireExplicitPolicy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_outside_the_permitted_subtree_is_named()
    {
        var result = Validate("4.13.2");
        Assert.Contains(result.Failures, f => f.Kind == ValidationFailureKind.NameConstraints && f.Reason.Contains("outside the permitted subtrees", StringComparison.Ordinal));
    }

    [Fact]
    public void An_initial_policy_set_the_path_does_not_assert_fails_when_an_explicit_policy_is_required()
    {
        var test = Pkits.Cases.Single(c => c.Id == "4.8.1#3");
        Assert.False(test.ShouldValidate);
        Assert.Contains(Validate(test).Failures, f => f.Kind == ValidationFailureKind.CertificatePolicy);
    }

    internal static ValidationResult Validate(string id) => Validate(Pkits.Cases.Single(c => c.Id == id));

    internal static ValidationResult Validate(PkitsCase test) =>
        ChainValidator.Validate(Pkits.Load(test.Certificates[^1]), test.Certificates.Skip(1).SkipLast(1).Select(Pkits.Load),
            [Pkits.Load(test.Certificates[0])], Pkits.Options(test));
}
