namespace DisclosureExtract.Model;

/// <summary>One money value of a table row: the column it belongs to and the amount exactly as printed.</summary>
/// <param name="ColumnKey">Key from schema/columns.csv.</param>
/// <param name="Amount">The amount, with the scale it was printed with (90, 1234.50).</param>
/// <param name="Line">Index of the source line the number came from.</param>
/// <param name="Label">The printed header over the value's column (labels top to bottom, joined by /), where the reader knew it.</param>
public sealed record CellValue(string ColumnKey, decimal Amount, int Line, string? Label = null);

/// <summary>A row of a budget table.</summary>
/// <param name="Code">Classification code as digits (210, 21011, 2101101; 301, 30101), or null for uncoded rows.</param>
/// <param name="CodeLevel">类, 款 or 项 (null when uncoded).</param>
/// <param name="RowKey">Key from schema/row-keys.csv for uncoded rows; "total" for a coded table's 合计/总计 row.</param>
/// <param name="ItemName">The name as printed with white space removed.</param>
/// <param name="ProjectName">表7: the project the row is for.</param>
/// <param name="Side">For two-sided tables (表1, 表4): "income" or "expenditure"; otherwise null.</param>
/// <param name="Values">Non-empty cells of the row.</param>
/// <param name="Line">Index of the source line where the row starts.</param>
/// <param name="SubUnit">In a consolidated 部门 table that lists its units: the unit (单位名称) the row belongs to, or the unit a
/// unit row (row_key sub_unit) totals; null otherwise.</param>
public sealed record TableRow(
    string? Code,
    string? CodeLevel,
    string? RowKey,
    string ItemName,
    string? ProjectName,
    string? Side,
    IReadOnlyList<CellValue> Values,
    int Line,
    string? SubUnit = null)
{
    public decimal? ValueOf(string columnKey)
    {
        foreach (var v in Values)
        {
            if (v.ColumnKey == columnKey)
            {
                return v.Amount;
            }
        }

        return null;
    }
}

/// <summary>A recognized budget table.</summary>
/// <param name="TableNo">The table's number in schema/tables.csv (1..11), given by the meaning of its title: Shanghai prints its
/// 政府性基金 table sixth, and it is still table 8 here, so that one table_no always means one table_key.</param>
/// <param name="TableKey">Key from schema/tables.csv.</param>
/// <param name="Title">The title as printed.</param>
/// <param name="Unit">万元 or 元, as the table says.</param>
/// <param name="IsEmpty">True for a 空表 (no rows, often with a 备注 note).</param>
/// <param name="Note">The 备注 text, if any.</param>
/// <param name="Columns">Column keys present in the table, in printed order.</param>
/// <param name="Rows">Rows in printed order.</param>
/// <param name="StartLine">Index of the first line (the 表 number or title).</param>
/// <param name="EndLine">Index one past the last line.</param>
public sealed record BudgetTable(
    int TableNo,
    string TableKey,
    string Title,
    string Unit,
    bool IsEmpty,
    string? Note,
    IReadOnlyList<string> Columns,
    IReadOnlyList<TableRow> Rows,
    int StartLine,
    int EndLine);
