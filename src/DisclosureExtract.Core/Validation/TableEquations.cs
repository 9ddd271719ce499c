using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>
/// The equations of the tables, all from the catalog: each kind's row identities (its <c>rules</c> over columns), the
/// classification hierarchy of coded tables (项 → 款 → 类 → 合计, per column), the sums among uncoded rows (the row set's
/// <c>rules</c>), and the identities between tables (<c>identities</c>). Where an equation needs a table or rows the tool
/// could not read, it is not evaluated: an <c>incomplete</c> note says so instead.
/// </summary>
internal sealed class TableEquations
{
    /// <summary>The column key of amounts under a header the catalog does not know (kept by the recognizer, outside the rules).</summary>
    public const string UnknownColumn = "unknown";

    /// <summary>The row key of a unit's row in a consolidated table (schema/row-keys.csv).</summary>
    public const string SubUnitKey = "sub_unit";

    private static readonly HashSet<string> TotalRowKeys = new(StringComparer.Ordinal) { "total", "income_total", "expenditure_total" };

    private readonly TableSet _set;
    private readonly CellIndex _cells;
    private readonly List<Equation> _equations;
    private readonly Notes _notes;

    public TableEquations(TableSet set, CellIndex cells, List<Equation> equations, Notes notes)
    {
        _set = set;
        _cells = cells;
        _equations = equations;
        _notes = notes;
    }

    public void AddAll()
    {
        foreach (var table in _set.All)
        {
            var kind = _set.KindOf(table);
            RowRules(table, kind);
            switch (kind.Shape)
            {
                case TableShape.Coded:
                    Hierarchy(table, null, TableSet.TotalRow(table), CheckIds.HierarchySum);
                    break;
                case TableShape.TwoSided:
                    // the expenditure side of 收支总表 / 财政拨款收支总表: its 类 rows make up the total of the catalog's rule
                    // that sums them (本年支出合计), or 支出总计 where that is not printed
                    Hierarchy(table, "expenditure", ClassTotal(table, kind), CheckIds.SummarySum);
                    break;
            }

            RowSetRules(table, kind);
        }

        foreach (var identity in _set.Catalog.Identities)
        {
            Identity(identity);
        }
    }

    private void Add(Equation e)
    {
        if (e.AnyPrinted)
        {
            _equations.Add(e.Evaluate());
        }
    }

    /// <summary>A catalog sum rule as it applies to one table: the parts it prints, those subtracted, the class rows it sums.</summary>
    internal sealed record Resolved(string Total, List<string> Parts, List<string> Minus, List<string> Dropped, List<string> Expanded, IReadOnlyList<string>? ClassRows);

    /// <summary>
    /// Rules whose total is present, with parts that are absent replaced by their own parts (基本支出 absent: 人员经费 +
    /// 公用经费); parts absent without a rule of their own are dropped (they count as zero) and listed. A rule with
    /// subtracted parts applies only when all its parts are printed; one whose absent part is a sum of class rows
    /// (本年支出合计 not printed) is left to the rule that sums the class rows.
    /// </summary>
    internal static List<Resolved> Resolve(IReadOnlyList<SumRule> rules, string tableKey, Func<string, bool> present)
    {
        var applying = rules.Where(r => r.Tables.Count == 0 || r.Tables.Contains(tableKey)).ToList();
        var result = new List<Resolved>();
        foreach (var rule in applying)
        {
            if (!present(rule.Total) || (rule.Minus.Count > 0 && !rule.Parts.Concat(rule.Minus).All(present)))
            {
                continue;
            }

            var parts = new List<string>();
            var dropped = new List<string>();
            var expanded = new List<string>();
            var unresolvable = false;
            Expand(rule.Parts, 0);
            if (!unresolvable && (parts.Count > 0 || rule.ClassRows is not null))
            {
                result.Add(new Resolved(rule.Total, parts, [.. rule.Minus], dropped, expanded, rule.ClassRows));
            }

            void Expand(IReadOnlyList<string> keys, int depth)
            {
                foreach (var p in keys)
                {
                    if (present(p))
                    {
                        if (!parts.Contains(p))
                        {
                            parts.Add(p);
                            if (depth > 0)
                            {
                                expanded.Add(p);
                            }
                        }
                    }
                    else if (depth < 4 && applying.Find(r => r.Total == p) is { } sub)
                    {
                        unresolvable |= sub.ClassRows is not null || sub.Minus.Count > 0;
                        Expand(sub.Parts, depth + 1);
                    }
                    else
                    {
                        dropped.Add(p);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>"a + b − c", for messages.</summary>
    private static string Sum(IEnumerable<string> parts, IEnumerable<string> minus) =>
        string.Join(" + ", parts) + string.Concat(minus.Select(m => $" − {m}"));

    // ---- row identities: the kind's rules over the columns of each row -------------------------------------------

    private void RowRules(BudgetTable table, TableKind kind)
    {
        if (kind.Rules.Count == 0)
        {
            return;
        }

        var rules = Resolve(kind.Rules, table.TableKey, table.Columns.Contains);
        if (rules.Count == 0)
        {
            return;
        }

        // a column the kind always has but the table was read without: the rule is checked without it
        var doubts = rules.Select(r => r.Dropped.Where(d => kind.Column(d) is { Optional: false }).ToList())
            .Select(d => d.Count == 0 ? null : $"{TableSet.Name(table)} was read without its {string.Join(", ", d)} column{(d.Count > 1 ? "s" : string.Empty)}: the rule is checked as if {(d.Count > 1 ? "they were" : "it was")} empty")
            .ToList();
        foreach (var row in table.Rows)
        {
            if (row.Values.Count == 0 || (kind.Shape == TableShape.TwoSided && !IsExpenditureRow(row)))
            {
                continue;
            }

            for (var k = 0; k < rules.Count; k++)
            {
                var (total, parts, minus) = (rules[k].Total, rules[k].Parts, rules[k].Minus);
                if (rules[k].ClassRows is not null || (row.AmountIn(total) is null && NoneIn(row, parts) && NoneIn(row, minus)))
                {
                    continue;
                }

                var r = row;
                var e = new Equation(CheckIds.RowIdentity, TableSet.ToWan(table), () => $"{TableSet.Label(table, r)}: {total} = {Sum(parts, minus)}");
                // amounts under a header the catalog does not know may be a part the rule does not name
                if (HasUnknownAmount(row))
                {
                    var unknown = row.Values.Where(v => v.ColumnKey == UnknownColumn && v.Amount != 0m).ToList();
                    e.Doubt($"{TableSet.Label(table, row)} prints {string.Join(", ", unknown.Select(v => $"{v.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(v.Label is { } l ? $" under “{l}”" : string.Empty)}"))}, a column the tool does not know, which may be part of the sum", +1);
                }

                if (NoneIn(row, parts))
                {
                    // only the whole is read: the row's other numbers were not read, or went to other columns
                    e.Doubt($"{TableSet.Label(table, row)} has only its {total} read, none of {string.Join(", ", parts)}", +1);
                }

                e.AddLeft(_cells.Of(table, row, total));
                foreach (var m in minus)
                {
                    e.AddSubtracted(_cells.Of(table, row, m));
                }

                foreach (var p in parts)
                {
                    e.AddRight(_cells.Of(table, row, p));
                }

                if (doubts[k] is { } d)
                {
                    e.Doubt(d, +1);
                }

                Add(e);
            }
        }
    }

    /// <summary>True when the row prints none of the columns.</summary>
    private static bool NoneIn(TableRow row, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (row.AmountIn(columns[i]) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when none of the rows prints the column.</summary>
    private static bool NoneHas(List<TableRow> rows, string column)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].AmountIn(column) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the row prints a non-zero amount under a header the catalog does not know.</summary>
    private static bool HasUnknownAmount(TableRow row)
    {
        for (var i = 0; i < row.Values.Count; i++)
        {
            if (row.Values[i].ColumnKey == UnknownColumn && row.Values[i].Amount != 0m)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The expenditure side's row that its 类 rows sum to: the first total of a class-rows rule the table prints, else 支出总计.</summary>
    private TableRow? ClassTotal(BudgetTable table, TableKind kind)
    {
        var rules = _set.Catalog.RowSetOf(kind)?.Rules ?? [];
        foreach (var rule in rules)
        {
            if (rule.ClassRows is { } cr && cr.Contains("*") && TableSet.KeyRow(table, rule.Total, "expenditure") is { Side: "expenditure" } row)
            {
                return row;
            }
        }

        return TableSet.KeyRow(table, "expenditure_total", "expenditure");
    }

    /// <summary>A row of the expenditure side of a two-sided table (its 类 rows and 支出总计).</summary>
    private static bool IsExpenditureRow(TableRow row) =>
        row.Side == "expenditure" || (row.Side is null && (row.Code is not null || row.RowKey == "expenditure_total"));

    // ---- hierarchy: 项 → 款 → 类 → 合计, per column --------------------------------------------------------------

    /// <summary>
    /// The rows each row sums up, by position: a coded row's parent is the nearest open row above it whose code is a prefix
    /// of its own (2101101 under 21011, or under 210 when 21011 is not printed), else a row elsewhere in its section with
    /// such a code, else the section's row; a consolidated table that prints one section per unit (an uncoded row with the
    /// unit's name and amounts, then its 类/款/项 rows) sums each section to its unit row. Keyed by parent row; the
    /// <paramref name="totalRow"/> (or, without it, none) gets the top-level rows of every section.
    /// </summary>
    internal static List<(TableRow? Parent, List<TableRow> Kids)> Parents(BudgetTable table, string? side, TableRow? totalRow, bool sections)
    {
        var result = new List<(TableRow?, List<TableRow>)>();
        var index = new Dictionary<TableRow, int>(ReferenceEqualityComparer.Instance);
        var top = new List<TableRow>();
        void AddKid(TableRow? parent, TableRow kid)
        {
            if (parent is null)
            {
                top.Add(kid);
                return;
            }

            if (!index.TryGetValue(parent, out var i))
            {
                i = result.Count;
                index[parent] = i;
                result.Add((parent, []));
            }

            result[i].Item2.Add(kid);
        }

        // sections: runs of rows after an uncoded row without key that prints amounts (a unit of a consolidated table)
        var rows = table.Rows.Where(r => TableSet.OnSide(r, side)).ToList();
        var sectionOf = new TableRow?[rows.Count];
        var byCodeInSection = new Dictionary<(TableRow?, string), TableRow>();
        TableRow? section = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            // a unit's row (sub_unit) opens a section of 类 rows; so does an uncoded row without key printed before the first
            // coded row (a consolidated table's one unit; further down, such a row is more likely a row whose code was not read)
            if (sections && r.Code is null && r.Values.Count > 0
                && (r.RowKey == SubUnitKey || (r.RowKey is null && !rows.Take(i).Any(x => x.Code is not null) && rows.Skip(i + 1).FirstOrDefault(x => x.Code is not null)?.Code is { Length: 3 })))
            {
                section = r;
            }

            sectionOf[i] = section;
            if (r.Code is { } c)
            {
                byCodeInSection.TryAdd((section, c), r);
            }
        }

        var open = new Dictionary<int, TableRow>();
        TableRow? current = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (!ReferenceEquals(sectionOf[i], current))
            {
                current = sectionOf[i];
                open.Clear();
            }

            if (r.Code is not { } code)
            {
                continue;
            }

            foreach (var k in open.Keys.Where(k => k >= code.Length).ToList())
            {
                open.Remove(k);
            }

            TableRow? parent = null;
            for (var k = code.Length - 2; k >= 3 && parent is null; k -= 2)
            {
                if (open.TryGetValue(k, out var p) && code.StartsWith(p.Code!, StringComparison.Ordinal))
                {
                    parent = p;
                }
            }

            for (var k = code.Length - 2; k >= 3 && parent is null; k -= 2)
            {
                if (byCodeInSection.TryGetValue((current, code[..k]), out var p) && !ReferenceEquals(p, r))
                {
                    parent = p;
                }
            }

            AddKid(parent ?? current, r);
            open[code.Length] = r;
        }

        if (top.Count > 0)
        {
            result.Add((totalRow, top));
        }

        // the 合计 sums the top-level rows of every section
        if (totalRow is not null)
        {
            var all = result.Where(x => x.Item1 is { } p && p.Code is null && !ReferenceEquals(p, totalRow)).SelectMany(x => x.Item2).ToList();
            if (all.Count > 0)
            {
                var i = result.FindIndex(x => ReferenceEquals(x.Item1, totalRow));
                if (i >= 0)
                {
                    result[i].Item2.AddRange(all);
                }
                else
                {
                    result.Add((totalRow, all));
                }
            }
        }

        return result;
    }

    private void Hierarchy(BudgetTable table, string? side, TableRow? totalRow, string topCheck)
    {
        if (!table.Rows.Any(r => r.Code is not null && TableSet.OnSide(r, side)))
        {
            if (totalRow is not null && totalRow.Values.Any(v => v.Amount != 0m))
            {
                _notes.Incomplete(topCheck, Place.Of(_cells.Of(table, totalRow, totalRow.Values[0].ColumnKey)) with { Column = null },
                    $"{TableSet.Label(table, totalRow)} against its classified rows: no classified row of {TableSet.Name(table)} was read");
            }

            return;
        }

        var parents = Parents(table, side, totalRow, sections: side is null);
        var sectionRows = parents.Select(p => p.Parent).Where(p => p is { Code: null } && !ReferenceEquals(p, totalRow)).ToHashSet(ReferenceEqualityComparer.Instance);
        var uncoded = table.Rows.Where(r => r.Code is null && r.RowKey is null && r.Values.Count > 0 && TableSet.OnSide(r, side) && !sectionRows.Contains(r)).ToList();
        var uncodedDoubt = uncoded.Count == 0 ? null
            : $"{TableSet.Name(table)} has rows whose code the tool did not read ({string.Join(", ", uncoded.Take(3).Select(r => r.ItemName))}), which the sums leave out";

        // one code on several rows of one section: a consolidated table printed unit by unit whose unit rows were not read
        var repeatedDoubt = !_set.KindOf(table).Projects && RepeatedCode(table, side, sectionRows) is { } repeated
            ? $"{TableSet.Name(table)} prints {repeated} on several rows without a unit row between them: the tool may not have read how the table is divided"
            : null;
        foreach (var (parentRow, kids) in parents)
        {
            if (parentRow is null)
            {
                continue;
            }

            var check = parentRow.Code is null && ReferenceEquals(parentRow, totalRow) ? topCheck : CheckIds.HierarchySum;
            var kidsLabel = parentRow.Code is null ? (ReferenceEquals(parentRow, totalRow) ? "the 类 rows" : "its 类 rows") : $"the rows under {parentRow.Code}";

            // rows whose own parent row is not in the table (a 款 without its 类): the tool may not have read that row
            var orphans = kids.Where(k => k.Code!.Length > 3 && (parentRow.Code is null || parentRow.Code.Length != k.Code.Length - 2)).Select(k => k.Code!).Distinct().ToList();
            var orphanDoubt = orphans.Count == 0 ? null
                : $"its rows include {string.Join(", ", orphans.Take(4))}, whose own parent row the table does not have (not printed, or not read)";
            foreach (var column in table.Columns)
            {
                if (parentRow.AmountIn(column) is null && NoneHas(kids, column))
                {
                    continue;
                }

                var c = column;
                var e = new Equation(check, TableSet.ToWan(table), () => $"{TableSet.Label(table, parentRow)}, column {c}: sum of {kidsLabel}");
                e.AddLeft(_cells.Of(table, parentRow, column));
                foreach (var k in kids)
                {
                    e.AddRight(_cells.Of(table, k, column));
                }

                if (uncodedDoubt is not null)
                {
                    e.Doubt(uncodedDoubt, +1);
                }

                if (repeatedDoubt is not null)
                {
                    e.Doubt(repeatedDoubt);
                }

                if (orphanDoubt is not null)
                {
                    e.Doubt(orphanDoubt);
                }

                Add(e);
            }
        }
    }

    /// <summary>A code printed on more than one row of one section, or null.</summary>
    private static string? RepeatedCode(BudgetTable table, string? side, HashSet<object?> sectionRows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
        {
            if (sectionRows.Contains(r))
            {
                seen.Clear();
            }
            else if (r.Code is { } c && TableSet.OnSide(r, side) && !seen.Add(c))
            {
                return c;
            }
        }

        return null;
    }

    // ---- sums among uncoded rows (收入总计 = 本年收入 + 上年结转结余, 三公 合计 = …) -----------------------------------

    private void RowSetRules(BudgetTable table, TableKind kind)
    {
        if (_set.Catalog.RowSetOf(kind) is not { } rowSet)
        {
            return;
        }

        var twoSided = kind.Shape == TableShape.TwoSided;
        var incomeColumn = kind.IncomeColumn ?? table.Columns.FirstOrDefault() ?? "amount";
        var rules = Resolve(rowSet.Rules, table.TableKey, k => TableSet.KeyRow(table, k) is not null);
        ByLayout(rules, table);

        // a row key on two rows of one side: the tool's naming of the rows is unsure (本年收入合计 and 收入总计 both income_total)
        var duplicated = table.Rows.Where(r => r.Code is null && r.RowKey is { } k && k != SubUnitKey)
            .GroupBy(r => (r.Side, r.RowKey!)).Where(g => g.Count() > 1).ToList();
        var keyDoubt = duplicated.Count == 0 ? null
            : $"{TableSet.Name(table)} has rows read with the same meaning ({string.Join("; ", duplicated.Select(g => $"{g.Key.Item2}: {string.Join(", ", g.Select(r => r.ItemName))}"))}): the tool is unsure what its rows are";
        foreach (var rule in rules)
        {
            // the class rows of a two-sided table's expenditure side are summed by the hierarchy check
            if (twoSided && rule.ClassRows is not null)
            {
                continue;
            }

            var whole = TableSet.KeyRow(table, rule.Total)!;
            var partRows = rule.Parts.Select(p => TableSet.KeyRow(table, p)!).ToList();
            var minusRows = rule.Minus.Select(p => TableSet.KeyRow(table, p)!).ToList();
            var classRows = rule.ClassRows is { } cr
                ? table.Rows.Where(r => r.Code is { } c && r.Side == whole.Side && (cr.Contains("*") ? c.Length == 3 : cr.Contains(c))).ToList()
                : [];
            List<TableRow> all = [whole, .. partRows, .. minusRows, .. classRows];
            var expenditure = all.Where(r => r.Side == "expenditure").ToList();
            var crossSides = expenditure.Count > 0 && expenditure.Count < all.Count;

            // the columns to check: a one-sided rule over its side's columns; a rule across the sides (收入总计 = 支出总计)
            // pairs the income column with the expenditure side's first column
            List<string> columns = !twoSided ? [.. table.Columns]
                : expenditure.Count == 0 ? [incomeColumn]
                : [.. table.Columns.Where(c => expenditure.Exists(r => r.AmountIn(c) is not null)).Take(crossSides ? 1 : int.MaxValue)];
            foreach (var column in columns)
            {
                string ColumnOf(TableRow r) => twoSided && r.Side == "income" ? incomeColumn : column;
                if (whole.AmountIn(ColumnOf(whole)) is null || partRows.Concat(classRows).All(p => p.AmountIn(ColumnOf(p)) is null))
                {
                    continue;
                }

                var c = column;
                var (total, parts, minus) = (rule.Total, rule.Parts, rule.Minus);
                var named = rule.ClassRows is null ? Sum(parts, minus)
                    : $"{(rule.ClassRows.Contains("*") ? "its 类 rows" : string.Join(" + ", rule.ClassRows))}{(parts.Count > 0 ? " + " + Sum(parts, minus) : string.Empty)}";
                var e = new Equation(CheckIds.SummarySum, TableSet.ToWan(table),
                    () => $"{TableSet.Label(table, whole)}, column {c}: {total} = {named}");
                e.AddLeft(_cells.Of(table, whole, ColumnOf(whole)));
                foreach (var m in minusRows)
                {
                    e.AddSubtracted(_cells.Of(table, m, ColumnOf(m)));
                }

                foreach (var p in partRows.Concat(classRows))
                {
                    e.AddRight(_cells.Of(table, p, ColumnOf(p)));
                }

                if (keyDoubt is not null)
                {
                    e.Doubt(keyDoubt);
                }

                if (TableSet.UnnamedRowsDoubt(table, twoSided ? whole.Side : null) is { } unnamed)
                {
                    e.Doubt(unnamed, +1);
                }

                // parts counted through a rule whose own total row the table does not print (上级补助收入 without 单位资金):
                // the document may count them elsewhere
                if (rule.Expanded.Count > 0)
                {
                    var counted = rule.Expanded.Select(x => (x, partRows[parts.IndexOf(x)] is var pr ? pr.AmountIn(ColumnOf(pr)) ?? 0m : 0m)).Where(x => x.Item2 != 0m).ToList();
                    e.Doubt($"{string.Join(", ", counted.Select(x => x.x))} counted in {total} by the catalog's rules, without a row of their own group: the document may count {(counted.Count > 1 ? "them" : "it")} elsewhere",
                        eq => counted.Count > 0 && (Math.Abs(Math.Abs(eq.Residual) - counted.Sum(x => x.Item2) * TableSet.ToWan(table) / eq.ToWan) <= eq.Tolerance
                            || counted.Exists(x => Math.Abs(Math.Abs(eq.Residual) - x.Item2 * TableSet.ToWan(table) / eq.ToWan) <= eq.Tolerance)));
                }

                Add(e);
            }
        }
    }

    /// <summary>
    /// A total printed below some of its parts closes them: a part printed below it (上级补助收入 under 本年收入合计, with
    /// 收入总计 further down) is not one of its parts but belongs to the next total below that counts this total.
    /// </summary>
    internal static void ByLayout(List<Resolved> rules, BudgetTable table)
    {
        int Pos(string key) => TableSet.KeyRow(table, key) is { } row
            ? table.Rows.Where(r => r.Side == row.Side).ToList().IndexOf(row)
            : -1;
        bool SameSide(string a, string b) => TableSet.KeyRow(table, a)?.Side == TableSet.KeyRow(table, b)?.Side;
        foreach (var rule in rules)
        {
            var at = Pos(rule.Total);
            if (at < 0 || !rule.Parts.Exists(p => SameSide(p, rule.Total) && Pos(p) is var q && q >= 0 && q < at))
            {
                continue;
            }

            var below = rule.Parts.Where(p => SameSide(p, rule.Total) && Pos(p) > at).ToList();
            if (below.Count == 0)
            {
                continue;
            }

            rule.Parts.RemoveAll(below.Contains);
            rule.Expanded.RemoveAll(below.Contains);
            var last = below.Max(Pos);
            if (rules.Find(r => r.Parts.Contains(rule.Total) && SameSide(r.Total, rule.Total) && Pos(r.Total) > last) is { } outer)
            {
                outer.Parts.AddRange(below.Where(p => !outer.Parts.Contains(p)));
            }
        }

        rules.RemoveAll(r => r.Parts.Count == 0 && r.ClassRows is null);
    }

    // ---- identities between tables --------------------------------------------------------------------------------

    private void Identity(Identity id)
    {
        if (id.Unless is { } unless && _set.Get(unless) is not null)
        {
            return;
        }

        var lt = _set.Find(id.Left.Table);
        var rt = _set.Find(id.Right.Table);
        if (lt is null || rt is null)
        {
            return;
        }

        // a right table printed empty (空表) counts as zeros where the identity says so
        var rightZero = id.EmptyMeansZero && !TableSet.IsRead(rt) && rt.IsEmpty;
        if (!TableSet.IsRead(lt) || (!TableSet.IsRead(rt) && !rightZero))
        {
            var unread = !TableSet.IsRead(lt) ? lt : rt;
            if (!unread.IsEmpty)
            {
                _notes.Incomplete(id.Check, new Place(unread.TableKey, null, null, null, unread.StartLine),
                    $"{Side(lt, id.Left)} against {Side(rt, id.Right)}: {TableSet.Name(unread)} was found but none of its amounts was read");
            }

            return;
        }

        var leftCols = id.Left.Columns.Where(lt.Columns.Contains).ToList();
        var rightCols = rightZero ? [] : id.Right.Columns.Where(rt.Columns.Contains).ToList();
        if (leftCols.Count == 0 || (rightCols.Count == 0 && !rightZero))
        {
            return; // the tables do not print these columns: the identity is not about this layout
        }

        if (id.Rows == RowPairing.Cell)
        {
            CellIdentity(id, lt, rt, leftCols, rightCols, rightZero);
            return;
        }

        var classes = id.Rows == RowPairing.Classes;
        var lmap = Filter(_set.RowsByCode(lt, id.Left.Side), classes);
        var rmap = rightZero ? new Dictionary<string, List<TableRow>>() : Filter(_set.RowsByCode(rt, id.Right.Side), classes);
        var level = classes ? "类 row" : "classified row";
        if (lmap.Count == 0 || (rmap.Count == 0 && !rightZero))
        {
            var unread = lmap.Count == 0 ? lt : rt;
            var other = lmap.Count == 0 ? rmap : lmap;
            if (other.Count > 0)
            {
                _notes.Incomplete(id.Check, new Place(unread.TableKey, null, null, null, unread.StartLine),
                    $"{Side(lt, id.Left)} against {Side(rt, id.Right)}, code by code: no {level} of {TableSet.Name(unread)} was read");
            }

            return;
        }

        var codes = id.OnlyLeftCodes ? lmap.Keys.ToList() : lmap.Keys.Union(rmap.Keys).ToList();
        codes.Sort(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var lrows = lmap.GetValueOrDefault(code);
            var rrows = rmap.GetValueOrDefault(code);
            var e = new Equation(id.Check, TableSet.ToWan(lt), () => Describe(lt, lrows, leftCols, code) + " against " + Describe(rt, rrows, rightCols, code, rightZero), id.LessOrEqual);
            AddRows(e, lt, lrows, leftCols, left: true);
            AddRows(e, rt, rrows, rightCols, left: false);
            if (lrows is null)
            {
                e.Missing.Add($"{TableSet.Name(lt)} has no row {code}");
                var r0 = rrows![0];
                e.At = new Place(lt.TableKey, code, null, leftCols[0], TableSet.LineOf(r0, rightCols.Count > 0 ? rightCols[0] : leftCols[0]));
            }

            if (rrows is null && !rightZero)
            {
                e.Missing.Add($"{TableSet.Name(rt)} has no row {code}");
            }

            Add(e);
        }

        if (id.Rows == RowPairing.CodesAndTotal && TableSet.TotalRow(lt) is { } ltot && (rightZero || TableSet.TotalRow(rt) is not null))
        {
            var rtot = rightZero ? null : TableSet.TotalRow(rt);
            var e = new Equation(id.Check, TableSet.ToWan(lt), () => Describe(lt, [ltot], leftCols, null) + " against " + Describe(rt, rtot is null ? null : [rtot], rightCols, null, rightZero), id.LessOrEqual);
            AddRows(e, lt, [ltot], leftCols, left: true);
            AddRows(e, rt, rtot is null ? null : [rtot], rightCols, left: false);
            Add(e);
        }
    }

    private void CellIdentity(Identity id, BudgetTable lt, BudgetTable rt, List<string> leftCols, List<string> rightCols, bool rightZero)
    {
        var lrows = RowsOf(lt, id.Left);
        var rrows = rightZero ? [] : RowsOf(rt, id.Right);
        if (lrows is null || rrows is null)
        {
            var (t, r) = lrows is null ? (lt, id.Left) : (rt, id.Right);
            if (r.Row is { } key && TotalRowKeys.Contains(key))
            {
                _notes.Incomplete(id.Check, new Place(t.TableKey, null, key, null, t.StartLine),
                    $"{Side(lt, id.Left)} against {Side(rt, id.Right)}: no {key} row of {TableSet.Name(t)} was read");
            }

            return;
        }

        var e = new Equation(id.Check, TableSet.ToWan(lt), () => Describe(lt, lrows, leftCols, null) + " against " + Describe(rt, rrows, rightCols, null, rightZero), id.LessOrEqual);
        AddRows(e, lt, lrows, leftCols, left: true);
        AddRows(e, rt, rrows, rightCols, left: false);
        foreach (var (t, r) in new[] { (lt, id.Left), (rt, id.Right) })
        {
            foreach (var key in r.Row is { } one ? [one] : r.RowKeys)
            {
                if (TableSet.KeyDoubt(t, key, r.Side) is { } d)
                {
                    e.Doubt(d);
                }
            }
        }

        Add(e);
    }

    /// <summary>The rows a cell reference names (one row, or several row keys summed); null when one is missing.</summary>
    private static List<TableRow>? RowsOf(BudgetTable t, CellRef r)
    {
        var keys = r.Row is { } one ? [one] : r.RowKeys;
        var rows = new List<TableRow>();
        foreach (var k in keys)
        {
            if (TableSet.KeyRow(t, k, r.Side) is not { } row)
            {
                return null;
            }

            rows.Add(row);
        }

        return rows.Count > 0 ? rows : null;
    }

    private void AddRows(Equation e, BudgetTable t, List<TableRow>? rows, List<string> columns, bool left)
    {
        if (rows is null)
        {
            return;
        }

        foreach (var r in rows)
        {
            foreach (var c in columns)
            {
                var cell = _cells.Of(t, r, c);
                if (left)
                {
                    e.AddLeft(cell);
                }
                else
                {
                    e.AddRight(cell);
                }
            }
        }
    }

    private static Dictionary<string, List<TableRow>> Filter(IReadOnlyDictionary<string, List<TableRow>> map, bool classes)
    {
        var d = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
        foreach (var (code, rows) in map)
        {
            if (!classes || code.Length == 3)
            {
                d[code] = rows;
            }
        }

        return d;
    }

    private static string Side(BudgetTable t, CellRef r) =>
        $"{TableSet.Name(t)}{(r.Row is { } row ? " " + row : r.RowKeys.Count > 0 ? " " + string.Join("+", r.RowKeys) : string.Empty)} {string.Join("+", r.Columns)}";

    private string Describe(BudgetTable t, List<TableRow>? rows, List<string> columns, string? code, bool printedEmpty = false)
    {
        if (rows is null)
        {
            return printedEmpty ? $"{TableSet.Name(t)} (printed empty)" : $"{TableSet.Name(t)} {code} (no row)";
        }

        var values = new List<string>();
        foreach (var r in rows)
        {
            foreach (var c in columns)
            {
                values.Add(r.AmountIn(c) is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "empty");
            }
        }

        var label = rows.Count == 1 ? TableSet.Label(t, rows[0]) : $"{TableSet.Name(t)} {code ?? string.Empty} ({rows.Count} rows)";
        var line = columns.Count > 0 ? TableSet.LineOf(rows[0], columns[0]) : rows[0].Line;
        return $"{label} {string.Join("+", columns)} {string.Join(" + ", values)} ({_set.At(line)})";
    }
}
