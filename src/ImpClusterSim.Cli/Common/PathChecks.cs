namespace ImpClusterSim.Cli.Common;

/// <summary>
/// Checks of the paths given on the command line, before anything runs: a directory where a file is expected (or the
/// other way round) is named as such, never reported as "access denied". Each failure is a <see cref="UsageException"/>
/// (exit 2).
/// </summary>
public static class PathChecks
{
    /// <summary>An existing file to read; <paramref name="what"/> names it in the message, e.g. "scenario file".</summary>
    public static void ExistingFile(FileSystemInfo path, string what)
    {
        if (Directory.Exists(path.FullName)) throw new UsageException($"{what} '{path}' is a directory, not a file");
        if (!File.Exists(path.FullName)) throw new UsageException($"{what} '{path}' does not exist");
    }

    /// <summary>A file to write (created or replaced): not a directory, and its parent is not a file.</summary>
    public static void WritableFile(FileSystemInfo path, string option)
    {
        if (Directory.Exists(path.FullName)) throw new UsageException($"{option}: cannot write '{path}': it is a directory; name a file to write");
        var parent = Path.GetDirectoryName(path.FullName);
        if (parent is not null && File.Exists(parent)) throw new UsageException($"{option} '{path}': '{parent}' is a file, not a directory");
    }

    /// <summary>A directory to write into (created if missing): not an existing file.</summary>
    public static void WritableDirectory(FileSystemInfo path, string option)
    {
        if (File.Exists(path.FullName)) throw new UsageException($"{option} '{path}' is a file; name a directory (it is created if missing)");
        for (var parent = Path.GetDirectoryName(path.FullName); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent)) throw new UsageException($"{option} '{path}': '{parent}' is a file, not a directory");
    }
}
