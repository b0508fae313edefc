namespace ImpClusterSim.Domain.Cli;

/// <summary>A command the administrator confirmed with "yes" at a prompt; the actor now carries it out.</summary>
public sealed record ConfirmedCommand(CliCommand Command) : CliCommand;

/// <summary>One step of a CLI session: the next session, a command to run (if any) and the text to print.</summary>
public sealed record CliStep(CliSession Session, CliCommand? Run, string Output);

/// <summary>
/// The state of one admin CLI session: idle, or waiting for the yes/no answer to a warning (<c>utils fips
/// enable|disable</c>, <c>set cert regen</c>). The actor submits each line; when it decides a command needs
/// confirmation it calls <see cref="AskToConfirm"/> with the warning to print.
/// </summary>
public sealed record CliSession(CliCommand? AwaitingConfirmation)
{
    public static CliSession Idle { get; } = new((CliCommand?)null);

    /// <summary>The prompt to print before the next line: the yes/no question while one is pending, else <c>admin:</c>.</summary>
    public string Prompt => AwaitingConfirmation is null ? CliText.Prompt : QuestionFor(AwaitingConfirmation);

    public CliStep Submit(string line, IEnumerable<string> serviceNames)
    {
        if (AwaitingConfirmation is { } pending)
        {
            return CliParser.ParseYesNo(line) switch
            {
                true => new CliStep(Idle, new ConfirmedCommand(pending), ""),
                false => new CliStep(Idle, null, CancelledText(pending)),
                null => new CliStep(this, null, QuestionFor(pending)),
            };
        }

        var parsed = CliParser.Parse(line, serviceNames);
        return parsed.IsSuccess ? new CliStep(this, parsed.Command, "") : new CliStep(this, null, parsed.ErrorOutput!);
    }

    /// <summary>Prints <paramref name="warning"/> (which ends with the question) and waits for yes or no.</summary>
    public CliStep AskToConfirm(CliCommand command, string warning) => new(new CliSession(command), null, warning);

    private static string QuestionFor(CliCommand command) =>
        command is SetCertRegenCommand ? CertOutput.RegenQuestion : CliText.YesNoPrompt;

    private static string CancelledText(CliCommand command) => command switch
    {
        SetCertRegenCommand regen => CertOutput.RegenCancelled(regen.Unit),
        FipsCommand => FipsOutput.Cancelled,
        _ => CliText.ExecutedUnsuccessfully,
    };
}
