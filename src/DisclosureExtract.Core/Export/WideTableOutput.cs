using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Export;

/// <summary>
/// tables/&lt;document_id&gt;/&lt;table_no&gt;-&lt;table_key&gt;.csv: one CSV per table laid out like the printed
/// table (code, name, one column per money column with its Chinese header), for spreadsheet users.
/// </summary>
public static class WideTableOutput
{
    public static IEnumerable<IReadOnlyList<string>> Grid(BudgetTable table, Func<string, string> columnLabel)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columnLabel);
        var columns = table.Columns.Count > 0 ? table.Columns : table.Rows.SelectMany(r => r.Values.Select(v => v.ColumnKey)).Distinct().ToList();
        var header = new List<string> { "科目编码", "层级", "行", "项目", "项目名称" };
        header.AddRange(columns.Select(c => $"{columnLabel(c)}（{table.Unit}）"));
        yield return header;
        foreach (var row in table.Rows)
        {
            var cells = new List<string> { row.Code ?? string.Empty, row.CodeLevel ?? string.Empty, row.RowKey ?? string.Empty, row.ItemName, row.ProjectName ?? string.Empty };
            cells.AddRange(columns.Select(c => row.ValueOf(c) is { } d ? TextNormalizer.Invariant(d) : string.Empty));
            yield return cells;
        }
    }

    public static string FileName(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"{table.TableNo.ToString("00", CultureInfo.InvariantCulture)}-{table.TableKey}.csv";
    }
}
