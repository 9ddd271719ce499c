using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Reads the pieces that follow an amount in an explanation sentence, in printed order:
/// 占 x%, 比上年(预算)增加/减少 y 万元, 增长/下降 z%, 主要原因是 …
/// All patterns work on <see cref="JoinedText.Text"/> (folded: ASCII punctuation, no white space).
/// </summary>
public static partial class SentenceReader
{
    /// <summary>
    /// The mentions of a 类 by name that the pattern (with a "name" group) finds from an offset, kept only where the
    /// name resolves to a code (amounts of sub-purposes inside a sentence do not count), each with the offset where
    /// the next mention starts (the end of its sentence tail).
    /// </summary>
    internal static List<(Match Match, string Name, (string? Code, string? Source) Code, int Limit)> ClassMentions(
        JoinedText t, Regex pattern, int from, FunctionCodeIndex codes)
    {
        var found = new List<(Match, string, (string?, string?))>();
        foreach (Match m in pattern.Matches(t.Text, from))
        {
            var name = t.PrintedSpan(m.Groups["name"].Index, m.Groups["name"].Length);
            var code = codes.Resolve(name, null, null);
            if (code.Code is not null)
            {
                found.Add((m, name, code));
            }
        }

        var result = new List<(Match, string, (string?, string?), int)>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            result.Add((found[i].Item1, found[i].Item2, found[i].Item3, i + 1 < found.Count ? found[i + 1].Item1.Index : t.Length));
        }

        return result;
    }

    /// <summary>A printed amount: 1258.45, 523,055.17, 90.</summary>
    public const string Number = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    [GeneratedRegex(@"\G[,;、]?占(?:比)?(?<share>" + Number + @")%")]
    private static partial Regex ShareAt();

    [GeneratedRegex(@"\G[,;、。]?(?:较|比)(?:上年|上一年|\d{4}年)(?:度)?(?:预算)?(?:数)?(?:相比)?(?<dir>增加|减少|增长|下降)(?:(?<chg>" + Number + @")(?<cunit>万元|元)?)?(?:[,、]?(?<rdir>增长|下降|增加|减少)(?<rate>" + Number + @")%)?")]
    private static partial Regex ChangeAt();

    [GeneratedRegex(@"\G[,;、。]?(?:与|和|较|比)(?:上年|上一年|\d{4}年)(?:度)?(?:预算)?(?:数)?(?:相比)?(?:基本)?持平")]
    private static partial Regex UnchangedAt();

    [GeneratedRegex(@"\G[,;、。]?(?:其中[:,]?)?(?:主要原因|原因)(?:是|为)?[:：]?")]
    private static partial Regex ReasonAt();

    [GeneratedRegex(@"\G[,;、]?(?:主要用于|主要包括|用于)[:：]?")]
    private static partial Regex PurposeAt();

    public static decimal ParseNumber(string printed) =>
        decimal.Parse(printed.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>The same for a span (a group's value read in place): thousands separators dropped into a scratch buffer.</summary>
    public static decimal ParseNumber(ReadOnlySpan<char> printed)
    {
        if (!printed.Contains(','))
        {
            return decimal.Parse(printed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        var digits = printed.Length <= 64 ? stackalloc char[printed.Length] : new char[printed.Length];
        var k = 0;
        foreach (var c in printed)
        {
            if (c != ',')
            {
                digits[k++] = c;
            }
        }

        return decimal.Parse(digits[..k], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>A unit group's value: the literal 万元 / 元 (no new string), else the group's own value.</summary>
    internal static string Unit(Group g) => g.ValueSpan switch
    {
        "万元" => "万元",
        "元" => "元",
        _ => g.Value,
    };

    /// <summary>The tail after an amount: share, change and reason. <paramref name="limit"/> bounds the reason.</summary>
    public static (decimal? Share, YearChange? Change, string? Reason, int End) Tail(JoinedText t, int from, int limit, char[]? reasonStops = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        decimal? share = null;
        YearChange? change = null;
        string? reason = null;
        var pos = from;
        if (MatchAt(ShareAt(), t.Text, pos) is { } sm)
        {
            // [,;、]?占(比)?<share>%: the share is what lies between 占 (or 占比) and the closing %
            var span = t.Text.AsSpan(sm.Index, sm.Length);
            span = span[(span.IndexOf('占') + 1)..^1];
            share = ParseNumber(span.StartsWith('比') ? span[1..] : span);
            pos = sm.Index + sm.Length;
        }

        (change, pos) = Change(t, pos);

        (reason, pos) = ReasonFrom(t, pos, limit, reasonStops);
        return (share, change, reason, pos);
    }

    /// <summary>A change read at the offset, or null.</summary>
    public static (YearChange? Change, int End) Change(JoinedText t, int from)
    {
        ArgumentNullException.ThrowIfNull(t);
        var m = ChangeAt().Match(t.Text, from);
        if (!m.Success || m.Index != from)
        {
            return MatchAt(UnchangedAt(), t.Text, from) is { } same ? (new YearChange("unchanged", null, null), same.Index + same.Length) : (null, from);
        }

        var end = m.Index + m.Length;
        var change = ToChange(m);
        if (!m.Groups["rate"].Success && !m.Groups["cunit"].Success && end < t.Length && t.Text[end] == '%')
        {
            // 比上年增长 12%: a rate only
            change = change with { Amount = null, Rate = change.Amount };
            end++;
        }

        return (change, end);
    }

    /// <summary>主要原因是 … (or 主要用于/主要包括 …) up to 。 (or a stop character) or the limit.</summary>
    public static (string? Reason, int End) ReasonFrom(JoinedText t, int pos, int limit, char[]? stops = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        limit = Math.Min(limit, t.Length);
        if (pos >= limit)
        {
            return (null, pos);
        }

        if ((MatchAt(ReasonAt(), t.Text, pos) ?? MatchAt(PurposeAt(), t.Text, pos)) is not { } m)
        {
            return (null, pos);
        }

        var start = m.Index + m.Length;
        var end = start;
        while (end < limit && t.Text[end] != '。' && (stops is null || Array.IndexOf(stops, t.Text[end]) < 0))
        {
            end++;
        }

        var reason = t.PrintedSpan(start, end - start);
        return (reason.Length > 0 ? reason : null, end);
    }

    /// <summary>The extent of the pattern's match when it starts at the offset (no Match object: only where it is needed).</summary>
    private static (int Index, int Length)? MatchAt(Regex pattern, string text, int at)
    {
        foreach (var m in pattern.EnumerateMatches(text, at))
        {
            return m.Index == at ? (m.Index, m.Length) : null;
        }

        return null;
    }

    private static YearChange ToChange(Match m)
    {
        var word = m.Groups["dir"].Value;
        var dir = word is "减少" or "下降" ? "decrease" : "increase";
        decimal? amount = m.Groups["chg"].Success ? ParseNumber(m.Groups["chg"].ValueSpan) : null;
        decimal? rate = m.Groups["rate"].Success ? ParseNumber(m.Groups["rate"].ValueSpan) : null;
        return new YearChange(dir, amount, rate, m.Groups["cunit"].Success ? Unit(m.Groups["cunit"]) : null);
    }
}
