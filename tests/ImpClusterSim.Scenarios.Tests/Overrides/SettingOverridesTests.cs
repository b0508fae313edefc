using ImpClusterSim.Domain.Services;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Tests.Language;

namespace ImpClusterSim.Scenarios.Tests.Overrides;

public sealed class SettingOverridesTests
{
    private static readonly Scenario Base = ScenarioText.Valid(ScenarioText.Head.Replace(
        "  topology: two-clusters\n", "  topology: two-clusters\n  settings:\n    timings: { icsa-retry: 7m }\n    network: { loss: 1% }\n", StringComparison.Ordinal));

    private static Scenario Applied(params string[] sets)
    {
        var (overrides, parseErrors) = SettingOverrides.ParseAll(sets);
        Assert.Empty(parseErrors);
        var (scenario, errors) = SettingOverrides.Apply(Base, overrides);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        return scenario!;
    }

    private static string[] Errors(params string[] sets)
    {
        var (overrides, parseErrors) = SettingOverrides.ParseAll(sets);
        if (!parseErrors.IsEmpty) return [.. parseErrors];
        var (scenario, errors) = SettingOverrides.Apply(Base, overrides);
        Assert.Null(scenario);
        return [.. errors];
    }

    [Fact]
    public void Timings_are_overridden_and_the_file_s_other_settings_are_kept()
    {
        var s = Applied("timings.icsa-interval=10m", "timings.replication-delay=1s..2s", "timings.peer-status-refresh = 30s").Deployment.Settings;
        Assert.Equal(TimeSpan.FromMinutes(10), s.Timings.IcsaInterval);
        Assert.Equal(new DurationRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), s.Timings.ReplicationDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), s.Timings.PeerStatusRefresh);
        Assert.Equal(TimeSpan.FromMinutes(7), s.Timings.IcsaRetry);
        Assert.Equal(0.01, s.Network.Loss);
    }

    [Fact]
    public void Network_service_and_key_settings_are_overridden()
    {
        var s = Applied("network.latency=5ms..9ms", "network.loss=2.5%", "timings.services.Cisco Tomcat.start=10s..20s", "key-algorithm=ec-p256")
            .Deployment.Settings;
        Assert.Equal(new DurationRange(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(9)), s.Network.Latency);
        Assert.Equal(0.025, s.Network.Loss!.Value, 9);
        Assert.Equal(new DurationRange(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)), s.Timings.Services["Cisco Tomcat"].Start);
        Assert.Null(s.Timings.Services["Cisco Tomcat"].Stop);
        Assert.Equal(Pki.KeyAlgorithm.EcP256, s.KeyAlgorithm);
    }

    [Fact]
    public void An_unknown_key_is_answered_with_the_list_of_keys()
    {
        var e = Assert.Single(Errors("timings.icsa-intervall=10m"));
        Assert.StartsWith("--set 'timings.icsa-intervall=10m': unknown setting 'timings.icsa-intervall'; settings: timings.icsa-interval, ", e);
        Assert.Contains("network.loss", e);
        Assert.Contains("timings.services.<service>.start", e);
    }

    [Fact]
    public void A_bad_value_gets_the_message_the_file_would_give()
    {
        var set = Assert.Single(Errors("timings.icsa-interval=ten"));
        var file = Assert.Single(ScenarioText.Errors(ScenarioText.Head.Replace(
            "  topology: two-clusters\n", "  topology: two-clusters\n  settings:\n    timings: { icsa-interval: ten }\n", StringComparison.Ordinal)));
        Assert.Equal("--set timings.icsa-interval=ten: " + file[(file.IndexOf(": ", StringComparison.Ordinal) + 2)..], set);
        Assert.Contains("'ten' is not a duration", set);
    }

    [Fact]
    public void Every_bad_value_is_reported_and_nothing_is_applied()
    {
        var errors = Errors("network.loss=1.5", "network.distribution=gaussian", "timings.replication-delay=9s..1s", "timings.services.Cisco tomcat.stop=1s");
        Assert.Equal(4, errors.Length);
        Assert.StartsWith("--set network.loss=1.5: ", errors[0]);
        Assert.Contains("gaussian", errors[1]);
        Assert.Contains("ends before it starts", errors[2]);
        Assert.Contains("did you mean 'Cisco Tomcat'?", errors[3]);
    }

    [Theory]
    [InlineData("timings.icsa-interval", "expected KEY=VALUE")]
    [InlineData("timings.icsa-interval=", "the value is empty")]
    [InlineData("=10m", "the key is empty")]
    [InlineData("timings.services.Cisco Tomcat=1s", "a service's timing is timings.services.<service>.start or .stop")]
    public void Malformed_arguments_say_what_is_wrong(string argument, string message) =>
        Assert.Contains(message, Assert.Single(Errors(argument)));

    [Fact]
    public void A_key_set_twice_is_an_error() =>
        Assert.Contains("'network.loss' is set twice", Assert.Single(Errors("network.loss=1%", "network.loss=2%")));
}
