using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Fips;

namespace ImpClusterSim.Domain.Tests.Fips;

public sealed class FipsNodeStateTests
{
    private static FipsNodeState EnabledAndRebooting() =>
        FipsNodeState.Default.Apply(new FipsConfirmed(FipsAction.Enable)).State;

    [Fact]
    public void A_node_starts_running_in_non_FIPS_mode_and_status_says_so()
    {
        var status = FipsNodeState.Default.Apply(new FipsRequested(FipsAction.Status));

        Assert.Equal(FipsMode.NonFips, FipsNodeState.Default.Mode);
        Assert.False(FipsNodeState.Default.EnforcesFipsPolicy);
        Assert.Equal(FipsOutput.Status(false), status.Output);
        Assert.Empty(status.Effects);
    }

    [Fact]
    public void Utils_fips_enable_shows_the_warning_and_asks_yes_or_no_before_changing_anything()
    {
        var request = FipsNodeState.Default.Apply(new FipsRequested(FipsAction.Enable));

        Assert.True(request.NeedsConfirmation);
        Assert.EndsWith("Do you want to continue (yes/no)? ", request.Output);
        Assert.Contains("This will change the system to FIPS mode and will reboot.", request.Output);
        Assert.Same(FipsNodeState.Default, request.State);
        Assert.Empty(request.Effects);
    }

    [Fact]
    public void Enabling_sets_FIPS_mode_stops_all_services_and_reboots()
    {
        var confirmed = FipsNodeState.Default.Apply(new FipsConfirmed(FipsAction.Enable));

        Assert.Equal(FipsMode.Fips, confirmed.State.Mode);
        Assert.Equal(NodeRunState.Rebooting, confirmed.State.Run);
        Assert.Equal([new StopAllServices(), new RebootNode()], confirmed.Effects.ToArray());
        Assert.Equal(FipsOutput.Changed(true), confirmed.Output);
        Assert.Contains("The system will reboot in a few minutes.", confirmed.Output);
    }

    [Fact]
    public void FIPS_enable_then_reboot_then_passing_self_tests_regenerates_all_certificates_then_starts_services()
    {
        var booted = EnabledAndRebooting().Apply(new BootCompleted());

        Assert.Equal(NodeRunState.Running, booted.State.Run);
        Assert.True(booted.State.EnforcesFipsPolicy);
        Assert.Equal([new RegenerateAllCertificates(FipsMode.Fips), new StartAllServices()], booted.Effects.ToArray());
        Assert.False(booted.State.RegenerationPending);
    }

    [Fact]
    public void Certificates_are_regenerated_once_not_on_every_later_reboot()
    {
        var running = EnabledAndRebooting().Apply(new BootCompleted()).State;

        var rebooted = running.Apply(new RestartNode()).State.Apply(new BootCompleted());

        Assert.Equal([new StartAllServices()], rebooted.Effects.ToArray());
    }

    [Fact]
    public void A_transient_self_test_failure_halts_the_node_until_it_is_restarted()
    {
        var halted = EnabledAndRebooting().Apply(new BootCompleted(SelfTestFault.Transient));
        var restarted = halted.State.Apply(new RestartNode());
        var booted = restarted.State.Apply(new BootCompleted());

        Assert.Equal(NodeRunState.Halted, halted.State.Run);
        Assert.Equal([new NodeHalted(SelfTestFault.Transient)], halted.Effects.ToArray());
        Assert.Equal(FipsNodeState.SelfTestsFailed, halted.Output);
        Assert.Equal([new RebootNode()], restarted.Effects.ToArray());
        Assert.Equal(NodeRunState.Running, booted.State.Run);
        Assert.Equal([new RegenerateAllCertificates(FipsMode.Fips), new StartAllServices()], booted.Effects.ToArray());
    }

    [Fact]
    public void A_persistent_self_test_failure_stays_halted_across_restarts_until_the_node_is_recovered()
    {
        var halted = EnabledAndRebooting().Apply(new BootCompleted(SelfTestFault.Persistent)).State;

        var afterRestart = halted.Apply(new RestartNode()).State.Apply(new BootCompleted());
        var recovered = afterRestart.State.Apply(new RecoverNode());
        var booted = recovered.State.Apply(new BootCompleted());

        Assert.Equal(NodeRunState.Halted, afterRestart.State.Run);
        Assert.Equal(SelfTestFault.Persistent, afterRestart.State.Fault);
        Assert.Equal([new RebootNode()], recovered.Effects.ToArray());
        Assert.Equal(NodeRunState.Running, booted.State.Run);
    }

    [Fact]
    public void A_self_test_fault_does_not_halt_a_node_in_non_FIPS_mode()
    {
        var rebooting = FipsNodeState.Default.Apply(new RestartNode()).State;

        var booted = rebooting.Apply(new BootCompleted(SelfTestFault.Transient));

        Assert.Equal(NodeRunState.Running, booted.State.Run);
    }

    [Fact]
    public void Disabling_reboots_and_regenerates_into_non_FIPS_mode()
    {
        var fips = EnabledAndRebooting().Apply(new BootCompleted()).State;

        var disabled = fips.Apply(new FipsConfirmed(FipsAction.Disable));
        var booted = disabled.State.Apply(new BootCompleted());

        Assert.Equal(FipsOutput.Changed(false), disabled.Output);
        Assert.Equal(FipsMode.NonFips, booted.State.Mode);
        Assert.Equal([new RegenerateAllCertificates(FipsMode.NonFips), new StartAllServices()], booted.Effects.ToArray());
    }

    [Fact]
    public void Enabling_an_already_FIPS_node_says_so_and_changes_nothing()
    {
        var fips = EnabledAndRebooting().Apply(new BootCompleted()).State;

        var again = fips.Apply(new FipsRequested(FipsAction.Enable));

        Assert.Equal(FipsOutput.AlreadyInMode(true), again.Output);
        Assert.False(again.NeedsConfirmation);
        Assert.Same(fips, again.State);
    }

    [Fact]
    public void The_CLI_cannot_change_the_mode_while_the_node_is_rebooting()
    {
        var rebooting = EnabledAndRebooting();

        var attempt = rebooting.Apply(new FipsConfirmed(FipsAction.Disable));

        Assert.Same(rebooting, attempt.State);
        Assert.Empty(attempt.Effects);
    }

    [Fact]
    public void A_halted_node_has_no_CLI_until_it_is_restarted()
    {
        var halted = EnabledAndRebooting().Apply(new BootCompleted(SelfTestFault.Transient)).State;

        Assert.Equal(FipsNodeState.NotAvailableHalted, halted.Apply(new FipsRequested(FipsAction.Status)).Output);
    }
}
