using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Reference;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>A figure of 第三部分 as the text checks see it: its section and key (as the catalog's text identities name them).</summary>
internal sealed record TextEntry(string Section, string Key, TextFigure Figure, string What, TextItem? Item = null, TextClassShare? Class = null);

/// <summary>
/// 第三部分 against the tables, from the catalog's <c>text_identities</c>: each figure is an equation between the text's
/// printed amount (a cell of its own, which can be the culprit) and the table cells it restates; each printed share
/// (占 X%) is recomputed from its amount and the total it is a share of. Every message quotes the sentence it read.
/// </summary>
internal sealed partial class TextEquations
{
    private readonly TableSet _set;
    private readonly CellIndex _cells;
    private readonly List<Equation> _equations;
    private readonly Notes _notes;
    private readonly TextFigures _text;
    private readonly DocumentFacts? _facts;
    private readonly IReadOnlyList<TextIdentity> _rules;
    private readonly List<(TextEntry Entry, TextIdentity Rule, Equation? Equation, decimal? TableValue, decimal TableHalf)> _checked = [];

    public TextEquations(TableSet set, CellIndex cells, List<Equation> equations, Notes notes, TextFigures text, DocumentFacts? facts)
    {
        _set = set;
        _cells = cells;
        _equations = equations;
        _notes = notes;
        _text = text;
        _facts = facts;
        _rules = TextRules.For(set.Catalog);
    }

    /// <summary>Text items (类 structure, 类/款/项 use) that name a row the table does not have.</summary>
    public List<Finding> Unmatched { get; } = [];

    [GeneratedRegex(@"下属\s*0\s*家行政单位和\s*0\s*家事业单位")]
    private static partial Regex NoSubordinateUnits();

    [GeneratedRegex(@"占(?<base>[^0-9%。;,，]{0,14}?)(?:的)?(?:比重|比例)?(?:为)?\s*-?\d+(?:\.\d+)?\s*%")]
    private static partial Regex ShareBase();

    public static List<TextEntry> Entries(TextFigures t)
    {
        var list = new List<TextEntry>();
        void Add(string section, string key, TextFigure? f, string what)
        {
            if (f is not null)
            {
                list.Add(new TextEntry(section, key, f, what));
            }
        }

        Add("total", "total", t.TotalBudget, "收支总预算");
        Add("income", "total", t.IncomeTotal, "收入预算");
        foreach (var (k, f) in t.IncomeParts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add("income", k, f, $"收入预算 {k}");
        }

        Add("expenditure", "total", t.ExpenditureTotal, "支出预算");
        Add("expenditure", "basic", t.Basic, "支出预算 基本支出");
        Add("expenditure", "project", t.Project, "支出预算 项目支出");
        Add("fiscal", "total", t.FiscalTotal, "财政拨款收支总预算");
        Add("general_budget", "total", t.GeneralBudgetTotal, "一般公共预算拨款合计");
        foreach (var c in t.GeneralBudgetClasses)
        {
            list.Add(new TextEntry("structure", c.Code ?? c.ClassName, new TextFigure(c.Amount, c.Line, c.Share), $"一般公共预算 {c.ClassName}（类）", Class: c));
        }

        foreach (var i in t.Items)
        {
            list.Add(new TextEntry("items", i.Code ?? i.ItemName ?? i.SectionName ?? i.ClassName ?? string.Empty, new TextFigure(i.Amount, i.Line, null, i.Change, i.ChangeRate),
                $"一般公共预算 {i.ClassName}（类）{i.SectionName}（款）{i.ItemName}（项）", Item: i));
        }

        Add("basic", "personnel", t.Personnel, "基本支出 人员经费");
        Add("basic", "public_use", t.PublicUse, "基本支出 公用经费");
        foreach (var (k, f) in t.ThreePublic.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add("three_public", k, f, $"三公经费 {k}");
        }

        Add("operating_expenses", "total", t.OperatingExpenses, "机关运行经费");
        foreach (var (k, f) in t.Other.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var dot = k.IndexOf('.', StringComparison.Ordinal);
            Add(k[..dot], k[(dot + 1)..], f, k);
        }

        return list;
    }

    public void AddAll()
    {
        foreach (var entry in Entries(_text))
        {
            if (_rules.FirstOrDefault(r => r.Matches(entry.Section, entry.Key)) is { } rule)
            {
                Add(entry, rule);
            }
        }
    }

    private void Add(TextEntry entry, TextIdentity rule)
    {
        var f = entry.Figure;
        if (rule.NotWords.Count > 0 && _set.SentenceParts(f.Line, f.Amount) is { } parts
            && rule.NotWords.FirstOrDefault(w => parts.Before.Contains(w, StringComparison.Ordinal)) is { } word)
        {
            var t = rule.Against.Select(a => _set.Find(a.Table)).FirstOrDefault(x => x is not null);
            _notes.Incomplete(rule.Check, new Place(t?.TableKey, null, null, null, f.Line),
                $"text {entry.What} “{Quote(f)}” ({_set.At(f.Line)}): the sentence speaks of {word}, not of the figure the table prints");
            return;
        }

        foreach (var against in rule.Against)
        {
            if (_set.Get(against.Table) is not { } table)
            {
                continue;
            }

            var column = against.Columns.Count > 0 && against.Columns[0] == "*" ? entry.Key : against.Columns.Count > 0 ? against.Columns[0] : "total";
            var columns = against.Columns.Select(c => c == "*" ? entry.Key : c).ToList();
            TableRow? row;
            switch (rule.Rows)
            {
                case "classes":
                    row = FindClass(table, entry.Class!);
                    if (row is null)
                    {
                        if (f.Amount != 0m)
                        {
                            Unmatched.Add(new Finding(CheckIds.TextItemUnmatched, Severity.Warning, $"{entry.What} “{Quote(f)}”: {TableSet.Name(table)} has no such 类 row",
                                table.TableKey, entry.Class!.Code, null, null, f.Amount, f.Line));
                        }

                        _checked.Add((entry, rule, null, null, 0m));
                        return;
                    }

                    break;
                case "items":
                    row = FindItem(_set.RowsByCode(table), entry.Item!);
                    if (row is null)
                    {
                        if (f.Amount != 0m)
                        {
                            Unmatched.Add(new Finding(CheckIds.TextItemUnmatched, Severity.Warning, $"{entry.What} “{Quote(f)}”: {TableSet.Name(table)} has no such row",
                                table.TableKey, entry.Item!.Code, null, null, f.Amount, f.Line));
                        }

                        return;
                    }

                    break;
                default:
                    var key = against.Row == "*" ? entry.Key : against.Row ?? "total";
                    row = TableSet.KeyRow(table, key, against.Side);
                    if (row is null || !columns.Exists(table.Columns.Contains))
                    {
                        // a zero the table leaves out says nothing; otherwise the tool did not read what the text restates
                        if (f.Amount != 0m)
                        {
                            var missing = row is null ? $"no {key} row" : $"no {string.Join("/", columns)} column";
                            _notes.Incomplete(rule.Check, new Place(table.TableKey, null, key, column, f.Line),
                                $"text {entry.What} “{Quote(f)}” ({_set.At(f.Line)}) against {TableSet.Name(table)}: {missing} of {TableSet.Name(table)} was read");
                        }

                        _checked.Add((entry, rule, null, null, 0m));
                        return;
                    }

                    break;
            }

            var cells = columns.Where(table.Columns.Contains).Select(c => _cells.Of(table, row, c)).ToList();
            if (cells.Count == 0)
            {
                if (f.Amount != 0m)
                {
                    _notes.Incomplete(rule.Check, new Place(table.TableKey, row.Code, null, column, f.Line),
                        $"text {entry.What} “{Quote(f)}” ({_set.At(f.Line)}) against {TableSet.Name(table)}: no {string.Join("/", columns)} column of {TableSet.Name(table)} was read");
                }

                _checked.Add((entry, rule, null, null, 0m));
                return;
            }

            var atMost = rule.AtMost && !(rule.EqualWhen == "single_unit" && f.Amount != 0m && SingleUnit(f));
            var text = _cells.Text(entry.What, f.Amount, f.Line);
            var r = row;
            var e = new Equation(rule.Check, 1m, () => string.Create(CultureInfo.InvariantCulture,
                $"text {entry.What} “{Quote(f)}” ({_set.At(f.Line)}) {(atMost ? "at most" : "against")} {TableSet.Label(table, r)} {string.Join("+", cells.Select(c => c.Column))} {string.Join(" + ", cells.Select(c => c.Printed?.ToString(CultureInfo.InvariantCulture) ?? "empty"))}{(table.Unit == "元" ? " 元" : string.Empty)} ({_set.At(cells[0].Line)})"),
                atMost)
            {
                At = new Place(table.TableKey, row.Code, row.Code is null ? row.RowKey : null, cells[0].Column, f.Line),
            };
            e.AddLeft(text);
            foreach (var c in cells)
            {
                e.AddRight(c);
            }

            _equations.Add(e.Evaluate());
            _checked.Add((entry, rule, e, e.Right, cells.Sum(c => c.HalfUnit * c.ToWan)));
            return;
        }
    }

    /// <summary>
    /// The document is one unit, so that its 机关运行经费 is its whole 公用经费: scope 单位, or the sentence says the unit has no
    /// subordinate units (本级及下属 0 家行政单位和 0 家事业单位).
    /// </summary>
    private bool SingleUnit(TextFigure f)
    {
        if (_facts?.Scope == "单位")
        {
            return true;
        }

        // the statement may wrap over the lines before the amount
        var from = Math.Max(0, f.Line - 3);
        var text = string.Concat(Enumerable.Range(from, f.Line - from + 1).Select(i => _set.LineText(i) ?? string.Empty));
        return NoSubordinateUnits().IsMatch(text);
    }

    private string Quote(TextFigure f) => _set.Sentence(f.Line, f.Amount) ?? f.Amount.ToString(CultureInfo.InvariantCulture) + " 万元";

    // ---- shares ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Every printed share (占 X%) against its amount over the total it is a share of (the total the sentence names, or the
    /// rule's; the table's figure when the document has it). The printed share, the amount and the total are each rounded:
    /// a share that some values within their rounding give holds; one unit off in its last digit (a share cut off instead of
    /// rounded) is rounding; more is an error. Each failed share is a group of its own: the share is the culprit when its
    /// amount agrees with the table, otherwise the share or the amount is wrong (ambiguous).
    /// </summary>
    public List<Finding> Shares(ref int group, IReadOnlyDictionary<Cell, (int Group, Explanation? Culprit)> failedCells)
    {
        var findings = new List<Finding>();
        foreach (var (entry, rule, equation, _, _) in _checked.ToList())
        {
            if (entry.Figure.Share is not { } printed || rule.ShareOf is null)
            {
                continue;
            }

            var baseKey = ExplicitBase(entry.Figure) ?? rule.ShareOf;
            if (Base(baseKey) is not { } b || b.Value <= 0m)
            {
                continue;
            }

            var f = entry.Figure;
            var ha = Tolerance.HalfUnit(f.Amount.Scale);
            var hp = Tolerance.HalfUnit(printed.Scale);
            var low = (f.Amount - ha) / (b.Value + b.Half) * 100m;
            var high = b.Value - b.Half > 0m ? (f.Amount + ha) / (b.Value - b.Half) * 100m : decimal.MaxValue;
            if (printed + hp >= low && printed - hp <= high)
            {
                continue;
            }

            var computed = Math.Round(f.Amount / b.Value * 100m, printed.Scale, MidpointRounding.AwayFromZero);
            var rounding = Math.Abs(computed - printed) <= Tolerance.UnitOf(printed.Scale);

            // the amount or the total may be wrong themselves: then the share follows from their group
            var involved = b.Cells.ToList();
            if (equation?.Anchor is { } amountCell)
            {
                involved.Insert(0, amountCell);
            }

            var hit = involved.Select(c => failedCells.TryGetValue(c, out var g) ? g : ((int Group, Explanation? Culprit)?)null).FirstOrDefault(g => g is not null);
            string role;
            var severity = Severity.Warning;
            var note = string.Empty;
            int number;
            if (hit is { } h)
            {
                number = h.Group;
                role = h.Culprit is { } c && involved.Contains(c.Cell) ? Roles.Consequence : Roles.Ambiguous;
                note = role == Roles.Consequence
                    ? $" — follows from {h.Culprit!.Cell.Label} (group {number})"
                    : $" — the amount or the total it is a share of fails other checks (group {number}): the share or one of them is wrong";
            }
            else
            {
                number = ++group;
                role = rounding ? Roles.Rounding : Roles.Culprit;
                severity = rounding ? Severity.Warning : Severity.Error;
                note = rounding ? " (one unit off in its last digit: rounding, or a share cut off instead of rounded)" : string.Empty;
            }

            var msg = string.Create(CultureInfo.InvariantCulture,
                $"text {entry.What} “{Quote(f)}” ({_set.At(f.Line)}): {f.Amount} of {b.Value} ({b.What}) is {computed}%, the text prints {printed}%{note}");
            var place = equation?.At ?? new Place(null, entry.Class?.Code, null, null, f.Line);
            findings.Add(place.Finding(CheckIds.TextShare, severity, msg, computed, printed) with { Group = number, Role = role });
        }

        return findings;
    }

    /// <summary>The total a sentence names after 占 (占一般公共预算拨款的 X%), as the figure key of that total; null when it names none.</summary>
    private string? ExplicitBase(TextFigure f)
    {
        if (_set.Sentence(f.Line, f.Amount) is not { } s || ShareBase().Match(s) is not { Success: true } m)
        {
            return null;
        }

        var words = m.Groups["base"].Value;
        return words switch
        {
            _ when words.Contains("一般公共预算", StringComparison.Ordinal) => "general_budget.total",
            _ when words.Contains("财政拨款", StringComparison.Ordinal) => "fiscal.total",
            _ when words.Contains("收入", StringComparison.Ordinal) => "income.total",
            _ when words.Contains("支出", StringComparison.Ordinal) => "expenditure.total",
            _ => null,
        };
    }

    /// <summary>The amount of the figure named section.key: its table cells when they were compared, else the text's amount.</summary>
    private (decimal Value, decimal Half, string What, IReadOnlyList<Cell> Cells)? Base(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var (section, k) = (key[..dot], key[(dot + 1)..]);
        foreach (var (entry, _, equation, tableValue, half) in _checked)
        {
            if (entry.Section == section && entry.Key == k && equation is not null && tableValue is { } v)
            {
                var cells = equation.Terms.Where(t => !t.Cell.IsText).Select(t => t.Cell).ToList();
                return (v, half, $"{equation.At?.TableKey} {k}", cells);
            }
        }

        // the table of the total, though the text does not state it
        if (_rules.FirstOrDefault(r => r.Matches(section, k)) is { } rule)
        {
            foreach (var against in rule.Against)
            {
                if (_set.Get(against.Table) is { } table && TableSet.KeyRow(table, against.Row ?? "total", against.Side) is { } row)
                {
                    var cells = against.Columns.Where(table.Columns.Contains).Select(c => _cells.Of(table, row, c)).ToList();
                    if (cells.Exists(c => c.Printed is not null))
                    {
                        return (cells.Sum(c => c.Value * c.ToWan), cells.Sum(c => c.HalfUnit * c.ToWan), $"{TableSet.Label(table, row)} {string.Join("+", cells.Select(c => c.Column))}", cells);
                    }
                }
            }
        }

        foreach (var entry in Entries(_text))
        {
            if (entry.Section == section && entry.Key == k)
            {
                return (entry.Figure.Amount, Tolerance.HalfUnit(entry.Figure.Amount.Scale), $"text {entry.What}", []);
            }
        }

        return null;
    }

    // ---- rows by name -------------------------------------------------------------------------------------------

    private static TableRow? FindClass(BudgetTable t, TextClassShare c)
    {
        var rows = t.Rows.Where(r => r.Code is { Length: 3 }).ToList();
        return c.Code is { } code
            ? rows.FirstOrDefault(r => r.Code == code)
            : rows.FirstOrDefault(r => Names.Same(r.ItemName, c.ClassName));
    }

    /// <summary>The row of a text item: by code when known, otherwise by the 类 / 款 / 项 names along the hierarchy.</summary>
    internal static TableRow? FindItem(IReadOnlyDictionary<string, List<TableRow>> byCode, TextItem item)
    {
        if (item.Code is { } code)
        {
            return byCode.GetValueOrDefault(code)?[0];
        }

        string? NameOf(string c) => byCode.GetValueOrDefault(c)?[0].ItemName;
        var level = item.ItemName is not null ? 7 : item.SectionName is not null ? 5 : 3;
        foreach (var (c, rows) in byCode)
        {
            if (c.Length != level)
            {
                continue;
            }

            var ok = (item.ItemName is null || Names.Same(rows[0].ItemName, item.ItemName))
                && (item.SectionName is null || Names.Same(NameOf(c[..5]) ?? string.Empty, item.SectionName))
                && (item.ClassName is null || Names.Same(NameOf(c[..3]) ?? string.Empty, item.ClassName));
            if (ok)
            {
                return rows[0];
            }
        }

        return null;
    }
}
