namespace ImpClusterSim.Cli.Common;

/// <summary>The exit codes of every impsim command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run finished but an expectation failed (or a chain did not validate, for pki verify).</summary>
    public const int ExpectationFailed = 1;

    /// <summary>Bad input: a malformed option, file, scenario or topology. A clear message, no stack trace.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// A defect of impsim itself (an exception nobody expected): one line naming it, the stack trace only with
    /// IMPSIM_VERBOSE=1. The fuzzing suite treats it as a failure (docs/testing.md).
    /// </summary>
    public const int InternalError = 70;
}
