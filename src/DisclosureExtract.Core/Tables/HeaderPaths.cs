using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>A grid column's header: its money column key (null when the catalog does not know the label or the column holds
/// no amounts), its role when it holds no amounts (unit, code, name, project, seq), and the printed labels top to bottom.</summary>
internal sealed record HeaderColumn(string? Key, string Label, string? Role = null, string? RowKey = null, int? Year = null);

/// <summary>
/// Reads a header of 1-4 rows with spanning cells into column keys by meaning. A column's header is its path: the
/// text of every header row over it, top to bottom — its own cell, or a cell spanning it (a PDF cell whose ruled
/// extent covers the column; an HTML cell repeated over its span). The lowest label names the column and the labels
/// above it are its groups: 一般公共预算 under 本年收入 is general_budget, under 上年结转结余 carryover_general_budget;
/// 小计 under 基本支出 is basic. Labels are the catalog's (the table kind's own first).
/// </summary>
internal static class HeaderPaths
{
    /// <summary>Grid column → header column for the header rows read so far (rows of cells, top to bottom).</summary>
    public static Dictionary<int, HeaderColumn> Map(TableKind kind, DisclosureCatalog catalog, IReadOnlyList<IReadOnlyList<TextCell>> rows)
    {
        var columns = new SortedSet<int>();
        foreach (var row in rows)
        {
            foreach (var c in row)
            {
                if (c.Column is { } col)
                {
                    columns.Add(col);
                }
            }
        }

        var map = new Dictionary<int, HeaderColumn>();
        foreach (var col in columns)
        {
            var path = PathOf(rows, col);
            if (path.Count == 0)
            {
                continue;
            }

            var squeezed = path.Select(Squeeze).ToList();
            var role = RoleOf(catalog, squeezed[^1]);
            var key = role is null ? Match(kind, catalog, squeezed) : null;
            var rowKey = role is null && catalog.RowSetOf(kind) is { } set ? RowKeyOf(set, path) : null;
            map[col] = new HeaderColumn(key, string.Join("/", path.Select(TextNormalizer.RemoveWhiteSpace)), role, rowKey, YearOf(path));
        }

        return map;
    }

    /// <summary>
    /// Tables that print their items as columns (三公: 因公出国(境)费 | 公务接待费 | 公务用车 …, one row of amounts): the row
    /// key a column's header names, from its lowest label up (小计 under 公务用车购置及运行费 is the vehicles row).
    /// </summary>
    private static string? RowKeyOf(RowSet set, List<string> path)
    {
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (new RowKeyMatcher(set).KeyOf(path[i]) is { } key)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// The period a header's labels name, for columns of several periods side by side: a year (2025年预算数), or 上年 (0),
    /// 本年 (9999); a change between periods (增减, 变化, 比上年) is -1. Null when the labels name none.
    /// </summary>
    private static int? YearOf(List<string> path)
    {
        int? period = null;
        foreach (var p in path)
        {
            var t = TextNormalizer.RemoveWhiteSpace(TextNormalizer.Fold(p));
            if (t.Contains("增减", StringComparison.Ordinal) || t.Contains("变化", StringComparison.Ordinal) || t.Contains("比上年", StringComparison.Ordinal))
            {
                return -1;
            }

            if (t.Length >= 5 && t[4] == '年' && t[..4].All(char.IsAsciiDigit) && t[0] == '2')
            {
                period = int.Parse(t[..4], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (t.StartsWith("上年", StringComparison.Ordinal))
            {
                period = 0;
            }
            else if (t.StartsWith("本年", StringComparison.Ordinal) || t.StartsWith("当年", StringComparison.Ordinal))
            {
                period = 9999;
            }
        }

        return period;
    }

    /// <summary>
    /// The role of a column without amounts by its lowest label (short labels such as 类 / 款 / 项 only exactly): a label
    /// printed exactly, else the longest label it contains (政府经济科目编码 is an economic code, though it contains 经济科目编码).
    /// </summary>
    public static string? RoleOf(DisclosureCatalog catalog, string leaf)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var r in catalog.RoleLabels)
        {
            foreach (var label in r.Labels)
            {
                if (leaf == label)
                {
                    return r.Key;
                }

                if (label.Length >= 4 && label.Length > bestLength && leaf.Contains(label, StringComparison.Ordinal) && label.Length >= leaf.Length - 2)
                {
                    (best, bestLength) = (r.Key, label.Length);
                }
            }
        }

        return best;
    }

    /// <summary>A header label as matched: folded, without white space and quotes, without a leading year (2026年预算数 → 预算数).</summary>
    private static string Squeeze(string label)
    {
        var t = TextNormalizer.Squeeze(label);
        var year = 0;
        while (year < t.Length && year < 4 && char.IsAsciiDigit(t[year]))
        {
            year++;
        }

        if (year == 4 && t.Length > 5 && t[4] == '年')
        {
            t = t[5..].StartsWith('度') ? t[6..] : t[5..];
        }

        return t;
    }

    /// <summary>The header texts over a column, top to bottom, a label repeated by a spanning cell once.</summary>
    private static List<string> PathOf(IReadOnlyList<IReadOnlyList<TextCell>> rows, int col)
    {
        var path = new List<string>();
        foreach (var row in rows)
        {
            var text = Over(row, col);
            if (text.Length > 0 && !text.All(c => char.IsAsciiDigit(c) || c is '*' or '※' or ' ') && (path.Count == 0 || path[^1] != text))
            {
                path.Add(text);
            }
        }

        return path;
    }

    /// <summary>The text of the cell over a column in one header row: its own, or that of a cell whose extent covers it.</summary>
    private static string Over(IReadOnlyList<TextCell> row, int col)
    {
        TextCell? own = null;
        foreach (var c in row)
        {
            if (c.Column == col)
            {
                own = c;
                break;
            }
        }

        if (own is not null && own.Text.Trim().Length > 0)
        {
            return own.Text.Trim();
        }

        if (own is not { Left: { } left, Right: { } right })
        {
            return string.Empty;
        }

        foreach (var c in row)
        {
            if (c.Column < col && c.Text.Trim().Length > 0 && c.Left <= left + 1 && c.Right >= right - 1)
            {
                return c.Text.Trim();
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// The column key of a header path: the lowest label names it, the ones above may qualify it. Among the labels that
    /// match, one of the kind's own columns wins, then one whose group condition holds, then the longest label.
    /// A path whose lowest label matches nothing is tried as one wrapped label (资本性支 / 出(基本建设)).
    /// </summary>
    public static string? Match(TableKind kind, DisclosureCatalog catalog, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return null;
        }

        var leaf = path[^1];
        var groups = path.Take(path.Count - 1).ToList();
        return Best(kind, catalog, leaf, groups)
            ?? (leaf.StartsWith("其中:", StringComparison.Ordinal) ? Best(kind, catalog, leaf[3..], groups) : null)
            ?? (path.Count > 1 ? Best(kind, catalog, string.Concat(path), []) : null);
    }

    private static string? Best(TableKind kind, DisclosureCatalog catalog, string leaf, List<string> groups)
    {
        string? best = null;
        var bestScore = -1;
        for (var r = 0; r < kind.Labels.Count + catalog.ColumnLabels.Count; r++)
        {
            var rule = r < kind.Labels.Count ? kind.Labels[r] : catalog.ColumnLabels[r - kind.Labels.Count];
            if (rule.Under.Count > 0 && !Words.AnyContainsAny(groups, rule.Under))
            {
                continue;
            }

            for (var l = 0; l < rule.Labels.Count; l++)
            {
                var label = rule.Labels[l];
                var exact = leaf == label;
                var covers = leaf.Contains(label, StringComparison.Ordinal) && label.Length >= leaf.Length - 2;
                if (!exact && !covers)
                {
                    continue;
                }

                // the kind's own column first, then a group condition that holds, then the longer (more specific) label
                var score = (kind.ColumnIndex(rule.Key) >= 0 ? 100_000 : 0) + (rule.Under.Count > 0 ? 10_000 : 0) + (exact ? 1_000 : 0) + label.Length;
                if (score > bestScore)
                {
                    best = rule.Key;
                    bestScore = score;
                }
            }
        }

        return best;
    }
}
