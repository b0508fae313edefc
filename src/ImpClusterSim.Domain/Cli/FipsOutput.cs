namespace ImpClusterSim.Domain.Cli;

/// <summary>
/// The dialogue of <c>utils fips enable|disable|status</c>. The warning, prompt and success lines follow the CUCM
/// 12.5 wording (domain facts 4.10); the status, "already" and "cancelled" lines are chosen (the real ones are
/// unknown, domain facts 9.4) and documented in docs/domain.md.
/// </summary>
public static class FipsOutput
{
    /// <summary>The IM&amp;P certificates regenerated when the FIPS mode changes (the default list for the warning).</summary>
    public static readonly IReadOnlyList<string> ImpRegeneratedCertificates = ["Tomcat", "IPsec", "cup", "cup-xmpp", "cup-xmpp-s2s", "SSH"];

    /// <summary>The warning and the yes/no prompt before a change of mode.</summary>
    public static string Warning(bool enable, IReadOnlyList<string>? certificates = null)
    {
        var certs = certificates ?? ImpRegeneratedCertificates;
        return CliText.Lines(
        [
            "Security Warning : The operation will regenerate certificates for",
            .. certs.Select((c, i) => $"{i + 1}){c}"),
            "Any third party CA signed certificates that have been uploaded for the above components will need to be re-uploaded.",
            "If the system is operating in a cluster, FIPS mode must not be changed on other nodes until the operation on this node is complete and the node is back up and running.",
            "******************************************************************************",
            $"This will change the system to {(enable ? "FIPS" : "NON-FIPS")} mode and will reboot.",
            "******************************************************************************",
            "WARNING: Once you continue, do not press Ctrl+C. Exiting this command after this point could leave the system in an unstable state. If the command is exited, run \"utils fips status\" to check the status of FIPS mode and rerun the command if needed.",
            "",
            CliText.YesNoPrompt,
        ]);
    }

    /// <summary>The reply after "yes": certificates regenerated, the mode set, the node reboots.</summary>
    public static string Changed(bool enable) => CliText.Lines(
        enable ? "Generating certificates...Setting FIPS mode in operating system." : "Generating certificates...Setting NON-FIPS mode in operating system.",
        enable ? "FIPS mode enabled successfully." : "FIPS mode disabled successfully.",
        "********************************************************",
        "It is highly recommended that after your system restarts",
        "that a system backup is performed.",
        "********************************************************",
        "The system will reboot in a few minutes.");

    /// <summary>The reply after "no" (chosen).</summary>
    public static string Cancelled => CliText.Lines("FIPS mode change cancelled.", CliText.ExecutedUnsuccessfully);

    /// <summary>Enable on a FIPS node or disable on a non-FIPS node (chosen).</summary>
    public static string AlreadyInMode(bool fips) =>
        CliText.Lines(fips ? "The system is already in FIPS mode." : "The system is already in NON-FIPS mode.", CliText.ExecutedUnsuccessfully);

    /// <summary><c>utils fips status</c> (chosen).</summary>
    public static string Status(bool fips) => fips ? "FIPS mode is enabled." : "FIPS mode is disabled.";
}
