namespace ImpClusterSim.Pki.Tests;

public sealed class PkitsTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Pkits.Cases)
        {
            data.Add(c.Id);
        }
        return data;
    }

    [Fact]
    public void The_suite_has_52_cases()
    {
        Assert.Equal(52, Pkits.Cases.Count);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Each_PKITS_case_gets_its_expected_verdict(string id)
    {
        var test = Pkits.Cases.Single(c => c.Id == id);
        var anchor = Pkits.Load(test.Certificates[0]);
        var leaf = Pkits.Load(test.Certificates[^1]);
        var untrusted = test.Certificates.Skip(1).SkipLast(1).Select(Pkits.Load).ToArray();

        var result = ChainValidator.Validate(leaf, untrusted, [anchor], new ValidationOptions(test.ValidationTime ?? Pkits.ValidationTime));

        Assert.True(test.ShouldValidate == result.IsValid,
            $"{test.Title}: expected {(test.ShouldValidate ? "valid" : "invalid")}, got {result}");
        if (!result.IsValid)
        {
            Assert.NotEmpty(result.Reasons);
        }
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

    private static ValidationResult Validate(string id)
    {
        var test = Pkits.Cases.Single(c => c.Id == id);
        return ChainValidator.Validate(Pkits.Load(test.Certificates[^1]), test.Certificates.Skip(1).SkipLast(1).Select(Pkits.Load),
            [Pkits.Load(test.Certificates[0])], new ValidationOptions(Pkits.ValidationTime));
    }
}
