using Spectre.Console;

namespace ImpClusterSim.Cli.Progress;

/// <summary>
/// A progress bar on standard error while many runs play (campaign, sweep, chaos): the runs done out of the total,
/// the percentage, the elapsed and remaining wall time. Shown only when standard error is a terminal; elsewhere (a
/// file, a pipe, a test's writer) nothing is written, so output stays the same whatever the terminal.
/// </summary>
public static class RunProgress
{
    /// <summary>
    /// Calls <paramref name="work"/> with a callback that takes the number of runs finished so far (any thread) and
    /// returns what <paramref name="work"/> returns. <paramref name="error"/> is the command's standard error.
    /// </summary>
    public static T Run<T>(TextWriter error, string description, int total, Func<Action<int>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunWithStatus(error, description, total, report => work(done => report(done, null)));
    }

    /// <summary>
    /// As <see cref="Run{T}"/>, with a status shown after the description (a distributed run's workers: "2 workers:
    /// 127.0.0.1:40411 57, 127.0.0.1:40413 60"); null keeps the status shown.
    /// </summary>
    public static T RunWithStatus<T>(TextWriter error, string description, int total, Func<Action<int, string?>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsTerminal(error)) return work((_, _) => { });

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                var gate = new object();
                return work((done, status) =>
                {
                    lock (gate)
                    {
                        task.Value = done;
                        if (status is not null) task.Description = Markup.Escape($"{description} · {status}");
                    }
                });
            });
    }

    /// <summary>True when <paramref name="writer"/> is the process's standard error and it goes to a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
}
