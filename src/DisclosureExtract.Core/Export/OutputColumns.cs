namespace DisclosureExtract.Export;

/// <summary>How a column of the long tables is stored where a type is needed (workbooks, SQLite, Parquet).</summary>
public enum ColumnKind
{
    /// <summary>Text, kept as written in the CSV.</summary>
    Text,

    /// <summary>A whole number (a year, a count, a page or line number).</summary>
    Integer,

    /// <summary>An exact decimal amount (as printed; never a binary float).</summary>
    Decimal,
}

/// <summary>The part a line_items.csv column plays when a table is drawn again as printed (workbook sheets, review page).</summary>
public enum PrintedRole
{
    /// <summary>The same for the whole document (document_id, unit_name …): not drawn in the table.</summary>
    Document,

    /// <summary>The same for the whole table (table_no, table_key, unit): in the title or the header.</summary>
    Table,

    /// <summary>Names the printed row: a column at the left of the table (code, item name …).</summary>
    Row,

    /// <summary>Belongs to one value (the column it is in, the amount, where it is printed).</summary>
    Cell,
}

/// <summary>The type of one column: its kind and, for money, where its unit is.</summary>
/// <param name="Kind">How it is stored.</param>
/// <param name="UnitColumn">For money: the column of the same row that holds its unit (万元/元).</param>
/// <param name="FixedUnit">For money always in one unit (amount_cny: 元).</param>
public sealed record ColumnType(ColumnKind Kind, string? UnitColumn = null, string? FixedUnit = null)
{
    public bool IsMoney => UnitColumn is not null || FixedUnit is not null;
}

/// <summary>
/// The one declared type map of the long tables' columns. The columns themselves are never listed here: they come
/// from the row records (<see cref="DocumentRow"/>, <see cref="LineItemRow"/>, <see cref="FindingRow"/> and the
/// explanation rows) through the CSV header, so a column added to a record reaches every format without an edit —
/// as text, or as an integer when its property is an int, until it is declared here. A declaration for a column that
/// no record has yet is harmless.
/// </summary>
public static class OutputColumns
{
    private static readonly ColumnType Text = new(ColumnKind.Text);
    private static readonly ColumnType Integer = new(ColumnKind.Integer);
    private static readonly ColumnType Decimal = new(ColumnKind.Decimal);

    /// <summary>Columns by name, the same in every table that has them.</summary>
    private static readonly Dictionary<string, ColumnType> ByName = new(StringComparer.Ordinal)
    {
        ["budget_year"] = Integer,
        ["staff_authorized"] = Integer,
        ["staff_actual"] = Integer,
        ["staff_in_service"] = Integer,
        ["staff_retired"] = Integer,
        ["staff_retired_cadres"] = Integer,
        ["findings_errors"] = Integer,
        ["findings_warnings"] = Integer,
        ["table_no"] = Integer,
        ["seq"] = Integer,
        ["table_seq"] = Integer,
        ["source_page"] = Integer,
        ["source_line"] = Integer,
        ["amount"] = new(ColumnKind.Decimal, UnitColumn: "unit"),
        ["amount_cny"] = new(ColumnKind.Decimal, FixedUnit: "元"),
        ["expected"] = Decimal,
        ["actual"] = Decimal,
        ["difference"] = Decimal,
        ["quantity"] = Decimal,
        ["share_percent"] = Decimal,
        ["change_amount"] = new(ColumnKind.Decimal, UnitColumn: "change_unit"),
        ["change_rate_percent"] = Decimal,
        ["table_budget_total"] = Decimal,
        ["value"] = Decimal,
        ["weight"] = Decimal,
    };

    /// <summary>Exceptions for one table: findings.csv writes source_line as page:line for PDFs.</summary>
    private static readonly Dictionary<(string Table, string Column), ColumnType> ByTable = new()
    {
        [("findings", "source_line")] = Text,
    };

    /// <summary>The roles of line_items.csv columns in a printed table; any other column names the row.</summary>
    private static readonly Dictionary<string, PrintedRole> Roles = new(StringComparer.Ordinal)
    {
        ["document_id"] = PrintedRole.Document,
        ["unit_name"] = PrintedRole.Document,
        ["budget_year"] = PrintedRole.Document,
        ["kind"] = PrintedRole.Document,
        ["table_no"] = PrintedRole.Table,
        ["table_key"] = PrintedRole.Table,
        ["unit"] = PrintedRole.Table,
        ["column_key"] = PrintedRole.Cell,
        ["column_label"] = PrintedRole.Cell,
        ["amount"] = PrintedRole.Cell,
        ["amount_cny"] = PrintedRole.Cell,
        ["source_page"] = PrintedRole.Cell,
        ["source_line"] = PrintedRole.Cell,
    };

    /// <summary>Headings of the row-naming columns of a printed table (as in the wide CSVs); others show their name.</summary>
    private static readonly Dictionary<string, string> RowHeadings = new(StringComparer.Ordinal)
    {
        ["code"] = "科目编码",
        ["code_level"] = "层级",
        ["row_key"] = "行",
        ["item_name"] = "项目",
        ["project_name"] = "项目名称",
        ["sub_unit"] = "单位",
    };

    /// <summary>The type of a column of a long table (table = the CSV file name without .csv).</summary>
    public static ColumnType Of(string table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        return ByTable.TryGetValue((table, column), out var t) ? t : ByName.TryGetValue(column, out t) ? t : Text;
    }

    /// <summary>The type of a record's property: declared, else an int property is an integer and the rest text.</summary>
    public static ColumnType Of(string table, string column, Type propertyType)
    {
        var t = Of(table, column);
        return t.Kind == ColumnKind.Text && !ByTable.ContainsKey((table, column)) && propertyType == typeof(int) ? Integer : t;
    }

    public static PrintedRole RoleOf(string lineItemColumn) =>
        Roles.TryGetValue(lineItemColumn, out var r) ? r : PrintedRole.Row;

    public static string RowHeading(string column) => RowHeadings.TryGetValue(column, out var h) ? h : column;
}
