using System.Security.Cryptography;
using System.Text;

namespace CpOrders.ClrTool;

/// <summary>Small T-SQL text helpers shared by the generators, and the write-only-when-changed rule.</summary>
public static class SqlText
{
    /// <summary>Files the tool writes: UTF-8 with BOM (as SSDT saves .sql files), so the em dash in headers survives.</summary>
    public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary><c>a]b</c> -> <c>[a]]b]</c>.</summary>
    public static string Bracket(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";

    /// <summary>An N'...' literal with quotes doubled.</summary>
    public static string N(string text) => "N'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A message text for <c>RAISERROR(N'...', 10, 1)</c>: quotes doubled and % doubled (RAISERROR formats its text).</summary>
    public static string Message(string text) => N(text.Replace("%", "%%", StringComparison.Ordinal));

    /// <summary>A progress line an operator sees at once in SSMS or sqlpackage: <c>RAISERROR(N'...', 10, 1) WITH NOWAIT;</c>.</summary>
    public static string Print(string text) => $"RAISERROR({Message(text)}, 10, 1) WITH NOWAIT;";

    /// <summary>Upper-case hex with 0x, as SQL Server prints varbinary.</summary>
    public static string Hex(byte[] bytes) => "0x" + Convert.ToHexString(bytes);

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes (64 characters): the wrappers' fingerprint.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Joins lines with \n and ends with one, so the output is the same on every OS.</summary>
    public static string Lines(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

    /// <summary>
    /// Writes the file only when its text differs from what is there, so MSBuild's timestamp checks see no change on a no-op
    /// build. Returns true when it wrote.
    /// </summary>
    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && string.Equals(File.ReadAllText(path, FileEncoding), content, StringComparison.Ordinal))
        {
            return false;
        }
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, content, FileEncoding);
        return true;
    }
}
