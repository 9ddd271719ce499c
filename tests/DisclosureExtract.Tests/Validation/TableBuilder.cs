using System.Globalization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Tests.Validation;

/// <summary>Builds small <see cref="BudgetTable"/>s for validation tests: rows as "column=value" pairs, lines as given.</summary>
public sealed class TableBuilder
{
    private static readonly Dictionary<int, string> Keys = new()
    {
        [1] = "income_expenditure_summary", [2] = "income_summary", [3] = "expenditure_summary", [4] = "fiscal_appropriation_summary",
        [5] = "general_budget_expenditure", [6] = "general_budget_basic_expenditure", [7] = "general_budget_project_expenditure",
        [8] = "government_fund_expenditure", [9] = "state_capital_expenditure", [10] = "three_public_expenses",
    };

    private readonly int _no;
    private readonly string[] _columns;
    private readonly List<TableRow> _rows = [];
    private int _nextLine;

    public TableBuilder(int tableNo, params string[] columns)
    {
        _no = tableNo;
        _columns = columns;
        _nextLine = tableNo * 100;
    }

    public static string LevelOf(string code) => code.Length switch { 3 => "类", 5 => "款", _ => "项" };

    /// <summary>A coded row: Row("21011", "行政事业单位医疗", "total=14.56 basic=14.56").</summary>
    public TableBuilder Row(string code, string name, string values, int? line = null, string? project = null, string? side = null) =>
        Add(new TableRow(code, LevelOf(code), null, name, project, side, Parse(values, line ?? _nextLine), line ?? _nextLine));

    /// <summary>An uncoded row with a row key ("total" for the 合计 row).</summary>
    public TableBuilder Key(string rowKey, string name, string values, int? line = null, string? side = null) =>
        Add(new TableRow(null, null, rowKey, name, null, side, Parse(values, line ?? _nextLine), line ?? _nextLine));

    public TableBuilder Add(TableRow row)
    {
        _rows.Add(row);
        _nextLine = row.Line + 1;
        return this;
    }

    public BudgetTable Build() =>
        new(_no, Keys[_no], $"表{_no}", "万元", false, null, _columns, _rows, _no * 100 - 1, _nextLine);

    public static IReadOnlyList<CellValue> Parse(string values, int line) =>
        values.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Select(kv => new CellValue(kv[0], decimal.Parse(kv[1], NumberStyles.Number, CultureInfo.InvariantCulture), line))
            .ToList();
}
