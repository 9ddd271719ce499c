using System.Text;
using AngleSharp.Html.Parser;

namespace DisclosureExtract.Reading;

/// <summary>
/// Decodes the bytes of an HTML page. The order is the one browsers use: a byte-order mark decides;
/// otherwise the page's own declaration (<c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"
/// content="…; charset=…"&gt;</c>, looked for in the first <see cref="PrescanBytes"/> bytes); otherwise detection
/// (strict UTF-8, else GB18030) as for text. GB2312 and GBK pages decode with GB18030, their superset.
/// A declaration that the bytes contradict (a page saved as GBK that still says utf-8) gives way to detection.
/// </summary>
public static class HtmlCharset
{
    /// <summary>How far into the file the declaration is looked for (browsers use 1024; scraped pages have long heads).</summary>
    public const int PrescanBytes = 4096;

    private static readonly HashSet<string> ChineseLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312", "gb_2312-80", "csgb2312",
        "csiso58gb231280", "iso-ir-58", "chinese", "euc-cn", "x-euc-cn",
    };

    private static readonly HashSet<string> Utf8Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
        // a page that could be prescanned as ASCII is not UTF-16 whatever it says (HTML standard)
        "utf-16", "utf-16le", "utf-16be", "unicode", "unicodefffe",
    };

    /// <summary>Decodes the page and names the encoding used.</summary>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new InputException("empty file");
        }

        if (HasByteOrderMark(bytes))
        {
            return TextDecoder.Decode(bytes);
        }

        if (TextDecoder.LooksBinary(bytes))
        {
            throw new InputException("binary data, not a text document");
        }

        var declared = DeclaredCharset(bytes);
        if (declared is not null && DecodeAs(declared, bytes) is { } decoded)
        {
            return decoded;
        }

        return TextDecoder.Decode(bytes);
    }

    /// <summary>
    /// The charset the page declares in its first bytes, or null. The head is read as Latin-1 (every byte one
    /// character, so the ASCII markup survives whatever the real encoding) and parsed with AngleSharp.
    /// </summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (!head.Contains("charset", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var doc = new HtmlParser().ParseDocument(head);
        foreach (var meta in doc.QuerySelectorAll("meta"))
        {
            var charset = meta.GetAttribute("charset");
            if (!string.IsNullOrWhiteSpace(charset))
            {
                return Clean(charset);
            }

            var httpEquiv = meta.GetAttribute("http-equiv");
            var content = meta.GetAttribute("content");
            if (httpEquiv is not null && content is not null
                && string.Equals(httpEquiv.Trim(), "content-type", StringComparison.OrdinalIgnoreCase)
                && CharsetOfContentType(content) is { } fromContent)
            {
                return fromContent;
            }
        }

        return null;
    }

    /// <summary>The charset parameter of a content type such as <c>text/html; charset=gb2312</c>, or null.</summary>
    public static string? CharsetOfContentType(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var at = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var rest = contentType[(at + "charset".Length)..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return null;
        }

        rest = rest[1..].TrimStart().TrimStart('"', '\'');
        var end = rest.IndexOfAny([';', ' ', '"', '\'', ',', '\t']);
        var value = end < 0 ? rest : rest[..end];
        return value.Length == 0 ? null : value;
    }

    private static string Clean(string label) => label.Trim().Trim('"', '\'').Trim();

    private static bool HasByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>Decodes with the declared encoding, or null when the label is unknown or the bytes are not in that encoding.</summary>
    private static (string Text, string EncodingName)? DecodeAs(string label, ReadOnlySpan<byte> bytes)
    {
        if (Utf8Labels.Contains(label))
        {
            return TryStrict(new UTF8Encoding(false, true), bytes, "utf-8");
        }

        if (ChineseLabels.Contains(label))
        {
            return TryStrict(TextDecoder.GB18030, bytes, "gb18030");
        }

        if (!AngleSharp.Text.TextEncoding.IsSupported(label))
        {
            return null;
        }

        // other WHATWG labels (big5, windows-1252, …): AngleSharp knows their names; the code pages come from .NET
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = AngleSharp.Text.TextEncoding.Resolve(label);
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        return TryStrict(strict, bytes, encoding.WebName);
    }

    private static (string, string)? TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return (encoding.GetString(bytes), name);
        }
        catch (DecoderFallbackException)
        {
            return null; // the declaration is wrong: detection decides
        }
    }
}
