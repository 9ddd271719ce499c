using System.Globalization;
using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>The recognized tables of one document, looked up by table_key, with the helpers the checks share.</summary>
public sealed class TableSet
{
    private readonly Dictionary<string, BudgetTable> _byKey = new(StringComparer.Ordinal);
    private readonly List<BudgetTable> _all = [];
    private readonly IReadOnlyList<DocLine>? _lines;
    private readonly Dictionary<(BudgetTable, string?), IReadOnlyDictionary<string, List<TableRow>>> _byCode = new(new TableSideComparer());

    /// <param name="tables">The recognized tables.</param>
    /// <param name="catalog">The catalog the tables are of (kinds, rules, identities).</param>
    /// <param name="lines">The document's lines, to name source lines and quote sentences in messages; null to name indices.</param>
    public TableSet(IEnumerable<BudgetTable> tables, DisclosureCatalog catalog, IReadOnlyList<DocLine>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        _lines = lines;
        foreach (var t in tables)
        {
            // the first occurrence wins: a repeated table (contents page, page break) must not replace the real one
            if (_byKey.TryAdd(t.TableKey, t))
            {
                _all.Add(t);
            }
            else if (t.TableKey == Catalog.Other.Key)
            {
                _all.Add(t);
            }
        }
    }

    public DisclosureCatalog Catalog { get; }

    /// <summary>Every table once, in printed order (tables the catalog does not know included).</summary>
    public IReadOnlyList<BudgetTable> All => _all;

    /// <summary>A source line for messages: "line 276" / "page 3 line 12" from the document, or "line index 275" without it.</summary>
    public string At(int lineIndex) =>
        _lines is not null && lineIndex >= 0 && lineIndex < _lines.Count ? _lines[lineIndex].Where : $"line index {lineIndex}";

    /// <summary>The table of this kind, even when it is a 空表; null when the document has none.</summary>
    public BudgetTable? Find(string tableKey) => _byKey.GetValueOrDefault(tableKey);

    /// <summary>The table of this kind when it has rows with amounts.</summary>
    public BudgetTable? Get(string tableKey) => Find(tableKey) is { } t && IsRead(t) ? t : null;

    /// <summary>The kind of a table (the catalog's "other" kind for a title it does not know).</summary>
    public TableKind KindOf(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Catalog.ByKey(table.TableKey) ?? Catalog.Other;
    }

    /// <summary>True when the table prints at least one amount (a 空表 or a table whose rows were not read does not).</summary>
    public static bool IsRead(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.IsEmpty)
        {
            return false;
        }

        foreach (var r in table.Rows)
        {
            if (r.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The coded table's 合计/总计 row (row_key total, no code).</summary>
    public static TableRow? TotalRow(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return KeyRow(table, "total");
    }

    /// <summary>The uncoded row with this key (on the given side for two-sided tables).</summary>
    public static TableRow? KeyRow(BudgetTable table, string rowKey, string? side = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Code is null && r.RowKey == rowKey && OnSide(r, side))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>
    /// Why a keyed row may not be the one meant: the key is on several rows of the side ("本年收入合计" and "收入总计" both read
    /// as income_total). Null when the key is on one row.
    /// </summary>
    public static string? KeyDoubt(BudgetTable table, string rowKey, string? side = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Where(r => r.Code is null && r.RowKey == rowKey && OnSide(r, side)).ToList();
        return rows.Count > 1
            ? $"{Name(table)} has {rows.Count} rows read as {rowKey} ({string.Join(", ", rows.Select(r => r.ItemName))}): the tool could not tell which is meant"
            : null;
    }

    /// <summary>Uncoded rows with amounts whose meaning the tool did not recognize (no row key), on a side; null when none.</summary>
    public static string? UnnamedRowsDoubt(BudgetTable table, string? side)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Where(r => r.Code is null && r.RowKey is null && r.Values.Count > 0 && OnSide(r, side)).ToList();
        return rows.Count > 0
            ? $"{Name(table)} has rows the tool could not name ({string.Join(", ", rows.Take(3).Select(r => $"{r.ItemName} {string.Join("/", r.Values.Select(v => v.Amount.ToString(CultureInfo.InvariantCulture)))}"))}), which may belong to the sum"
            : null;
    }

    /// <summary>Coded rows grouped by code, in printed order (表7 repeats a 项 code once per project).</summary>
    public static IReadOnlyDictionary<string, List<TableRow>> ByCode(BudgetTable table, string? side = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var map = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
        {
            if (r.Code is null || !OnSide(r, side))
            {
                continue;
            }

            if (!map.TryGetValue(r.Code, out var list))
            {
                list = [];
                map[r.Code] = list;
            }

            list.Add(r);
        }

        return map;
    }

    /// <summary>As <see cref="ByCode(BudgetTable, string?)"/>, built once per table and side (the lists must not be changed).</summary>
    public IReadOnlyDictionary<string, List<TableRow>> RowsByCode(BudgetTable table, string? side = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!_byCode.TryGetValue((table, side), out var map))
        {
            map = ByCode(table, side);
            _byCode[(table, side)] = map;
        }

        return map;
    }

    /// <summary>True when the row is on the side asked for; a row without a side is on every side.</summary>
    public static bool OnSide(TableRow row, string? side)
    {
        ArgumentNullException.ThrowIfNull(row);
        return side is null || row.Side is null || row.Side == side;
    }

    /// <summary>The factor that brings a table's amounts to 万元 (tables printed in 元 are compared with the others in 万元).</summary>
    public static decimal ToWan(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Unit == "元" ? 0.0001m : 1m;
    }

    /// <summary>The line of the cell when printed, otherwise the row's line.</summary>
    public static int LineOf(TableRow row, string columnKey)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.LineIn(columnKey) ?? row.Line;
    }

    /// <summary>"表3" for a table the schema numbers, else its printed title.</summary>
    public static string Name(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.TableNo > 0 ? $"表{table.TableNo.ToString(CultureInfo.InvariantCulture)}" : table.Title;
    }

    /// <summary>A short label for messages: "表3 210 卫生健康支出" or "表2 合计".</summary>
    public static string Label(BudgetTable table, TableRow row)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var what = row.Code is null ? row.ItemName : $"{row.Code} {row.ItemName}";
        if (row.ProjectName is { Length: > 0 } p)
        {
            what += $" ({p})";
        }

        return $"{Name(table)} {what}";
    }

    /// <summary>The folded text of a line, or null without the document's lines.</summary>
    public string? LineText(int lineIndex) =>
        _lines is not null && lineIndex >= 0 && lineIndex < _lines.Count ? _lines[lineIndex].Norm : null;

    /// <summary>
    /// The sentence of the source line that states <paramref name="amount"/> (the clause between 。；; around it), quoted for
    /// messages; the start of the line when the amount is not found; null without the document's lines.
    /// </summary>
    public string? Sentence(int lineIndex, decimal amount) => SentenceParts(lineIndex, amount) is { } p ? Shorten(p.Before + p.After, p.Before.Length) : null;

    /// <summary>
    /// The sentence that states <paramref name="amount"/> on a line, split at the amount: what comes before it (from the
    /// last 。；; — on the lines before when the sentence started there) and the amount with the rest of its clause.
    /// </summary>
    public (string Before, string After)? SentenceParts(int lineIndex, decimal amount)
    {
        if (_lines is null || lineIndex < 0 || lineIndex >= _lines.Count)
        {
            return null;
        }

        char[] stops = ['。', ';', '；'];
        var text = _lines[lineIndex].Norm;
        var at = Math.Max(0, FindAmount(text, amount));
        var cut = at == 0 ? -1 : text.LastIndexOfAny(stops, at - 1);
        var before = text[(cut + 1)..at];
        // a sentence wrapped from the lines before
        for (var i = lineIndex - 1; cut < 0 && i >= 0 && i >= lineIndex - 3; i--)
        {
            var prev = _lines[i].Norm;
            if (prev.Length == 0 || _lines[i].IsHeading || IsNumberedHeading(prev))
            {
                break;
            }

            cut = prev.LastIndexOfAny(stops);
            before = prev[(cut + 1)..] + before;
        }

        var end = text.IndexOfAny(stops, at);
        var after = end < 0 ? text[at..] : text[at..(end + 1)];
        return (before.TrimStart(), after.TrimEnd());
    }

    /// <summary>一、… / （一）… / 1.… at the start of a line without a full stop: a heading, not part of a sentence.</summary>
    private static bool IsNumberedHeading(string norm) =>
        norm.Length > 0 && (norm[0] is '(' || (norm.Length > 1 && norm[1] == '、')) && norm.IndexOfAny(['。', ';', '；']) < 0;

    private static string Shorten(string s, int at)
    {
        if (s.Length <= 90)
        {
            return s;
        }

        var from = Math.Max(0, Math.Min(at - 45, s.Length - 90));
        return (from > 0 ? "…" : string.Empty) + s.Substring(from, 90) + (from + 90 < s.Length ? "…" : string.Empty);
    }

    /// <summary>Where the amount is printed in a folded line (as printed, with or without thousands separators; 万元 or the same in 元).</summary>
    private static int FindAmount(string text, decimal amount)
    {
        foreach (var v in new[] { amount, amount * 10000m })
        {
            var plain = v.ToString(CultureInfo.InvariantCulture);
            foreach (var form in new[] { plain, v.ToString("#,0.##########", CultureInfo.InvariantCulture), TrimZeros(plain) })
            {
                var i = text.IndexOf(form, StringComparison.Ordinal);
                while (i >= 0)
                {
                    var before = i == 0 ? ' ' : text[i - 1];
                    var after = i + form.Length >= text.Length ? ' ' : text[i + form.Length];
                    if (!char.IsAsciiDigit(before) && before != '.' && !char.IsAsciiDigit(after))
                    {
                        return i;
                    }

                    i = text.IndexOf(form, i + 1, StringComparison.Ordinal);
                }
            }
        }

        return -1;
    }

    private static string TrimZeros(string s) => s.Contains('.', StringComparison.Ordinal) ? s.TrimEnd('0').TrimEnd('.') : s;

    private sealed class TableSideComparer : IEqualityComparer<(BudgetTable Table, string? Side)>
    {
        public bool Equals((BudgetTable Table, string? Side) x, (BudgetTable Table, string? Side) y) =>
            ReferenceEquals(x.Table, y.Table) && x.Side == y.Side;

        public int GetHashCode((BudgetTable Table, string? Side) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Table), obj.Side);
    }
}
