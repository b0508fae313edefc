using ImpClusterSim.Domain.Cli;

namespace ImpClusterSim.Domain.Tests.Cli;

public sealed class CliSessionTests
{
    private static readonly string[] Services = ["Cisco Tomcat"];

    [Fact]
    public void An_idle_session_parses_and_returns_the_command_to_run()
    {
        var step = CliSession.Idle.Submit("utils fips enable", Services);
        Assert.Equal(new FipsCommand(FipsAction.Enable), step.Run);
        Assert.Equal("admin:", step.Session.Prompt);
    }

    [Fact]
    public void A_refused_line_prints_the_error_and_runs_nothing()
    {
        var step = CliSession.Idle.Submit("utils nothing", Services);
        Assert.Null(step.Run);
        Assert.Equal("Executed command unsuccessfully", step.Output);
    }

    [Fact]
    public void Yes_at_the_fips_prompt_runs_the_confirmed_command()
    {
        var command = new FipsCommand(FipsAction.Enable);
        var asked = CliSession.Idle.AskToConfirm(command, FipsOutput.Warning(true));
        Assert.EndsWith("Do you want to continue (yes/no)? ", asked.Output);
        var step = asked.Session.Submit("yes", Services);
        Assert.Equal(new ConfirmedCommand(command), step.Run);
        Assert.Equal(CliSession.Idle, step.Session);
    }

    [Fact]
    public void No_at_the_regen_prompt_cancels()
    {
        var asked = CliSession.Idle.AskToConfirm(new SetCertRegenCommand("tomcat"), CertOutput.RegenWarning("tomcat"));
        var step = asked.Session.Submit("no", Services);
        Assert.Null(step.Run);
        Assert.Equal("Regeneration of certificate for tomcat cancelled.\nExecuted command unsuccessfully", step.Output);
        Assert.Equal(CliSession.Idle, step.Session);
        Assert.Equal("admin:", step.Session.Prompt);
    }

    [Fact]
    public void Another_answer_asks_the_question_again()
    {
        var asked = CliSession.Idle.AskToConfirm(new SetCertRegenCommand("tomcat"), CertOutput.RegenWarning("tomcat"));
        var step = asked.Session.Submit("perhaps", Services);
        Assert.Equal("Proceed with regeneration (yes|no)? ", step.Output);
        Assert.Same(asked.Session, step.Session);
    }
}
