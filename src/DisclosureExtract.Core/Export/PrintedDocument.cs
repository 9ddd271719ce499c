using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>One value of a table drawn as printed.</summary>
/// <param name="Amount">As in line_items.csv: exactly as printed.</param>
/// <param name="Page">source_page (empty for text and HTML).</param>
/// <param name="Line">source_line.</param>
internal sealed record PrintedCell(string Amount, string Page, string Line)
{
    /// <summary>Digits after the decimal point, as printed.</summary>
    public int Scale => Amount.IndexOf('.', StringComparison.Ordinal) is var i and >= 0 ? Amount.Length - i - 1 : 0;

    /// <summary>"page:line" for PDF, "line" otherwise (the form of findings.csv's source_line).</summary>
    public string Where => Page.Length > 0 ? $"{Page}:{Line}" : Line;
}

/// <summary>A printed row: the values of the row-naming columns and one cell per money column (null: not printed).</summary>
internal sealed record PrintedRow(IReadOnlyList<string> Names, PrintedCell?[] Cells);

/// <summary>A money column: its key and its printed heading.</summary>
internal sealed record PrintedColumn(string Key, string Label);

/// <summary>A table laid out as printed, built from the document's line_items.csv rows.</summary>
/// <param name="RowColumns">The line_items.csv columns that name a row and have a value in this table.</param>
internal sealed record PrintedTable(
    int TableNo,
    string TableKey,
    string Title,
    string Unit,
    string? Note,
    IReadOnlyList<string> RowColumns,
    IReadOnlyList<PrintedColumn> Columns,
    IReadOnlyList<PrintedRow> Rows);

/// <summary>A finding that marks a cell (<see cref="CulpritRule"/>). Column -1: the row as a whole.</summary>
internal sealed record CellMark(int Finding, int Table, int Row, int Column);

/// <summary>What a workbook and a review page show of one document: its documents.csv row, its tables as printed,
/// its findings.csv rows and the cells they mark. Built only from the output rows (<see cref="OutputRows"/>) and, for
/// what those do not hold (a table's title, its 备注, the order of its printed columns, empty tables), the result's
/// tables.</summary>
internal sealed record PrintedDocument(DocumentRow Document, IReadOnlyList<PrintedTable> Tables, IReadOnlyList<FindingRow> Findings, IReadOnlyList<CellMark> Marks)
{
    private static readonly RowFields Items = RowFields.For<LineItemRow>();
    private static readonly int[] RowColumnIndexes = Enumerable.Range(0, Items.Names.Count).Where(i => OutputColumns.RoleOf(Items.Names[i]) == PrintedRole.Row).ToArray();
    private static readonly Func<object, string>? ColumnLabel = Items.Getter("column_label");

    public static PrintedDocument Build(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var document = OutputRows.Document(r);
        var findings = OutputRows.Findings(r).ToList();
        var groups = new Dictionary<(int, string), List<LineItemRow>>();
        var order = new List<(int No, string Key)>();
        foreach (var t in r.Tables)
        {
            if (groups.TryAdd((t.TableNo, t.TableKey), []))
            {
                order.Add((t.TableNo, t.TableKey));
            }
        }

        foreach (var item in OutputRows.LineItems(r))
        {
            if (!groups.TryGetValue((item.table_no, item.table_key), out var list))
            {
                groups[(item.table_no, item.table_key)] = list = [];
                order.Add((item.table_no, item.table_key));
            }

            list.Add(item);
        }

        var tables = order.Select(k => Table(k.No, k.Key, groups[k], r.Tables.FirstOrDefault(t => t.TableNo == k.No && t.TableKey == k.Key))).ToList();
        var marks = new List<CellMark>();
        for (var i = 0; i < findings.Count; i++)
        {
            if (CulpritRule.IsCulprit(findings[i]) && Locate(tables, findings[i]) is { } at)
            {
                marks.Add(new CellMark(i, at.Table, at.Row, at.Column));
            }
        }

        return new PrintedDocument(document, tables, findings, marks);
    }

    private static PrintedTable Table(int no, string key, List<LineItemRow> items, BudgetTable? printed)
    {
        var columns = new List<string>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in printed?.Columns ?? [])
        {
            if (!columns.Contains(c))
            {
                columns.Add(c);
            }
        }

        // columns the catalog does not know are told apart by their printed header
        string ColumnOf(LineItemRow item) =>
            item.column_key == "unknown" && ColumnLabel?.Invoke(item) is { Length: > 0 } l ? "unknown:" + l : item.column_key;

        foreach (var item in items)
        {
            var column = ColumnOf(item);
            if (!columns.Contains(column))
            {
                columns.Add(column);
            }

            if (ColumnLabel?.Invoke(item) is { Length: > 0 } label)
            {
                labels.TryAdd(column, label);
            }
        }

        var used = RowColumnIndexes.Where(i => items.Any(item => Items.Getters[i](item).Length > 0)).ToArray();
        var rows = new List<PrintedRow>();
        string[]? names = null;
        PrintedCell?[]? cells = null;
        foreach (var item in items)
        {
            var itemNames = used.Select(i => Items.Getters[i](item)).ToArray();
            var col = columns.IndexOf(ColumnOf(item));
            if (names is null || cells is null || !names.AsSpan().SequenceEqual(itemNames) || cells[col] is not null)
            {
                names = itemNames;
                cells = new PrintedCell?[columns.Count];
                rows.Add(new PrintedRow(names, cells));
            }

            cells[col] = new PrintedCell(item.amount, item.source_page, item.source_line);
        }

        var unit = items.FirstOrDefault()?.unit ?? printed?.Unit ?? string.Empty;
        var title = printed?.Title is { Length: > 0 } t ? t : Schema.Current.Tables.FirstOrDefault(d => d.table_key == key)?.title_zh ?? key;
        return new PrintedTable(no, key, title, unit, printed?.Note,
            used.Select(i => Items.Names[i]).ToList(),
            columns.Select(c => new PrintedColumn(c, labels.TryGetValue(c, out var l) ? l : Schema.Current.ColumnLabel(c))).ToList(),
            rows);
    }

    /// <summary>The cell a finding names: its table, the row with its code (or row key), its column; where several
    /// rows match, the one printed on the finding's source line. A finding with neither code nor row key names the cell
    /// of its column printed on its source line (a coded table's total row).</summary>
    private static (int Table, int Row, int Column)? Locate(List<PrintedTable> tables, FindingRow f)
    {
        if (f.table_key.Length == 0)
        {
            return null;
        }

        var rowKey = CulpritRule.RowKeyOf(f);
        (int, int, int)? first = null;
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            if (table.TableKey != f.table_key)
            {
                continue;
            }

            var col = f.column_key.Length > 0 ? IndexOfColumn(table.Columns, f.column_key) : -1;
            var byColumn = f.code.Length > 0 ? "code" : rowKey.Length > 0 ? "row_key" : null;
            var nameAt = byColumn is null ? -1 : IndexOf(table.RowColumns, byColumn);
            var want = byColumn == "code" ? f.code : rowKey;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var onLine = f.source_line.Length > 0 && (col >= 0 ? row.Cells[col]?.Where == f.source_line : row.Cells.Any(c => c?.Where == f.source_line));
                if (byColumn is null)
                {
                    if (onLine && col >= 0)
                    {
                        return (t, r, col);
                    }

                    continue;
                }

                if (nameAt < 0 || row.Names[nameAt] != want)
                {
                    continue;
                }

                if (f.source_line.Length == 0 || onLine)
                {
                    return (t, r, col);
                }

                first ??= (t, r, col);
            }
        }

        return first;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfColumn(IReadOnlyList<PrintedColumn> columns, string key)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
