using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Tests.Language;
using static ImpClusterSim.Scenarios.Tests.Language.ScenarioText;

namespace ImpClusterSim.Scenarios.Tests.Boundary;

/// <summary>
/// The minimal input of each class of issue 10 (docs/testing.md): every one is a located validation error, never an
/// exception, a hang or a run.
/// </summary>
public sealed class InputBoundaryTests
{
    private static string Single(string snippet) => Assert.Single(Errors(Head + snippet));

    [Theory]
    // Class 1: durations large enough to overflow the run's start instant, and horizons past the documented maximum.
    [InlineData("steps:\n  - after: 10675199d\n    node: imp-a-pub\n    cli: show status\n", "s.yaml:10:12: 'after': 10675199d is out of range: a duration must be from 0s to 36500d")]
    [InlineData("steps:\n  - after: 99999999999999d\n    node: imp-a-pub\n    cli: show status\n", "s.yaml:10:12: 'after': '99999999999999d' is out of range: no duration may be longer than 36500d")]
    [InlineData("steps:\n  - at: 1h\n    wait: 10675199d\n", "s.yaml:11:11: 'duration': 10675199d is out of range")]
    [InlineData("faults:\n  - at: 1h\n    for: 10675199d\n    partition: { a: imp-a, b: imp-b }\n", "s.yaml:11:10: 'for': 10675199d is out of range")]
    [InlineData("faults:\n  - at: 1h\n    crash: { node: imp-a-pub, restart-after: 10675199d }\n", "s.yaml:11:46: 'restart-after': 10675199d is out of range")]
    [InlineData("expect:\n  - within: 10675199d\n    node-up: imp-a-pub\n", "s.yaml:10:13: 'within': 10675199d is out of range")]
    [InlineData("faults:\n  - at: 1h\n    clock-skew: { node: imp-a-pub, offset: -3651d }\n", "s.yaml:11:44: 'offset': -3651d is out of range: a clock skew must be from -3650d to 3650d")]
    // Class 2: digits that are not ASCII.
    [InlineData("steps:\n  - at: ６h\n    node: imp-a-pub\n    cli: show status\n", "s.yaml:10:9: 'at': '６h' is not a duration; write it like 90s, 10m, 1h30m, 24h or 2d (only the ASCII digits 0-9 count as digits)")]
    [InlineData("faults:\n  - at: 1h\n    link: { a: imp-a, b: imp-b, latency: ٥ms }\n", "s.yaml:11:42: 'latency': '٥ms' is not a duration or a range of durations; write it like 30s or 5s..60s (only the ASCII digits 0-9 count as digits)")]
    [InlineData("faults:\n  - at: 1h\n    link: { a: imp-a, b: imp-b, loss: ٠.٥ }\n", "s.yaml:11:39: 'loss' must be a probability: a number from 0 to 1 or a percentage such as 2.5%, found '٠.٥' (only the ASCII digits 0-9 count as digits)")]
    // Class 5: zero and out-of-range settings.
    [InlineData("steps: []\n", null)]
    public void Each_class_is_a_located_error(string snippet, string? expected)
    {
        if (expected is null)
        {
            Assert.Empty(Errors(Head + snippet));
            return;
        }

        Assert.StartsWith(expected, Single(snippet));
    }

    [Theory]
    [InlineData("until: 9999999d", "s.yaml:2:8: 'until': 9999999d is out of range: the horizon must be from 1ms to 400d")]
    [InlineData("until: 401d", "s.yaml:2:8: 'until': 401d is out of range: the horizon must be from 1ms to 400d")]
    [InlineData("until: 0s", "s.yaml:2:8: 'until': 0s is out of range: the horizon must be from 1ms to 400d")]
    [InlineData("until: ６h", "s.yaml:2:8: 'until': '６h' is not a duration")]
    public void The_horizon_has_a_documented_maximum(string until, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Errors(Head.Replace("until: 24h", until))));

    [Fact]
    public void The_longest_horizon_is_accepted() => Valid(Head.Replace("until: 24h", "until: 400d"));

    [Theory]
    [InlineData("peer-status-refresh: 0s", "'peer-status-refresh': 0s is out of range: the peer status refresh must be from 1s to 1d")]
    [InlineData("icsa-interval: 0s", "'icsa-interval': 0s is out of range: the ICSA sync interval must be from 1s to 7d")]
    [InlineData("icsa-retry: 0s", "'icsa-retry': 0s is out of range: the ICSA retry interval must be from 1s to 7d")]
    [InlineData("replication-delay: 1s..2d", "'replication-delay': 2d is out of range: the replication delay must be from 0s to 1d")]
    [InlineData("services: { Cisco Tomcat: { start: 7h } }", "'start': 7h is out of range: a service start or stop duration must be from 0s to 6h")]
    public void Every_timing_setting_has_a_range(string setting, string expected)
    {
        var yaml = Head.Replace("  topology: two-clusters\n", $"  topology: two-clusters\n  settings:\n    timings:\n      {setting}\n");
        Assert.Contains(expected, Assert.Single(Errors(yaml)));
    }

    [Theory]
    [InlineData("latency: 2h", "'latency': 2h is out of range: a one-way latency must be from 0s to 1h")]
    [InlineData("loss: 1.5", "'loss' must be a probability")]
    public void Network_settings_have_ranges(string setting, string expected)
    {
        var yaml = Head.Replace("  topology: two-clusters\n", $"  topology: two-clusters\n  settings:\n    network: {{ {setting} }}\n");
        Assert.Contains(expected, Assert.Single(Errors(yaml)));
    }

    [Theory]
    [InlineData("  - { name: deep, signed-by: issuing, path-length: 17 }\n", "'path-length' must be a whole number from 0 to 16, found '17'")]
    [InlineData("  - { name: old, validity: 10951d }\n", "'validity': 10951d is out of range: a CA's validity must be from 1s to 10950d")]
    public void Ca_values_have_ranges(string ca, string expected) =>
        Assert.Contains(expected, Assert.Single(Errors(Head.Replace("# end of head\n", ca))));

    [Fact]
    public void Deep_nesting_is_refused_before_the_yaml_is_loaded()
    {
        var deep = Head + "description: " + new string('[', 30_000) + new string(']', 30_000) + "\n";
        var error = Assert.Single(Errors(deep));
        Assert.StartsWith("s.yaml:9:", error);
        Assert.Contains("nested more than 64 levels deep", error);
    }

    [Fact]
    public void An_unclosed_deep_nesting_is_refused_too() =>
        Assert.Contains("nested more than 64 levels deep", Assert.Single(Errors(new string('[', 30_000))));

    [Fact]
    public void An_alias_bomb_is_refused_before_it_is_expanded()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 'b'; i <= 'j'; i++) bomb += $"{i}: &{i} [*{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}, *{(char)(i - 1)}]\n";
        Assert.Contains("once its aliases (*name) are expanded", Assert.Single(Errors(bomb)));
    }

    [Fact]
    public void A_text_over_the_size_bound_is_refused() =>
        Assert.Contains("characters, more than the", Assert.Single(Errors("# " + new string('x', (1 << 20) + 10))));

    [Fact]
    public void Lf_crlf_and_cr_only_with_or_without_a_bom_read_the_same()
    {
        var lf = Head + "steps:\n  - at: 10m\n    node: imp-a-pub\n    cli: show status\n  - at: nope\n    node: imp-a-pub\n    cli: x\n";
        var variants = new[] { lf, lf.Replace("\n", "\r\n"), lf.Replace("\n", "\r"), "\uFEFF" + lf, "\uFEFF" + lf.Replace("\n", "\r") };
        var results = variants.Select(Errors).ToList();
        Assert.Equal("s.yaml:13:9: 'at': 'nope' is not a duration; write it like 90s, 10m, 1h30m, 24h or 2d", Assert.Single(results[0]));
        Assert.All(results, r => Assert.Equal(results[0], r));
        var good = lf.Replace("  - at: nope\n    node: imp-a-pub\n    cli: x\n", "");
        var steps = new[] { good, good.Replace("\n", "\r\n"), good.Replace("\n", "\r"), "\uFEFF" + good.Replace("\n", "\r\n") }.Select(v => Valid(v).Steps.Single());
        Assert.All(steps, s => Assert.Equal(TimeSpan.FromMinutes(10), s.At));
    }
}
