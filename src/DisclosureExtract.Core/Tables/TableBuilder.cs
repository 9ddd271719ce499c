using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// Layer 2: turns a table body's rows into a <see cref="BudgetTable"/>. Amounts whose grid column the reader knew are
/// trusted (an empty cell is a real empty column); the others are assigned by searching the order-preserving
/// assignments of each row's numbers to the columns present, scored by the row identities, the 项 → 款 → 类 → 合计
/// hierarchy, the document's other tables and, last, plausibility.
/// </summary>
internal sealed class TableBuilder
{
    private readonly SourceDocument _doc;
    private readonly TableSegment _seg;
    private readonly TableBody _body;
    private readonly List<Finding> _findings;
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly StateSearch _search;
    private readonly CandidateScratch _scratch;
    private readonly Dictionary<string, int> _firstById;
    private readonly DisclosureCatalog _catalog;

    /// <param name="scratch">Scratch space for the column search and the candidates, shared by the tables of one document.</param>
    public TableBuilder(SourceDocument doc, TableSegment seg, TableBody body, List<Finding> findings, IReadOnlyDictionary<string, string> names, DisclosureCatalog catalog, TableScratch scratch)
    {
        _catalog = catalog;
        _scratch = scratch.Candidates;
        _search = scratch.Search;
        _firstById = scratch.FirstById;
        _doc = doc;
        _seg = seg;
        _body = body;
        _findings = findings;
        _names = names;
    }

    private TableKind Kind => _seg.Kind;

    /// <summary>Row keys of the uncoded rows MakeRow names, in printed order (a label that opens a section, 年末财政拨款结转和结余,
    /// keys the rows under it); null when the kind has no row set.</summary>
    private RowKeyMatcher? _rowKeys;

    public BudgetTable Build(IReadOnlyDictionary<string, BudgetTable> solved)
    {
        _rowKeys = _seg.Rows is { } set ? new RowKeyMatcher(set) : null;
        CodesFromNames();
        UncodedRowsOverCodedRowsAreUnits();
        ColumnsByPosition();
        SingleUnitIsTotal();
        var unit = _body.Unit ?? UnitAfterTable() ?? "万元";
        List<string> columns;
        var rows = Kind.Shape == TableShape.TwoSided ? BuildTwoSided(solved, out columns)
            : ItemsAsColumns() ? BuildItemsAsColumns(out columns)
            : BuildRows(_body.Rows.Where(r => r.HasAmounts).ToList(), solved, out columns, null);
        var isEmpty = rows.Count == 0;
        if (!isEmpty && Kind.Shape == TableShape.Coded && !rows.Any(r => r.RowKey is "total" or "sub_unit" || (r.Code is null && r.RowKey is not null && _seg.Rows is not null)))
        {
            // cut off where the document ends (a download cut short); a table followed by more of the document was printed
            // without a 合计 row (a listing of projects)
            if (DocumentEndsInTable())
            {
                _findings.Add(new Finding("table_truncated", Severity.Warning, $"table 表{_seg.TableNo} ends before its 合计 row", Kind.Key, Line: _seg.Start));
            }
            else
            {
                _findings.Add(new Finding("table_without_total", Severity.Info, $"table 表{_seg.TableNo} prints no 合计 row", Kind.Key, Line: _seg.Start));
            }
        }

        return new BudgetTable(_seg.TableNo, Kind.Key, _seg.Title, unit, isEmpty, _body.Note, isEmpty ? [] : columns, rows, _seg.Start, _seg.End);
    }

    /// <summary>True when nothing but blank lines and page numbers follows the table's last row.</summary>
    private bool DocumentEndsInTable()
    {
        var last = _body.Rows.Count > 0 ? _body.Rows.Max(r => r.Line) : _seg.Start;
        for (var i = last + 1; i < _doc.Lines.Count; i++)
        {
            var norm = _doc.Lines[i].Norm.Trim();
            if (norm.Length > 0 && !LineSyntax.IsPageNumber(norm))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A table of named rows (三公) that prints its items as columns: the header names at least two of the row set's rows.</summary>
    private bool ItemsAsColumns() =>
        Kind.Shape == TableShape.Named && _body.ColumnRowKeys.Values.Distinct().Count() >= 2;

    /// <summary>
    /// Items printed as columns (三公经费合计 | 因公出国(境)费 | 公务用车 (小计 | 购置 | 运行) | 公务接待费, one row of amounts, or
    /// one per unit): each column's amount becomes a row by row_key, in the column its lower labels name (一般公共预算,
    /// 预算数/决算数; total when they name none). Rows of an earlier year or of the change between years are left out, as
    /// are columns of an earlier year when the header prints several years side by side.
    /// </summary>
    private List<TableRow> BuildItemsAsColumns(out List<string> columns)
    {
        var latestColumnYear = _body.ColumnYears.Values.Where(y => y >= 0).DefaultIfEmpty(-1).Max() is var y0 and >= 0 ? y0 : (int?)null;
        var dataRows = _body.Rows.Where(r => r.HasAmounts && !IsChangeRow(r)).ToList();
        var rowYears = dataRows.Select(r => YearIn(r.JoinedText + r.OtherText)).OfType<int>().ToList();
        var latestRowYear = rowYears.Count > 0 ? rowYears.Max() : (int?)null;
        var result = new List<TableRow>();
        var keys = new List<string>();
        foreach (var r in dataRows)
        {
            if (YearIn(r.JoinedText + r.OtherText) is { } y && y != latestRowYear)
            {
                continue;
            }

            var unit = r.UnitName ?? r.SubUnit;
            var byItem = new Dictionary<string, List<CellValue>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var a in r.Amounts)
            {
                if (a.Column is not { } col || !_body.ColumnRowKeys.TryGetValue(col, out var item)
                    || (_body.ColumnYears.TryGetValue(col, out var cy) && (cy < 0 || (latestColumnYear is { } ly && cy != ly))))
                {
                    continue;
                }

                // the lowest label that names one of the kind's columns names the column (一般公共预算, 预算数/决算数, printed
                // under the items or over them); 小计 is the item's own total
                var label = LabelOf(r, a);
                var column = ColumnOfItem(label);
                if (!byItem.TryGetValue(item, out var values))
                {
                    values = [];
                    byItem[item] = values;
                    order.Add(item);
                }

                values.Add(new CellValue(column, a.Value, a.Line, label));
                if (!keys.Contains(column))
                {
                    keys.Add(column);
                }
            }

            // a 合计 beside the 三公 subtotal (三公 + 会议费 + 培训费) is the grand total, not the 三公 total (column by
            // column: 预算数 and 决算数 each have their own total)
            if (byItem.TryGetValue("total", out var totals) && totals.GroupBy(v => v.ColumnKey).Any(g => g.Count() > 1))
            {
                var threePublic = totals.Select((v, i) => (v, i))
                    .Where(x => x.v.Label is { } l && TextNormalizer.Squeeze(l).Contains("三公", StringComparison.Ordinal) && !LowestLabel(l).EndsWith("合计", StringComparison.Ordinal))
                    .Select(x => x.i).ToList();
                if (threePublic.Count > 0)
                {
                    byItem["grand_total"] = totals.Where((_, i) => !threePublic.Contains(i)).ToList();
                    byItem["total"] = totals.Where((_, i) => threePublic.Contains(i)).ToList();
                    order.Insert(order.IndexOf("total"), "grand_total");
                }
            }

            foreach (var item in order)
            {
                result.Add(new TableRow(null, null, item, ItemLabel(byItem[item][0].Label) ?? item, null, null, byItem[item], r.Line,
                    r.IsTotal && r.UnitName is null ? null : unit));
            }
        }

        columns = keys;
        return result;
    }

    /// <summary>The column of an item printed as a column: the lowest label of its header that names one of the kind's
    /// columns (一般公共预算 under the item, 预算数 / 决算数 under or over it), else the kind's first column.</summary>
    private string ColumnOfItem(string? label)
    {
        if (label is not null)
        {
            var path = label.Split('/');
            for (var i = path.Length - 1; i >= 0; i--)
            {
                if (HeaderPaths.Match(Kind, _catalog, [TextNormalizer.Squeeze(path[i])]) is { } c && Kind.ColumnIndex(c) >= 0)
                {
                    return c;
                }
            }
        }

        return Kind.Columns[0].Key;
    }

    /// <summary>The item's printed name: the labels of its column's header that name an item or no column of the kind
    /// (预算数, 决算数, 一般公共预算 name the column, not the item), top to bottom, white space removed.</summary>
    private string? ItemLabel(string? label)
    {
        if (label is null)
        {
            return null;
        }

        var parts = label.Split('/').Where(p => HeaderPaths.Match(Kind, _catalog, [TextNormalizer.Squeeze(p)]) is not { } c || Kind.ColumnIndex(c) < 0
            || (_seg.Rows is { } set && new RowKeyMatcher(set).KeyOf(p) is not null)).ToList();
        return parts.Count > 0 ? string.Join('/', parts) : label;
    }

    /// <summary>The lowest label of a printed header path that names no column of the kind (the item: 合计, 小计, 公务接待费).</summary>
    private string LowestLabel(string label)
    {
        var path = label.Split('/');
        for (var i = path.Length - 1; i >= 0; i--)
        {
            var t = TextNormalizer.Squeeze(path[i]);
            if (HeaderPaths.Match(Kind, _catalog, [t]) is not { } c || Kind.ColumnIndex(c) < 0)
            {
                return t;
            }
        }

        return TextNormalizer.Squeeze(path[^1]);
    }

    private static bool IsChangeRow(RawRow r)
    {
        var t = TextNormalizer.RemoveWhiteSpace(r.JoinedText + r.OtherText);
        return t.Contains("增减", StringComparison.Ordinal) || t.Contains("变化", StringComparison.Ordinal) || t.Contains("比上年", StringComparison.Ordinal);
    }

    private static int? YearIn(string text)
    {
        var t = TextNormalizer.RemoveWhiteSpace(TextNormalizer.Fold(text));
        var i = t.IndexOf('年', StringComparison.Ordinal);
        return i >= 4 && t.AsSpan(i - 4, 4) is var y && y[0] == '2' && int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    /// <summary>
    /// In a table of coded rows, a row read from cells that has amounts and no code, is not a total and is followed by
    /// coded rows heads them: a unit of a consolidated table (深圳市人力资源和社会保障局（本级） over its 301, 302 … rows)
    /// that the header names no unit column for. The rows under it, to the next such row, belong to it.
    /// </summary>
    private void UncodedRowsOverCodedRowsAreUnits()
    {
        if (Kind.Shape != TableShape.Coded)
        {
            return;
        }

        var rows = _body.Rows.Where(r => r.HasAmounts).ToList();
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            var r = rows[i];
            if (r.FromCells && r.Code is null && !r.IsTotal && r.UnitName is null && r.CellProject is null && rows[i + 1].Code is { Length: 3 }
                && TextNormalizer.RemoveWhiteSpace(r.CellName ?? r.JoinedText) is { Length: > 0 } name && SumsTheClassesUnderIt(rows, i))
            {
                r.UnitName = name;
            }
        }

        string? unit = null;
        foreach (var r in rows)
        {
            if (r.UnitName is { } u)
            {
                unit = u;
            }
            else if (r.Code is not null && unit is not null)
            {
                r.SubUnit ??= unit;
            }
        }
    }

    /// <summary>A unit's row is the sum of the 类 rows under it (its first amount, to the next uncoded row), within the
    /// rounding of the printed figures (half a unit of the last printed digit of each).</summary>
    private static bool SumsTheClassesUnderIt(List<RawRow> rows, int at)
    {
        if (rows[at].Amounts.Count == 0)
        {
            return false;
        }

        var sum = 0m;
        var rounding = HalfUnit(rows[at].Amounts[0].Text);
        var classes = 0;
        for (var j = at + 1; j < rows.Count && rows[j].Code is not null; j++)
        {
            if (rows[j].Code!.Length == 3 && rows[j].Amounts.Count > 0)
            {
                sum += rows[j].Amounts[0].Value;
                rounding += HalfUnit(rows[j].Amounts[0].Text);
                classes++;
            }
        }

        return classes > 0 && Math.Abs(rows[at].Amounts[0].Value - sum) <= rounding;

        static decimal HalfUnit(string text) => 0.5m / Pow10(LineSyntax.Decimals(text));
        static decimal Pow10(int n) => n <= 0 ? 1m : 10m * Pow10(n - 1);
    }

    /// <summary>A table that lists one unit's row first and no 合计 row: the unit's row is the table's total.</summary>
    private void SingleUnitIsTotal()
    {
        RawRow? unit = null;
        foreach (var r in _body.Rows)
        {
            if (r.IsTotal)
            {
                return;
            }

            if (r.UnitName is not null)
            {
                if (unit is not null)
                {
                    return;
                }

                unit = r;
            }
        }

        if (unit is not null && ReferenceEquals(unit, _body.Rows.FirstOrDefault(r => r.HasAmounts)))
        {
            unit.IsTotal = true;
        }
    }

    /// <summary>
    /// Rows printed by name only (一、一般公共服务支出 on a 收支总表's expenditure side; a 款 and its 项 by name) get their
    /// code from the reference catalog: a 项 among the children of the 款 above it, a 款 among those of the 类 above it,
    /// else a 类. Income rows, totals and names the catalog does not know keep no code.
    /// </summary>
    private void CodesFromNames()
    {
        var names = Kind.Classification switch
        {
            "function" => Reference.CodeByName.Function,
            "economic" => Reference.CodeByName.Economic,
            _ => null,
        };
        if (names is null)
        {
            return;
        }

        // economic classes of the 部门 (3xx) and 政府 (5xx) schemes share their names: the scheme of the codes the table
        // prints decides, else 部门预算支出经济分类 (the disclosures' own)
        char? scheme = Kind.Classification == "economic"
            ? _body.Rows.Where(r => r.Code is { Length: > 0 }).Select(r => r.Code![0]).GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => (char?)g.Key).FirstOrDefault() ?? '3'
            : null;

        // the 类 and 款 above, per side (blocks side by side each go down their own list)
        var context = new Dictionary<string, (string? Class, string? Kuan)>(StringComparer.Ordinal);
        foreach (var r in _body.Rows)
        {
            if (r.Side == "income" || r.IsTotal)
            {
                continue;
            }

            var side = r.Side ?? string.Empty;
            var (cls, kuan) = context.GetValueOrDefault(side);

            // flattened text rows without a code are wrapped pieces or unit rows: only rows read from cells, and the
            // expenditure side of a two-sided table, print names in place of codes. The blocks printed beside the
            // function classes (by economic class, by use) keep their names: their rows are not a classification the
            // table's arithmetic covers
            if (r.Code is null && (r.FromCells || r.Side == "expenditure") && !side.StartsWith("expenditure_block", StringComparison.Ordinal))
            {
                var name = r.CellName ?? r.JoinedText;
                r.Code = (kuan is null ? null : names.Child(kuan, name)) ?? (cls is null ? null : names.Child(cls, name)) ?? names.Class(name, scheme);
            }

            context[side] = r.Code?.Length switch
            {
                3 => (r.Code, null),
                5 => (r.Code[..3], r.Code),
                _ => (cls, kuan),
            };
        }
    }

    private string? UnitAfterTable()
    {
        for (var i = _seg.End; i < Math.Min(_doc.Lines.Count, _seg.End + 3); i++)
        {
            if (LineSyntax.Unit(_doc.Lines[i].Norm) is { } u)
            {
                return u;
            }
        }

        return null;
    }

    // ---------------------------------------------------------------- columns present

    /// <summary>
    /// A grid whose header names none of its money columns (a lone 预算数 the kind calls otherwise, a header the catalog
    /// does not know): its amount columns are the kind's first columns in printed order, as many as the grid has.
    /// </summary>
    private void ColumnsByPosition()
    {
        if (_body.CellColumns.Count > 0 || _body.Rows.Count == 0 || !_body.Rows.TrueForAll(r => r.FromCells))
        {
            return;
        }

        var grid = _body.Rows.Where(r => Kind.Shape != TableShape.TwoSided || r.Side == "expenditure")
            .SelectMany(r => r.Amounts).Select(a => a.Column).OfType<int>().Distinct().Order().ToList();
        var keys = Kind.Columns.Where(c => !c.Optional).Select(c => c.Key).ToList();
        if (grid.Count == 0 || grid.Count > keys.Count)
        {
            return;
        }

        for (var i = 0; i < grid.Count; i++)
        {
            _body.CellColumns[grid[i]] = keys[i];
        }
    }

    private List<string> PresentColumns(List<string> allow)
    {
        if (_body.CellColumns.Count > 0 && FromCells(allow) is { Count: > 0 } fromCells)
        {
            return fromCells;
        }

        var fromText = HeaderColumns.FromText(Kind, HeaderColumns.Texts(_doc, _body.HeaderLines));
        fromText.RemoveAll(k => !allow.Contains(k));

        // a header that names fewer columns than a row has numbers was not read (interleaved layout): use the kind's columns
        var widest = 0;
        foreach (var r in _body.Rows)
        {
            if (Kind.Shape != TableShape.TwoSided || r.Side == "expenditure")
            {
                widest = Math.Max(widest, r.Amounts.Count);
            }
        }

        if (fromText.Count > 0 && fromText.Count >= widest)
        {
            return fromText;
        }

        // optional columns (人员经费 under 基本支出, 事业收入 …) only where the header names them: most tables leave them out
        var defaults = Kind.Columns.Where(c => allow.Contains(c.Key) && !c.Optional).Select(c => c.Key).ToList();
        return defaults.Union(fromText).OrderBy(Kind.ColumnIndex).ToList();
    }

    /// <summary>
    /// The columns the header cells name, by grid column (the expenditure side only on two-sided tables), then those
    /// only a repeated header names, each before the first that comes later in the kind's order.
    /// </summary>
    private List<string> FromCells(List<string> allow)
    {
        var byGrid = new List<KeyValuePair<int, string>>(_body.CellColumns.Count);
        foreach (var kv in _body.CellColumns)
        {
            if (allow.Contains(kv.Value) && (_body.ExpenditureColumn is not { } e || kv.Key > e))
            {
                byGrid.Add(kv);
            }
        }

        byGrid.Sort(static (x, y) => x.Key.CompareTo(y.Key)); // grid columns are distinct keys
        var fromCells = new List<string>(byGrid.Count);
        foreach (var kv in byGrid)
        {
            if (!fromCells.Contains(kv.Value))
            {
                fromCells.Add(kv.Value);
            }
        }

        var order = KindOrder();
        var maps = new List<IReadOnlyDictionary<int, string>>();
        foreach (var r in _body.Rows)
        {
            if (r.ColumnMap is not { } map || SeenMap(maps, map))
            {
                continue;
            }

            maps.Add(map);
            foreach (var later in map.Values)
            {
                if (allow.Contains(later) && !fromCells.Contains(later))
                {
                    var rank = order.IndexOf(later);
                    var at = fromCells.FindIndex(k => order.IndexOf(k) > rank);
                    fromCells.Insert(at < 0 ? fromCells.Count : at, later);
                }
            }
        }

        return fromCells;
    }

    private static bool SeenMap(List<IReadOnlyDictionary<int, string>> maps, IReadOnlyDictionary<int, string> map)
    {
        foreach (var m in maps)
        {
            if (ReferenceEquals(m, map))
            {
                return true;
            }
        }

        return false;
    }

    private List<string> KindOrder()
    {
        var order = new List<string>(Kind.Columns.Count);
        foreach (var c in Kind.Columns)
        {
            order.Add(c.Key);
        }

        return order;
    }

    // ---------------------------------------------------------------- two-sided tables

    private List<TableRow> BuildTwoSided(IReadOnlyDictionary<string, BudgetTable> solved, out List<string> columns)
    {
        var result = new List<(int Order, TableRow Row)>();
        var keys = _seg.Rows is { } set ? new RowKeyMatcher(set) : null;
        var incomeColumn = Kind.IncomeColumn ?? "total";
        var order = 0;
        var expRows = new List<RawRow>();
        foreach (var r in _body.Rows)
        {
            order++;
            if (r.Side != "income")
            {
                expRows.Add(r);
                continue;
            }

            var label = Text.TextNormalizer.RemoveWhiteSpace(r.JoinedText);
            var key = keys?.KeyOf(label, "income");
            if (!r.HasAmounts)
            {
                continue;
            }

            if (key is null)
            {
                _findings.Add(new Finding("unknown_row", Severity.Info, $"表{_seg.TableNo}: income row \"{label}\" has no row_key", Kind.Key, Line: r.Line));
            }

            if (r.Amounts.Count > 1)
            {
                Unassigned(r, r.Amounts.Skip(1));
            }

            var a = r.Amounts[0];
            result.Add((r.Line * 2, new TableRow(null, null, key, label, null, "income", [new CellValue(incomeColumn, a.Value, a.Line, LabelOf(r, a))], r.Line)));
        }

        var exp = expRows.Where(r => r.HasAmounts).ToList();

        var expTable = BuildRows(exp, solved, out columns, result.Select(x => x.Row).ToList());
        for (var i = 0; i < expTable.Count; i++)
        {
            result.Add((expTable[i].Line * 2 + 1, expTable[i] with { Side = exp[i].Side ?? "expenditure" }));
        }

        return result.OrderBy(x => x.Order).Select(x => x.Row).ToList();
    }

    // ---------------------------------------------------------------- coded and named rows

    private List<TableRow> BuildRows(List<RawRow> rows, IReadOnlyDictionary<string, BudgetTable> solved, out List<string> columns, List<TableRow>? ownIncome)
    {
        // the kind's columns, and any other column a header names (the catalog's labels hold for every kind)
        var allowed = Kind.Columns.Select(c => c.Key).ToList();
        foreach (var key in _body.CellColumns.Values.Concat(rows.Where(r => r.ColumnMap is not null).SelectMany(r => r.ColumnMap!.Values)))
        {
            if (!allowed.Contains(key))
            {
                allowed.Add(key);
            }
        }

        columns = PresentColumns(allowed);
        if (rows.Count == 0)
        {
            return [];
        }

        var unknown = SetAsideUnknownColumns(rows);
        var hints = CrossTableHints.For(Kind, _catalog, solved, rows);
        if (ownIncome is not null)
        {
            hints.FromOwnIncome(ownIncome);
        }

        var rowKeys = _seg.Rows is { } set ? new RowKeyMatcher(set) : null;
        var ids = rows.Select(r => RowId(r, rowKeys)).ToList();
        var parents = Parents(rows, ids);
        var present = columns;
        var scoring = new Scoring(Kind, present);
        var cands = new RowCandidates[rows.Count];
        var solverRows = new List<SolverRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cs = Candidates(rows[i], ids[i], present, scoring, hints);
            cands[i] = cs;
            solverRows.Add(new SolverRow(parents[i], cs.Vectors, cs.Local));
        }

        var (choice, ambiguous) = ColumnSolver.Solve(solverRows, present.Count, _search);
        if (RepairContradictions(solverRows, cands, parents, choice, present))
        {
            (choice, ambiguous) = ColumnSolver.Solve(solverRows, present.Count, _search);
        }

        var result = new List<TableRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var positions = cands[i].PositionsOf(choice[i]);
            var values = new List<CellValue>(positions.Length);
            for (var k = 0; k < positions.Length; k++)
            {
                var a = r.Amounts[k];
                values.Add(new CellValue(present[positions[k]], a.Value, a.Line, LabelOf(r, a)));
            }

            if (positions.Length < r.Amounts.Count)
            {
                Unassigned(r, r.Amounts.Skip(positions.Length));
            }

            if (ambiguous[i] && cands[i].Count > 1)
            {
                _findings.Add(new Finding("ambiguous_columns", Severity.Warning,
                    $"表{_seg.TableNo} row {ids[i]} ({_doc.Lines[r.Line].Where}): other column assignments fit the arithmetic equally well; took the most plausible: {string.Join(", ", values.Select(v => $"{v.ColumnKey}={TextNormalizer.Invariant(v.Amount)}"))}",
                    Kind.Key, r.Code, Line: r.Line));
            }

            if (unknown.TryGetValue(r, out var aside))
            {
                values.AddRange(aside);
            }

            result.Add(MakeRow(r, values, ids[i]));
        }

        return result;
    }

    /// <summary>The printed header over an amount's grid column, where the reader knew the cells.</summary>
    private static string? LabelOf(RawRow r, AmountToken a) =>
        a.Column is { } c && r.ColumnLabels is { } labels && labels.TryGetValue(c, out var label) ? label : null;

    /// <summary>
    /// Amounts in grid columns whose printed header the catalog does not know are kept as they are (column_key
    /// unknown, with the printed header as column_label) and left out of the column search, which would otherwise
    /// give them a column they are not in.
    /// </summary>
    private static Dictionary<RawRow, List<CellValue>> SetAsideUnknownColumns(List<RawRow> rows)
    {
        var aside = new Dictionary<RawRow, List<CellValue>>();
        foreach (var r in rows)
        {
            if (!r.FromCells || r.ColumnLabels is not { } labels || r.ColumnMap is not { } map)
            {
                continue;
            }

            for (var k = r.Amounts.Count - 1; k >= 0; k--)
            {
                var a = r.Amounts[k];
                if (a.Column is { } c && !map.ContainsKey(c) && labels.TryGetValue(c, out var label))
                {
                    if (!aside.TryGetValue(r, out var list))
                    {
                        list = [];
                        aside[r] = list;
                    }

                    list.Insert(0, new CellValue("unknown", a.Value, a.Line, label));
                    r.Amounts.RemoveAt(k);
                }
            }
        }

        return aside;
    }

    private void Unassigned(RawRow r, IEnumerable<AmountToken> extra) =>
        _findings.Add(new Finding("unassigned_numbers", Severity.Warning,
            $"表{_seg.TableNo}: more numbers than columns on the row at {_doc.Lines[r.Line].Where}; not assigned: {string.Join(" ", extra.Select(a => a.Text))}",
            Kind.Key, r.Code, Line: r.Line));

    private string RowId(RawRow r, RowKeyMatcher? rowKeys)
    {
        if (Kind.Shape == TableShape.Named)
        {
            return rowKeys?.KeyOf(r.JoinedText) ?? "#row" + r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (r.Code is not null)
        {
            return r.Code;
        }

        return r.IsTotal ? CrossTableHints.TotalRow : "#row" + r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The row each row sums into: the nearest printed ancestor code, else the 合计 row (表10: by row meaning).</summary>
    private int[] Parents(List<RawRow> rows, List<string> ids)
    {
        var parents = new int[rows.Count];
        var firstById = _firstById;
        firstById.Clear();
        for (var i = 0; i < rows.Count; i++)
        {
            firstById.TryAdd(ids[i], i);
        }

        var byPrefix = firstById.GetAlternateLookup<ReadOnlySpan<char>>();
        var total = firstById.GetValueOrDefault(CrossTableHints.TotalRow, -1);
        if (total < 0)
        {
            total = firstById.GetValueOrDefault("total", -1);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            parents[i] = -1;
            var id = ids[i];
            if (i == total || id.StartsWith('#') && id != CrossTableHints.TotalRow)
            {
                continue;
            }

            if (rows[i].Code is { } code)
            {
                parents[i] = total;
                for (var len = code.Length - 2; len >= 3; len -= 2)
                {
                    if (byPrefix.TryGetValue(code.AsSpan(0, len), out var p))
                    {
                        parents[i] = p;
                        break;
                    }
                }
            }
            else if (_seg.Rows is { } set && RowKeyMatcher.ParentOf(set, id) is { } parentKey)
            {
                parents[i] = firstById.GetValueOrDefault(parentKey, -1);
            }
        }

        return parents;
    }

    /// <summary>Candidates kept per row (the most plausible of those the row's own arithmetic allows): keeps the search small.</summary>
    private const int MaxCandidates = 24;


    /// <summary>
    /// A printed row whose own identity fails (its 合计 is not the sum of its parts, e.g. a 款 row that left out one
    /// of its 项) cannot tell its children which columns they are in. Where its parent and siblings imply a
    /// consistent row with the same total, the children are matched against that instead. True when anything changed.
    /// </summary>
    private bool RepairContradictions(List<SolverRow> rows, RowCandidates[] cands, int[] parents, int[] choice, List<string> present)
    {
        var totalAt = present.IndexOf("total");
        if (totalAt < 0)
        {
            return false;
        }

        var changed = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var p = parents[i];
            if (p < 0 || !cands[i].Contradicts[choice[i]] || rows[i].MatchOverride is not null)
            {
                continue;
            }

            var implied = (long[])cands[p].Vectors[choice[p]].Clone();
            for (var j = 0; j < rows.Count; j++)
            {
                if (j != i && parents[j] == p)
                {
                    var v = cands[j].Vectors[choice[j]];
                    for (var c = 0; c < implied.Length; c++)
                    {
                        implied[c] -= v[c];
                    }
                }
            }

            var own = cands[i].Vectors[choice[i]];
            var partsSum = implied.Where((_, c) => c != totalAt).Sum();
            if (implied[totalAt] == own[totalAt] && partsSum == implied[totalAt] && implied.All(x => x >= 0))
            {
                rows[i] = rows[i] with { MatchOverride = implied };
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The arithmetic of a table kind over the columns present, as positions (computed once per table).</summary>
    private sealed class Scoring
    {
        public Scoring(TableKind kind, List<string> present)
        {
            TotalAt = present.IndexOf("total");
            Prior = new double[present.Count];
            for (var i = 0; i < present.Count; i++)
            {
                Prior[i] = kind.Column(present[i])?.Prior ?? 0;
            }

            var rules = new List<(int Total, int[] Parts, int[] Minus)>(kind.Rules.Count);
            var parts = new List<int>();
            var minus = new List<int>();
            foreach (var r in kind.Rules)
            {
                var total = present.IndexOf(r.Total);
                if (total < 0)
                {
                    continue;
                }

                parts.Clear();
                minus.Clear();
                foreach (var p in r.Parts)
                {
                    if (present.IndexOf(p) is var j and >= 0)
                    {
                        parts.Add(j);
                    }
                }

                foreach (var p in r.Minus)
                {
                    if (present.IndexOf(p) is var j and >= 0)
                    {
                        minus.Add(j);
                    }
                }

                // a rule with subtracted parts holds only when all its parts are printed (年初 + 本年收入 − 本年支出 = 年末)
                if (parts.Count > 0 && (r.Minus.Count == 0 || (parts.Count == r.Parts.Count && minus.Count == r.Minus.Count)))
                {
                    rules.Add((total, parts.ToArray(), minus.ToArray()));
                }
            }

            Rules = rules.ToArray();
        }

        public int TotalAt { get; }

        public double[] Prior { get; }

        /// <summary>total = Σ parts − Σ minus, as positions.</summary>
        public (int Total, int[] Parts, int[] Minus)[] Rules { get; }
    }

    /// <summary>What the other tables say about one row, as positions.</summary>
    private readonly record struct RowHints((int Pos, long Value)[] Expected, double[] Bonus);

    /// <summary>0.01 in solver units: the rounding a printed sum may show per extra part.</summary>
    private static readonly long Cent = ColumnSolver.Units(0.01m);

    private static RowHints HintsFor(RawRow r, string id, List<string> present, CrossTableHints hints, double[] bonus)
    {
        var expected = Array.Empty<(int, long)>();
        if (hints.Expected.TryGetValue(id, out var e) && (e.WhenTotal is null || (r.Amounts.Count > 0 && r.Amounts[0].Value == e.WhenTotal)))
        {
            var n = 0;
            for (var i = 0; i < e.Values.Count; i++)
            {
                n += present.IndexOf(e.Values[i].Column) >= 0 ? 1 : 0;
            }

            expected = new (int, long)[n];
            n = 0;
            for (var i = 0; i < e.Values.Count; i++)
            {
                var (column, value) = e.Values[i];
                if (present.IndexOf(column) is var j and >= 0)
                {
                    expected[n++] = (j, ColumnSolver.Units(value));
                }
            }
        }

        if (hints.Bonus.TryGetValue(id, out var b))
        {
            for (var i = 0; i < b.Count; i++)
            {
                var (key, value) = b[i];
                var j = present.IndexOf(key);
                if (j >= 0)
                {
                    bonus[j] = value;
                }
            }
        }

        return new RowHints(expected, bonus);
    }

    /// <summary>Every order-preserving assignment of the row's amounts to the present columns (the first amount is the total), with its local score.</summary>
    private RowCandidates Candidates(RawRow r, string id, List<string> present, Scoring scoring, CrossTableHints hints)
    {
        var m = present.Count;
        var k = Math.Min(r.Amounts.Count, m);
        var rowHints = HintsFor(r, id, present, hints, _scratch.Bonus(m));
        var units = _scratch.Units(r.Amounts.Count);
        for (var i = 0; i < r.Amounts.Count; i++)
        {
            units[i] = ColumnSolver.Units(r.Amounts[i].Value);
        }

        var map = r.ColumnMap ?? _body.CellColumns;
        if (r.FromCells && CellPositions(r, map, present) is { } cellPos)
        {
            return Only(cellPos, units, scoring, rowHints);
        }

        var totalAt = scoring.TotalAt;
        var scratch = _scratch.Vector(m);
        var bestSoFar = double.NegativeInfinity;
        _scratch.Begin(k, m);
        // with a total column, the first amount is the total: only the assignments that start there are enumerated
        var first = totalAt >= 0 && k > 0 ? totalAt : -1;
        var subsets = new Subsets(m, k, first, _scratch.Positions(k));
        while (subsets.MoveNext())
        {
            var pos = subsets.Current;
            // score in a scratch vector; only assignments that can still be kept are copied (C(12,6) = 924 per row)
            var (score, contradicts) = ScoreOf(pos, units, scoring, rowHints, scratch);
            if (score.Hard < bestSoFar - 3.5)
            {
                continue;
            }

            bestSoFar = Math.Max(bestSoFar, score.Hard);
            _scratch.Add(pos, scratch, score, contradicts);
        }

        if (_scratch.Count == 0)
        {
            var all = new int[k];
            for (var i = 0; i < k; i++)
            {
                all[i] = i;
            }

            return Only(all, units, scoring, rowHints);
        }

        // the most plausible of those within 3.5 of the best: sorted by score (best first, equal scores in the order
        // found), those below the cut are a tail of that order because it compares the hard score first
        var top = _scratch.Best(MaxCandidates);
        var bestHard = double.NegativeInfinity;
        for (var i = 0; i < _scratch.Count; i++)
        {
            bestHard = Math.Max(bestHard, _scratch.ScoreAt(i).Hard);
        }

        var kept = 0;
        while (kept < top.Length && _scratch.ScoreAt(top[kept]).Hard >= bestHard - 3.5)
        {
            kept++;
        }

        var result = new RowCandidates(kept, k);
        for (var i = 0; i < kept; i++)
        {
            _scratch.CopyTo(top[i], result, i);
        }

        return result;
    }

    /// <summary>The positions of a row read from cells whose every amount's grid column maps to a distinct present column; null otherwise.</summary>
    private static int[]? CellPositions(RawRow r, IReadOnlyDictionary<int, string> map, List<string> present)
    {
        var pos = new int[r.Amounts.Count];
        for (var i = 0; i < pos.Length; i++)
        {
            if (r.Amounts[i].Column is not { } c || !map.TryGetValue(c, out var key))
            {
                return null;
            }

            pos[i] = present.IndexOf(key);
            if (pos[i] < 0)
            {
                return null;
            }

            for (var j = 0; j < i; j++)
            {
                if (pos[j] == pos[i])
                {
                    return null;
                }
            }
        }

        return pos;
    }

    /// <summary>A row's only candidate: the given assignment.</summary>
    private static RowCandidates Only(int[] pos, long[] units, Scoring scoring, RowHints hints)
    {
        var v = new long[scoring.Prior.Length];
        var (score, contradicts) = ScoreOf(pos, units, scoring, hints, v);
        var only = new RowCandidates(1, pos.Length);
        only.Set(0, pos, v, score, contradicts);
        return only;
    }

    /// <summary>Fills <paramref name="v"/> with the assignment and scores it against the row identities and the hints.</summary>
    private static (Score Score, bool Contradicts) ScoreOf(ReadOnlySpan<int> pos, long[] units, Scoring scoring, RowHints hints, long[] v)
    {
        Array.Clear(v);
        for (var i = 0; i < pos.Length; i++)
        {
            v[pos[i]] = units[i];
        }

        double hard = 0;
        double soft = 0;
        var contradicts = false;
        foreach (var (t, parts, minus) in scoring.Rules)
        {
            long sum = 0;
            var nonZero = 0;
            foreach (var j in parts)
            {
                sum += v[j];
                nonZero += v[j] != 0 ? 1 : 0;
            }

            foreach (var j in minus)
            {
                sum -= v[j];
                nonZero += v[j] != 0 ? 1 : 0;
            }

            if (v[t] == 0 && (minus.Length == 0 ? sum == 0 : nonZero == 0))
            {
                continue; // nothing to check
            }

            var holds = Math.Abs(v[t] - sum) <= Cent * Math.Max(1, nonZero - 1);
            hard += holds ? 1 : -3;
            contradicts |= !holds;
        }

        foreach (var (j, value) in hints.Expected)
        {
            hard += v[j] == value ? 1.5 : -1.5;
        }

        foreach (var p in pos)
        {
            soft += scoring.Prior[p] + hints.Bonus[p];
        }

        return (new Score(hard, soft), contradicts);
    }

    /// <summary>
    /// Every k-subset of 0..m-1 in order; when <paramref name="first"/> ≥ 0, only those whose first element is
    /// <paramref name="first"/> (the same subsets, in the same order, as filtering all of them). Written into one
    /// buffer: <see cref="Current"/> is valid until the next <see cref="MoveNext"/>.
    /// </summary>
    private struct Subsets
    {
        private readonly int[] _idx;
        private readonly int _m;
        private readonly int _k;
        private readonly int _lowest;
        private bool _started;
        private bool _done;

        /// <param name="buffer">At least <paramref name="k"/> ints.</param>
        public Subsets(int m, int k, int first, int[] buffer)
        {
            _idx = buffer;
            _m = m;
            _k = k;
            _lowest = first >= 0 ? 1 : 0; // idx[0] stays at first
            _done = k > 0 && first >= 0 && first > m - k;
            for (var j = 0; j < k; j++)
            {
                _idx[j] = first >= 0 ? first + j : j;
            }
        }

        public readonly ReadOnlySpan<int> Current => _idx.AsSpan(0, _k);

        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            if (!_started)
            {
                _started = true;
                return true; // the first subset (the empty one when k = 0)
            }

            var i = _k - 1;
            while (i >= _lowest && _idx[i] == _m - _k + i)
            {
                i--;
            }

            if (i < _lowest)
            {
                _done = true;
                return false;
            }

            _idx[i]++;
            for (var j = i + 1; j < _k; j++)
            {
                _idx[j] = _idx[j - 1] + 1;
            }

            return true;
        }
    }

    // ---------------------------------------------------------------- names

    private TableRow MakeRow(RawRow r, List<CellValue> values, string id)
    {
        if (Kind.Shape == TableShape.Named)
        {
            return new TableRow(null, null, id.StartsWith('#') ? null : id, Text.TextNormalizer.RemoveWhiteSpace(r.JoinedText), null, null, values, r.Line);
        }

        if (r.Side is { } side && side.StartsWith("expenditure", StringComparison.Ordinal) && r.Code is null)
        {
            var label = Text.TextNormalizer.RemoveWhiteSpace(r.JoinedText);
            var key = r.IsTotal && !label.Contains("本年", StringComparison.Ordinal) && !label.Contains("当年", StringComparison.Ordinal) ? "expenditure_total"
                : _rowKeys?.KeyOf(label, "expenditure");
            return new TableRow(null, null, key, label, null, side, values, r.Line);
        }

        if (r.Code is null)
        {
            var name = Text.TextNormalizer.RemoveWhiteSpace(r.CellName ?? r.JoinedText);
            if (r.UnitName is { } unit)
            {
                return new TableRow(null, null, r.IsTotal ? "total" : "sub_unit", name, null, null, values, r.Line, unit);
            }

            var project = r.CellProject is { } p ? Text.TextNormalizer.RemoveWhiteSpace(p) : Kind.Shape == TableShape.Listing && Kind.Projects && !r.IsTotal ? name : null;

            // a coded table's uncoded rows by the meaning of their label where its kind has a row set (基本支出决算表: 人员经费合计)
            var rowKey = r.IsTotal ? "total" : _rowKeys?.KeyOf(name);
            return new TableRow(null, null, rowKey, name, string.IsNullOrEmpty(project) ? null : project, null, values, r.Line, r.SubUnit);
        }

        var (item, projectName) = Kind.Projects ? SplitProject(r) : (Text.TextNormalizer.RemoveWhiteSpace(r.CellName ?? r.JoinedText), r.CellProject is { } cp ? Text.TextNormalizer.RemoveWhiteSpace(cp) : null);
        return new TableRow(r.Code, LineSyntax.LevelOf(r.Code), null, item, string.IsNullOrEmpty(projectName) ? null : projectName, null, values, r.Line, r.SubUnit);
    }

    /// <summary>
    /// 表7 prints the 项 name and the project name side by side, and either may wrap. The item name is known from
    /// the document's other tables (same code); what follows it is the project. Without that, the first piece is the name.
    /// </summary>
    private (string Item, string? Project) SplitProject(RawRow r)
    {
        if (r.FromCells)
        {
            var p = r.CellProject is { } cp ? Text.TextNormalizer.RemoveWhiteSpace(cp) : null;
            return (Text.TextNormalizer.RemoveWhiteSpace(r.CellName ?? string.Empty), string.IsNullOrEmpty(p) ? null : p);
        }

        var joined = Text.TextNormalizer.RemoveWhiteSpace(r.JoinedText);
        if (_names.TryGetValue(r.Code!, out var known) && joined.StartsWith(known, StringComparison.Ordinal))
        {
            var rest = joined[known.Length..];
            return (known, rest.Length > 0 ? rest : null);
        }

        if (r.Texts.Count == 0)
        {
            return (string.Empty, null);
        }

        var first = r.Texts[0];
        var space = first.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            var project = Text.TextNormalizer.RemoveWhiteSpace(first[(space + 1)..] + string.Concat(r.Texts.Skip(1)));
            return (Text.TextNormalizer.RemoveWhiteSpace(first[..space]), project.Length > 0 ? project : null);
        }

        var tail = Text.TextNormalizer.RemoveWhiteSpace(string.Concat(r.Texts.Skip(1)));
        return (Text.TextNormalizer.RemoveWhiteSpace(first), tail.Length > 0 ? tail : null);
    }
}
