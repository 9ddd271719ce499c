using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Export;

/// <summary>A row of documents.csv. Column names are the public contract (README).</summary>
public sealed record DocumentRow(
    string document_id,
    string source_file,
    string source_format,
    string sha256,
    string unit_name,
    string kind,
    string budget_year,
    string scope,
    string parts_found,
    string staff_authorized,
    string staff_actual,
    string staff_in_service,
    string staff_retired,
    string staff_retired_cadres,
    string tables_found,
    int findings_errors,
    int findings_warnings,
    string status,
    string error);

/// <summary>A row of line_items.csv: one non-empty cell of a budget table.</summary>
public sealed record LineItemRow(
    string document_id,
    string unit_name,
    string kind,
    string budget_year,
    int table_no,
    string table_key,
    string sub_unit,
    string code,
    string code_level,
    string row_key,
    string item_name,
    string project_name,
    string column_key,
    string column_label,
    string amount,
    string unit,
    string amount_cny,
    string source_page,
    string source_line);

/// <summary>A row of findings.csv.</summary>
public sealed record FindingRow(
    string document_id,
    string check,
    string severity,
    string table_key,
    string code,
    string column_key,
    string expected,
    string actual,
    string difference,
    string message,
    string source_line,
    string group,
    string role);

/// <summary>Projects conversion results onto the output rows. Pure functions: exporters only write what these give.</summary>
public static class OutputRows
{
    private static string S(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string S(decimal? v) => v is { } d ? TextNormalizer.Invariant(d) : string.Empty;

    public static DocumentRow Document(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var f = r.Facts;
        var parts = r.Parts.Select(p => p.Kind).Distinct().Order().Select(DocumentPart.KeyOf);
        var tables = r.Tables.Select(t => t.TableNo).Distinct().Order().Select(n => n.ToString(CultureInfo.InvariantCulture));
        return new DocumentRow(
            r.DocumentId,
            r.SourceFile,
            r.Format?.ToString().ToLowerInvariant() ?? string.Empty,
            r.Sha256 ?? string.Empty,
            f?.UnitName ?? string.Empty,
            r.Kind ?? string.Empty,
            S(f?.BudgetYear),
            f?.Scope ?? string.Empty,
            string.Join(';', parts),
            S(f?.Staffing.Authorized),
            S(f?.Staffing.Actual),
            S(f?.Staffing.InService),
            S(f?.Staffing.Retired),
            S(f?.Staffing.RetiredCadres),
            string.Join(';', tables),
            r.Findings.Count(x => x.Severity == Severity.Error),
            r.Findings.Count(x => x.Severity == Severity.Warning),
            ConversionResult.StatusKey(r.Status),
            r.Error ?? string.Empty);
    }

    public static IEnumerable<LineItemRow> LineItems(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var lines = r.Source?.Lines;
        foreach (var t in r.Tables)
        {
            foreach (var row in t.Rows)
            {
                foreach (var v in row.Values)
                {
                    var src = lines is not null && v.Line >= 0 && v.Line < lines.Count ? lines[v.Line] : null;
                    yield return new LineItemRow(
                        r.DocumentId,
                        r.Facts?.UnitName ?? string.Empty,
                        r.Kind ?? string.Empty,
                        S(r.Facts?.BudgetYear),
                        t.TableNo,
                        t.TableKey,
                        row.SubUnit ?? string.Empty,
                        row.Code ?? string.Empty,
                        row.CodeLevel ?? string.Empty,
                        row.RowKey ?? string.Empty,
                        row.ItemName,
                        row.ProjectName ?? string.Empty,
                        v.ColumnKey,
                        v.Label ?? string.Empty,
                        TextNormalizer.Invariant(v.Amount),
                        t.Unit,
                        Amounts.FormatPlain(Amounts.ToYuan(v.Amount, t.Unit)),
                        S(src?.Page),
                        S(src?.Number));
                }
            }
        }
    }

    public static IEnumerable<FindingRow> Findings(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var lines = r.Source?.Lines;
        foreach (var f in r.Findings)
        {
            var src = lines is not null && f.Line is { } i && i >= 0 && i < lines.Count ? lines[i] : null;
            yield return new FindingRow(
                r.DocumentId,
                f.Check,
                Finding.SeverityKey(f.Severity),
                f.TableKey ?? string.Empty,
                f.Code ?? string.Empty,
                f.ColumnKey ?? string.Empty,
                S(f.Expected),
                S(f.Actual),
                S(f.Difference),
                f.Message,
                src is null ? string.Empty : src.Page is { } p ? $"{p}:{src.Number}" : S(src.Number),
                S(f.Group),
                f.Role ?? string.Empty);
        }
    }
}
