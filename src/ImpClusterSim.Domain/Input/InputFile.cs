using System.Runtime.InteropServices;
using System.Text;

namespace ImpClusterSim.Domain.Input;

/// <summary>
/// Reads a file that comes from outside (scenario, topology, banner, certificate, shell script) without ever blocking or
/// reading without end: only regular files (not a FIFO, a device such as /dev/zero, a socket or a directory), and at
/// most a stated size, with the size in the refusal. Text is decoded as UTF-8 (a BOM is honoured) and normalised by
/// <see cref="InputText.Normalize"/>. Errors are messages, never exceptions.
/// </summary>
public static class InputFile
{
    /// <summary>The largest scenario, topology or shell script: 1 MiB (the shipped ones are under 10 KiB).</summary>
    public const long MaxTextBytes = 1 << 20;

    /// <summary>The largest certificate or bundle file: 1 MiB.</summary>
    public const long MaxCertificateBytes = 1 << 20;

    /// <summary>Reads a text file of at most <paramref name="maxBytes"/> bytes; false with the reason otherwise.</summary>
    public static bool TryReadText(string path, long maxBytes, out string text, out string error)
    {
        text = "";
        if (!TryReadBytes(path, maxBytes, out var bytes, out error)) return false;
        text = InputText.Normalize(new UTF8Encoding(false, false).GetString(bytes));
        return true;
    }

    /// <summary>Reads a file of at most <paramref name="maxBytes"/> bytes; false with the reason otherwise.</summary>
    public static bool TryReadBytes(string path, long maxBytes, out byte[] bytes, out string error)
    {
        bytes = [];
        error = "";
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "the file name is empty";
            return false;
        }

        try
        {
            if (Directory.Exists(path))
            {
                error = $"'{path}' is a directory, not a file";
                return false;
            }

            if (!File.Exists(path))
            {
                error = $"'{path}' does not exist";
                return false;
            }

            if (KindOf(path) is { } kind)
            {
                error = $"'{path}' is {kind}, not a regular file: only regular files are read";
                return false;
            }

            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                error = $"'{path}' is {Size(length)}, larger than the {Size(maxBytes)} a file may have here";
                return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            // Read one byte past the limit: a file that grows while it is read is refused too.
            var buffer = new byte[Math.Min(maxBytes + 1, Math.Max(length, 0) + 4096)];
            var total = 0;
            int n;
            while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0) total += n;
            if (total > maxBytes)
            {
                error = $"'{path}' is larger than the {Size(maxBytes)} a file may have here";
                return false;
            }

            bytes = buffer[..total];
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read '{path}': {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// Why an existing path would be refused (a directory, not a regular file, larger than <paramref name="maxBytes"/>),
    /// or null when it is a small enough regular file or does not exist (its absence is the reader's to report).
    /// Nothing is opened.
    /// </summary>
    public static string? Refusal(string path, long maxBytes)
    {
        try
        {
            if (Directory.Exists(path)) return $"'{path}' is a directory, not a file";
            if (!File.Exists(path)) return null;
            if (KindOf(path) is { } kind) return $"'{path}' is {kind}, not a regular file: only regular files are read";
            var length = new FileInfo(path).Length;
            return length > maxBytes ? $"'{path}' is {Size(length)}, larger than the {Size(maxBytes)} a file may have here" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot read '{path}': {e.Message}";
        }
    }

    /// <summary>"1.5 MiB", "312 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => FormattableString.Invariant($"{bytes / (double)(1L << 30):0.#} GiB ({bytes} bytes)"),
        >= 1L << 20 => FormattableString.Invariant($"{bytes / (double)(1L << 20):0.#} MiB ({bytes} bytes)"),
        >= 1L << 10 => FormattableString.Invariant($"{bytes / 1024.0:0.#} KiB ({bytes} bytes)"),
        _ => FormattableString.Invariant($"{bytes} bytes"),
    };

    /// <summary>
    /// What a non-regular file is ("a FIFO", "a character device", ...), or null for a regular file. On Unix the file's
    /// type comes from stat(2) through the .NET runtime's own native shim (SystemNative_Stat, whose FileStatus starts
    /// with Flags and Mode); where that is not available, anything under /dev, /proc or /sys counts as a device.
    /// </summary>
    private static string? KindOf(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            var status = new byte[512];
            if (SystemNativeStat(path, status) == 0)
            {
                var mode = BitConverter.ToInt32(status, 4) & 0xF000;
                return mode switch
                {
                    0x8000 => null,
                    0x1000 => "a FIFO (named pipe)",
                    0x2000 => "a character device",
                    0x6000 => "a block device",
                    0xC000 => "a socket",
                    0x4000 => "a directory",
                    _ => "not a regular file",
                };
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
        }

        var full = Path.GetFullPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal) || full.StartsWith("/sys/", StringComparison.Ordinal)
            ? "a device or kernel file"
            : null;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
