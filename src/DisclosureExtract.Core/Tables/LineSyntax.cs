using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>A white-space separated token of a line, as printed and folded (NFKC).</summary>
internal readonly record struct Tok(string Printed, string Folded);

/// <summary>A printed amount of a table row: its text as printed (no thousands separators), value, source line and grid column when known.</summary>
internal sealed record AmountToken(string Text, decimal Value, int Line, int? Column = null);

/// <summary>The small grammar of table lines: codes, amounts, page numbers, unit lines, notes and column-number rows.</summary>
internal static partial class LineSyntax
{
    /// <summary>A 2-digit 款/项 code glued to the name in the name cell: "01 行政单位离退休".</summary>
    [GeneratedRegex(@"^(?<k>\d{2})\s*(?=\D)", RegexOptions.CultureInvariant)]
    private static partial Regex SubCodePrefix();

    [GeneratedRegex(@"^[-—–]\s*\d{1,4}\s*[-—–]$|^第\s*\d{1,4}\s*页", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"单位\s*[:：]\s*(?<u>万元|元)", RegexOptions.CultureInvariant)]
    private static partial Regex UnitText();

    [GeneratedRegex(@"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountToken();

    /// <summary>"01 行政单位离退休" → ("01", "行政单位离退休"); null when the text does not start with a 2-digit code.</summary>
    public static (string Sub, string Remainder)? SubCode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = SubCodePrefix().Match(text);
        return m.Success ? (m.Groups["k"].Value, text[m.Length..].Trim()) : null;
    }

    public static string? LevelOf(string code) => code.Length switch
    {
        3 => "类",
        5 => "款",
        7 => "项",
        _ => null,
    };

    public static bool IsAmount(string token) => TokenShapes.IsAmount(token);

    /// <summary>The patterns <see cref="TokenShapes"/> matches by hand, for the tests that hold them equal.</summary>
    internal static Regex AmountPattern => AmountToken();

    internal static Regex ClassCodePattern => ClassCode();

    internal static Regex SubCodePattern => SubCodeToken();

    internal static Regex FullCodePattern => FullCode();

    internal static Regex GluedCodePattern => GluedCode();

    public static AmountToken? Amount(string token, int line, int? column = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        var t = token.Trim();
        if (!TokenShapes.IsAmount(t))
        {
            return null;
        }

        var text = t.Replace(",", string.Empty, StringComparison.Ordinal);
        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new AmountToken(text, value, line, column);
    }

    public static bool IsPageNumber(string norm) =>
        norm.Length > 0 && norm[0] is '-' or '—' or '–' or '第' && PageNumber().IsMatch(norm); // both alternatives start there

    /// <summary>万元 or 元 from "单位：万元" / "金额单位:元"; null when the line does not say.</summary>
    public static string? Unit(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        if (!norm.Contains("单位", StringComparison.Ordinal))
        {
            return null; // the pattern starts with 单位
        }

        var m = UnitText().Match(norm);
        return m.Success ? m.Groups["u"].Value : null;
    }

    /// <summary>"编制单位：… 单位：万元", "编制部门:…", "单位：万元", "511-退役军人事务局 单位：万元" (a line that ends with its unit).</summary>
    public static bool IsUnitLine(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        Span<char> buffer = norm.Length <= MaxStackChars ? stackalloc char[norm.Length] : new char[norm.Length];
        return IsUnitLine(norm, Squeeze(norm, buffer));
    }

    /// <summary>As <see cref="IsUnitLine(string)"/>, with the line already squeezed (<see cref="Squeezed"/>).</summary>
    public static bool IsUnitLine(string norm, ReadOnlySpan<char> squeezed)
    {
        var t = squeezed;
        return t.StartsWith("编制单位", StringComparison.Ordinal) || t.StartsWith("编制部门", StringComparison.Ordinal)
            || t.StartsWith("单位:", StringComparison.Ordinal) || t.StartsWith("金额单位", StringComparison.Ordinal)
            || (t.Length < 16 && Unit(norm) is not null)
            || (Unit(norm) is { } unit && t.EndsWith(unit, StringComparison.Ordinal) && t[..^unit.Length].EndsWith("单位:", StringComparison.Ordinal));
    }

    /// <summary>A 备注 note or the sentence that says the table is empty.</summary>
    public static bool IsNoteStart(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        Span<char> buffer = norm.Length <= MaxStackChars ? stackalloc char[norm.Length] : new char[norm.Length];
        return IsNoteStart(Squeeze(norm, buffer));
    }

    /// <summary>As <see cref="IsNoteStart(string)"/>, for the squeezed line.</summary>
    public static bool IsNoteStart(ReadOnlySpan<char> squeezed) =>
        squeezed.StartsWith("备注", StringComparison.Ordinal) || squeezed.StartsWith("注:", StringComparison.Ordinal) || squeezed.Contains("空表", StringComparison.Ordinal)
        || squeezed.StartsWith("说明:", StringComparison.Ordinal);

    /// <summary>The line without white space (as <see cref="Text.TextNormalizer.RemoveWhiteSpace"/>) in <paramref name="buffer"/>, or in a new array when it is too short.</summary>
    public static ReadOnlySpan<char> Squeeze(string norm, ref char[] buffer)
    {
        if (buffer.Length < norm.Length)
        {
            buffer = new char[Math.Max(norm.Length, buffer.Length * 2)];
        }

        return Squeeze(norm, buffer);
    }

    private const int MaxStackChars = 256;

    /// <summary>The text without white space (as <see cref="TextNormalizer.RemoveWhiteSpace"/>), written into <paramref name="buffer"/> (at least as long as the text): a per-line test without a string per line.</summary>
    private static ReadOnlySpan<char> Squeeze(string text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\u3000')
            {
                buffer[n++] = c;
            }
        }

        return buffer[..n];
    }

    /// <summary>合计 / 总计 / 合 计 (also 收入总计, 支出合计 on two-sided tables).</summary>
    public static bool IsTotalLabel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = text.Length <= MaxStackChars ? stackalloc char[text.Length] : new char[text.Length];
        return IsTotalLabel(Squeeze(text, buffer));
    }

    /// <summary>As <see cref="IsTotalLabel(string)"/>, for text without white space.</summary>
    public static bool IsTotalLabel(ReadOnlySpan<char> squeezed) => squeezed is "合计" or "总计" or "本年合计";

    /// <summary>
    /// The column-number row of some templates: "※ ※ 1 2 3", "类 款 项 1 2 3", "栏次 1 2", "** ** 1 2", "甲 乙 1 2": only
    /// ※, *, **, 甲/乙/丙, 类/款/项, 栏次/行次 and the integers 1, 2, 3 … in order.
    /// </summary>
    public static bool IsColumnNumberRow(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var scan = new ColumnNumberScan();
        foreach (var raw in tokens)
        {
            if (!scan.Next(raw))
            {
                return false;
            }
        }

        return scan.IsRow;
    }

    /// <summary>As <see cref="IsColumnNumberRow(IEnumerable{string})"/>, without an enumerator object.</summary>
    public static bool IsColumnNumberRow(List<string> tokens)
    {
        var scan = new ColumnNumberScan();
        foreach (var raw in tokens)
        {
            if (!scan.Next(raw))
            {
                return false;
            }
        }

        return scan.IsRow;
    }

    /// <summary>As <see cref="IsColumnNumberRow(IEnumerable{string})"/> over the folded tokens.</summary>
    public static bool IsColumnNumberRow(List<Tok> tokens)
    {
        var scan = new ColumnNumberScan();
        foreach (var tok in tokens)
        {
            if (!scan.Next(tok.Folded))
            {
                return false;
            }
        }

        return scan.IsRow;
    }

    /// <summary>The state of <see cref="IsColumnNumberRow(IEnumerable{string})"/> token by token.</summary>
    private struct ColumnNumberScan
    {
        private int _expect = 1;
        private bool _any;

        public ColumnNumberScan()
        {
        }

        /// <summary>False when the token rules the row out.</summary>
        public bool Next(string raw)
        {
            var t = raw.AsSpan().Trim();
            if (t.Length == 0 || t is "※" or "类" or "款" or "项" or "栏次" or "栏 次" or "行次" or "*" or "**" or "甲" or "乙" or "丙")
            {
                _any |= t.Length > 0 && t is not "类" and not "款" and not "项";
                return true;
            }

            Span<char> digits = stackalloc char[11];
            if (!_expect.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture) || !t.SequenceEqual(digits[..n]))
            {
                return false;
            }

            _expect++;
            _any = true;
            return true;
        }

        public readonly bool IsRow => _any && (_expect > 2 || _expect == 1);
    }

    /// <summary>Splits printed text at white space into tokens (printed and folded form); a 3-digit code glued to a name is split off.</summary>
    public static List<Tok> Tokenize(string printed) => Tokenize(printed, new List<Tok>(8));

    /// <summary>As <see cref="Tokenize(string)"/>, into <paramref name="list"/> (cleared first; the list is returned).</summary>
    public static List<Tok> Tokenize(string printed, List<Tok> list)
    {
        ArgumentNullException.ThrowIfNull(printed);
        ArgumentNullException.ThrowIfNull(list);
        list.Clear();
        var at = 0;
        while (at < printed.Length)
        {
            // the pieces between separators, as Split(TokenSeparators, RemoveEmptyEntries) gives them
            var end = printed.AsSpan(at).IndexOfAny(TokenSeparators);
            end = end < 0 ? printed.Length : at + end;
            if (end == at)
            {
                at++;
                continue;
            }

            var piece = printed.Substring(at, end - at);
            at = end;
            var folded = Text.TextNormalizer.Fold(piece);
            if (folded.Length > 3 && TokenShapes.IsGluedCode(folded) && piece.Length == folded.Length)
            {
                list.Add(new Tok(piece[..3], folded[..3]));
                list.Add(new Tok(piece[3..], folded[3..]));
            }
            else
            {
                list.Add(new Tok(piece, folded));
            }
        }

        return list;
    }

    private static readonly System.Buffers.SearchValues<char> TokenSeparators = System.Buffers.SearchValues.Create([' ', '\t', '\u3000', '\u00A0']);

    [GeneratedRegex(@"^\d{3}[^\d.,]", RegexOptions.CultureInvariant)]
    private static partial Regex GluedCode();

    [GeneratedRegex(@"^\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassCode();

    [GeneratedRegex(@"^\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubCodeToken();

    [GeneratedRegex(@"^(?:\d{5}|\d{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex FullCode();

    /// <summary>A code in the leading tokens ("210" "11" "01", or "2101101"): the code digits and how many tokens it took.</summary>
    public static (string Code, int Consumed)? CodeTokens(IReadOnlyList<Tok> toks)
    {
        ArgumentNullException.ThrowIfNull(toks);
        if (toks.Count == 0)
        {
            return null;
        }

        var t0 = toks[0].Folded;
        if (TokenShapes.IsDigits(t0, 5, 7))
        {
            return (t0, 1);
        }

        if (!TokenShapes.IsDigits(t0, 3))
        {
            return null;
        }

        var code = t0;
        var i = 1;
        while (i < toks.Count && i < 3 && TokenShapes.IsDigits(toks[i].Folded, 2))
        {
            code += toks[i].Folded;
            i++;
        }

        return (code, i);
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|\d{1,2}\.(?!\d)|\(\d{1,2}\)|\([一二三四五六七八九十]+\))", RegexOptions.CultureInvariant)]
    private static partial Regex Enumeration();

    /// <summary>"三、", "2.", "(1)", "(一)" at the start of a folded token: the start of an enumerated label.</summary>
    public static bool StartsEnumeration(string folded) => Enumeration().IsMatch(folded);

    public static int Decimals(string amountText)
    {
        var i = amountText.IndexOf('.', StringComparison.Ordinal);
        return i < 0 ? 0 : amountText.Length - i - 1;
    }
}
