using DisclosureExtract.Catalog;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// row_key of uncoded rows by the meaning of their labels, from a row set of the catalog (income rows of 收支总表,
/// 三公 rows). Labels that open a section (财政拨款结转) change the key of the rows under them (其中：一般公共预算拨款 is
/// then fiscal_carryover_general_budget): one matcher reads one table's rows in printed order.
/// </summary>
internal sealed class RowKeyMatcher
{
    private readonly RowSet _set;
    private string? _section;

    public RowKeyMatcher(RowSet set)
    {
        _set = set;
    }

    /// <summary>The row_key of a label (on a side of a two-sided table, when known); null when no rule matches.</summary>
    public string? KeyOf(string label, string? side = null)
    {
        var t = StripNumbering(Squeeze(label));
        foreach (var rule in _set.Labels)
        {
            if ((rule.InSection is { } s && s != _section) || (rule.Side is { } rs && side is not null && rs != side) || (rule.Side is not null && side is null))
            {
                continue;
            }

            if (rule.Matches(t))
            {
                if (rule.Section is { } open)
                {
                    _section = open;
                }

                return rule.Key;
            }
        }

        return null;
    }

    /// <summary>The row a row's amount is a part of (三公: 合计 ← 出国, 接待, 公务用车; 公务用车 ← 购置, 运行), from the set's sum rules.</summary>
    public static string? ParentOf(RowSet set, string key)
    {
        ArgumentNullException.ThrowIfNull(set);
        foreach (var rule in set.Rules)
        {
            if (rule.Parts.Contains(key))
            {
                return rule.Total;
            }
        }

        return null;
    }

    /// <summary>A label folded, without white space and without a leading 其中：.</summary>
    internal static string Squeeze(string label)
    {
        var t = TextNormalizer.Squeeze(label);
        if (t.StartsWith("其中:", StringComparison.Ordinal))
        {
            t = t[3..];
        }

        return t;
    }

    /// <summary>"一、" "1." "1、" "(一)" "(1)" at the start of a label.</summary>
    internal static string StripNumbering(string t)
    {
        if (t.Length > 0 && t[0] == '(')
        {
            var close = t.IndexOf(')', StringComparison.Ordinal);
            if (close > 0 && close < 5)
            {
                return t[(close + 1)..];
            }
        }

        var i = 0;
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || "一二三四五六七八九十".Contains(t[i], StringComparison.Ordinal)))
        {
            i++;
        }

        if (i > 0 && i < t.Length && t[i] is '、' or '.' or ',' or ':')
        {
            return t[(i + 1)..];
        }

        return t;
    }
}
