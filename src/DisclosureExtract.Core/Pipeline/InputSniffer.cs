using System.Text;
using DisclosureExtract.Model;

namespace DisclosureExtract.Pipeline;

/// <summary>Decides the format by content, not by the file name: an HTML error page saved as .pdf is HTML.</summary>
public static class InputSniffer
{
    public static SourceFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) is >= 0 and < 1024)
        {
            return SourceFormat.Pdf;
        }

        var start = head;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        var text = Encoding.ASCII.GetString(start).TrimStart().ToUpperInvariant();
        if (text.StartsWith("<!DOCTYPE HTML", StringComparison.Ordinal) || text.StartsWith("<HTML", StringComparison.Ordinal)
            || (text.StartsWith("<?XML", StringComparison.Ordinal) && text.Contains("<HTML", StringComparison.Ordinal))
            || text.StartsWith("<HEAD", StringComparison.Ordinal) || text.StartsWith("<META", StringComparison.Ordinal))
        {
            return SourceFormat.Html;
        }

        return SourceFormat.Text;
    }
}
