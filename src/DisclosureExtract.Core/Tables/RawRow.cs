using DisclosureExtract.Model;

namespace DisclosureExtract.Tables;

/// <summary>
/// A table row as assembled from the lines, before its amounts are assigned to columns: code or label, printed
/// text pieces (one per source line, for names and 表7 project names that wrap), amounts in printed order.
/// </summary>
internal sealed class RawRow
{
    public RawRow(int line) => Line = line;

    /// <summary>Index of the line where the row starts.</summary>
    public int Line { get; }

    /// <summary>Classification code as digits, or null.</summary>
    public string? Code { get; set; }

    /// <summary>合计/总计 (or 收入总计 / 支出总计 on two-sided tables).</summary>
    public bool IsTotal { get; set; }

    /// <summary>"income" or "expenditure" on two-sided tables.</summary>
    public string? Side { get; set; }

    /// <summary>row_key for uncoded rows.</summary>
    public string? RowKey { get; set; }

    /// <summary>Printed text pieces in order (white space inside a piece kept).</summary>
    public List<string> Texts { get; } = new(1); // most rows print their name on one line

    /// <summary>The name cell and project cell when the reader knew the cells.</summary>
    public string? CellName { get; set; }

    public string? CellProject { get; set; }

    /// <summary>The row's other text cells (a 年度 cell, a note), joined: what the name and amounts leave.</summary>
    public string OtherText { get; set; } = string.Empty;

    /// <summary>A unit's row (a consolidated 部门 table lists its units, each with its totals): the unit.</summary>
    public string? UnitName { get; set; }

    /// <summary>The unit the row belongs to (the last unit row above it), or null.</summary>
    public string? SubUnit { get; set; }

    public List<AmountToken> Amounts { get; } = [];

    /// <summary>True when the row's text was complete before its amounts came (flattened text: names wrap before the amounts).</summary>
    public bool HasAmounts => Amounts.Count > 0;

    public bool FromCells { get; set; }

    /// <summary>The block of a table printed in blocks side by side (0 for the first or only block).</summary>
    public int Block { get; set; }

    /// <summary>Grid column → column key of the header in force when the row was read (a header repeated after a page break may differ).</summary>
    public IReadOnlyDictionary<int, string>? ColumnMap { get; set; }

    /// <summary>Grid column → the printed header over it (labels top to bottom, joined by /), of the header in force.</summary>
    public IReadOnlyDictionary<int, string>? ColumnLabels { get; set; }

    public string JoinedText => string.Join(" ", Texts);
}

/// <summary>What a table body holds once its lines are read.</summary>
internal sealed class TableBody
{
    public List<RawRow> Rows { get; } = [];

    /// <summary>Header lines (before the first row), for reading which columns are present.</summary>
    public List<int> HeaderLines { get; } = [];

    public string? Unit { get; set; }

    public List<string> NoteParts { get; } = [];

    public string? Note => NoteParts.Count == 0 ? null : string.Concat(NoteParts);

    /// <summary>Grid column index → column key from header cells (cell-based inputs), when known.</summary>
    public Dictionary<int, string> CellColumns { get; } = [];

    /// <summary>The header map rows are read with now: <see cref="CellColumns"/> until a header is repeated.</summary>
    public Dictionary<int, string> CurrentMap { get; set; } = [];

    /// <summary>Header rows (cells) read since the last data row: the header being read.</summary>
    public List<IReadOnlyList<TextCell>> PendingHeader { get; } = [];

    /// <summary>Grid column → printed header of the header in force.</summary>
    public IReadOnlyDictionary<int, string>? HeaderLabels { get; set; }

    /// <summary>Grid columns of the header's label columns (项目, 支出功能分类科目 …) of a two-sided table: each starts a side-by-side block.</summary>
    public List<int> LabelColumns { get; } = [];

    /// <summary>Grid column → the row key its header names, for tables that print their items as columns (三公).</summary>
    public Dictionary<int, string> ColumnRowKeys { get; } = [];

    /// <summary>Grid column → the year its header names (columns of several years side by side).</summary>
    public Dictionary<int, int> ColumnYears { get; } = [];

    /// <summary>Grid column → role of the columns without amounts (unit, code, name, project, seq) of the header in force.</summary>
    public IReadOnlyDictionary<int, string> Roles { get; set; } = new Dictionary<int, string>();

    /// <summary>The unit of the last unit row, for the rows under it.</summary>
    public string? CurrentUnit { get; set; }

    /// <summary>The last 类 and 款 codes read: a row that prints only its own level (类 | 款 | 项 columns) continues them.</summary>
    public string? LastClass { get; set; }

    public string? LastKuan { get; set; }

    /// <summary>Lowest grid column index of the expenditure side (two-sided tables with cells).</summary>
    public int? ExpenditureColumn { get; set; }

    /// <summary>Grid columns where the blocks of a table printed in blocks side by side start (one start: one block).</summary>
    public List<int> BlockStarts { get; set; } = [];

    /// <summary>The last 类 and 款 read in each block.</summary>
    public Dictionary<int, (string? Class, string? Kuan)> BlockCodes { get; } = [];

    /// <summary>The table's first 合计 row (read from cells), against which a repeated one is recognized.</summary>
    public RawRow? FirstTotal { get; set; }

    /// <summary>The page of the last data row read.</summary>
    public int? LastRowPage { get; set; }
}
