using System.Text;

namespace DisclosureExtract.Reading;

/// <summary>
/// Decodes bytes of a text document: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8
/// is tried and GB18030 (a superset of GBK and GB2312) is the fallback, as scraped Chinese text often comes.
/// </summary>
public static class TextDecoder
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>GB18030 with exception fallbacks (so a wrong guess is noticed).</summary>
    public static Encoding GB18030 => Gb18030.Value;

    /// <summary>Decodes the bytes and names the encoding used. Throws <see cref="InputException"/> for empty or binary data.</summary>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new InputException("empty file");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (DecodeStrict(new UTF8Encoding(false, true), bytes[3..], "UTF-8"), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE"), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE"), "utf-16be");
        }

        if (LooksBinary(bytes))
        {
            throw new InputException("binary data, not a text document");
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // not UTF-8: try GB18030 below
        }

        try
        {
            return (GB18030.GetString(bytes), "gb18030");
        }
        catch (DecoderFallbackException ex)
        {
            throw new InputException("text in an unknown encoding: neither UTF-8, UTF-16 nor GB18030", ex);
        }
    }

    /// <summary>
    /// When <see cref="Decode"/> tries the bytes as UTF-8 (a UTF-8 BOM, or no BOM and not binary): where the text starts
    /// after the BOM and the encoding's name. The bytes are not checked: <see cref="Decode"/> reads them as UTF-8 when
    /// they are valid, otherwise it says why not (after a BOM) or tries GB18030.
    /// </summary>
    public static (int Offset, string EncodingName)? Utf8Start(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (3, "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || LooksBinary(bytes))
        {
            return null;
        }

        return (0, "utf-8");
    }

    /// <summary>NUL bytes or many control characters in the first 8 KiB mean binary data (UTF-16 without BOM is rare in the field).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.IndexOfAnyInRange((byte)0x00, (byte)0x08) < 0 && sample.IndexOfAnyInRange((byte)0x0E, (byte)0x1F) < 0)
        {
            return false; // no NUL and no control character at all (two vectorized scans; the count below is for the rest)
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        return control > sample.Length / 100 + 2;
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InputException($"invalid {name} text after its byte-order mark", ex);
        }
    }
}
