using ImpClusterSim.Domain.Services;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Boundary;

/// <summary>The one table of setting ranges (ValueRanges.Settings) reads a value as the scenario validator does.</summary>
public sealed class SettingRangeTests
{
    [Fact]
    public void Every_timing_and_network_setting_is_in_the_table_once()
    {
        var paths = ValueRanges.Settings.Select(s => s.Path).ToList();
        Assert.Equal(paths.Distinct().Count(), paths.Count);
        foreach (var key in ScenarioVocabulary.TimingSettings.Args.Select(a => a.Key)) Assert.Contains("timings." + key, paths);
        foreach (var key in ScenarioVocabulary.NetworkSettings.Args.Select(a => a.Key)) Assert.Contains("network." + key, paths);
    }

    [Theory]
    [InlineData("timings.icsa-interval", "10m", "00:10:00")]
    [InlineData("timings.peer-status-refresh", "1s", "00:00:01")]
    [InlineData("network.loss", "2.5%", "0.025")]
    [InlineData("network.distribution", "normal", "normal")]
    public void A_valid_value_is_read_typed(string path, string text, string expected)
    {
        var value = ValueText.Read(ValueRanges.Setting(path)!, text, out var error);
        Assert.Equal("", error);
        Assert.Equal(expected, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("timings.icsa-interval", "0s", "'timings.icsa-interval': 0s is out of range: the ICSA sync interval must be from 1s to 7d")]
    [InlineData("timings.icsa-retry", "٥m", "'timings.icsa-retry': '٥m' is not a duration; write it like 90s, 10m, 1h30m, 24h or 2d (only the ASCII digits 0-9 count as digits)")]
    [InlineData("timings.replication-delay", "9s..3s", "'timings.replication-delay': the range '9s..3s' ends before it starts")]
    [InlineData("network.latency", "5ms..2h", "'network.latency': 2h is out of range: a one-way latency must be from 0s to 1h")]
    [InlineData("network.reorder", "-1", "'network.reorder' must be a probability: a number from 0 to 1 or a percentage such as 2.5%, found '-1'")]
    [InlineData("key-algorithm", "rsa-1024", "'key-algorithm': 'rsa-1024' is not valid; expected one of: rsa-2048, rsa-3072, rsa-4096, ec-p256, ec-p384")]
    public void An_invalid_value_gets_the_validators_message(string path, string text, string expected)
    {
        Assert.Null(ValueText.Read(ValueRanges.Setting(path)!, text, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_range_value_is_a_duration_range() =>
        Assert.Equal(new DurationRange(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)),
            ValueText.Read(ValueRanges.Setting("timings.replication-delay")!, "5s..60s", out _));

    [Fact]
    public void Any_sum_of_two_maximal_durations_fits_after_the_run_start()
    {
        var start = Domain.Time.SimInstant.DefaultRunStart.ToDateTime();
        Assert.True(start + ValueRanges.MaxDuration + ValueRanges.MaxDuration + ValueRanges.MaxHorizon < DateTime.MaxValue);
        Assert.True(start + ValueRanges.ClockSkew.Min > new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
