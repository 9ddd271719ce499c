using System.Globalization;
using System.Net;
using System.Text;

namespace DisclosureExtract.Export;

/// <summary>
/// The review page: report/index.html (every document: status, tables found, errors and warnings, links) and
/// report/&lt;document_id&gt;.html (the document's tables drawn again as printed, the culprit cells of findings marked
/// and linked to their findings and back, each value's source page and line on hover). Static files with the style
/// inline: no script, nothing fetched from elsewhere; tables scroll sideways on a phone.
/// </summary>
internal static class ReportOutput
{
    public const string Folder = "report";
    public const string IndexFile = "index.html";

    private const string Style = """
        :root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;font-size:15px;line-height:1.45}
        body{margin:0 auto;max-width:1200px;padding:12px}
        h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.4rem 0 .3rem}
        .meta{color:#555;margin:.2rem 0}.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
        th{background:#eee;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.code{font-family:ui-monospace,monospace;white-space:nowrap}
        td.culprit{background:#ff4d4f;color:#fff;font-weight:bold;outline:3px solid #a8071a}td.culprit a{color:#fff}
        td:target,li:target{outline:4px solid #1677ff}
        .error{color:#a8071a}.warning{color:#ad6800}.info{color:#555}
        .status-failed{color:#a8071a;font-weight:bold}.status-partial{color:#ad6800}
        ol.findings li{margin:.25rem 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#555}dd{margin:0;word-break:break-all}
        .note{color:#555}
        """;

    /// <summary>report/&lt;document_id&gt;.html.</summary>
    public static string Document(PrintedDocument doc, OutputFormats formats)
    {
        var b = new StringBuilder(64 * 1024);
        Document(b, doc, formats);
        return b.ToString();
    }

    /// <summary>report/&lt;document_id&gt;.html, appended to <paramref name="b"/> (a batch's writer reuses one builder).</summary>
    public static void Document(StringBuilder b, PrintedDocument doc, OutputFormats formats)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(doc);
        var d = doc.Document;
        var marks = new Dictionary<(int, int, int), List<int>>();
        foreach (var m in doc.Marks)
        {
            if (!marks.TryGetValue((m.Table, m.Row, m.Column), out var list))
            {
                marks[(m.Table, m.Row, m.Column)] = list = [];
            }

            list.Add(m.Finding);
        }

        var cellOf = doc.Marks.GroupBy(m => m.Finding).ToDictionary(g => g.Key, g => g.First());
        Head(b, $"{d.unit_name} {d.budget_year} — {d.document_id}");
        b.Append("<p><a href=\"index.html\">← 全部文件 / all documents</a></p>");
        b.Append("<h1>").Append(E(d.unit_name.Length > 0 ? d.unit_name : d.document_id)).Append(' ').Append(E(d.budget_year)).Append("</h1>");
        b.Append("<p class=\"meta\">").Append(E(d.document_id)).Append(" · <span class=\"status-").Append(E(d.status)).Append("\">").Append(E(d.status)).Append("</span>")
            .Append(CultureInfo.InvariantCulture, $" · {d.findings_errors} errors, {d.findings_warnings} warnings");
        Links(b, d.document_id, formats, "../");
        b.Append("</p>");
        if (d.error.Length > 0)
        {
            b.Append("<p class=\"status-").Append(E(d.status)).Append("\">").Append(E(d.error)).Append("</p>");
        }

        if (doc.Tables.Count > 0)
        {
            b.Append("<p>");
            for (var t = 0; t < doc.Tables.Count; t++)
            {
                b.Append(CultureInfo.InvariantCulture, $"<a href=\"#t{t}\">表{doc.Tables[t].TableNo}</a> ");
            }

            b.Append("<a href=\"#findings\">findings</a> <a href=\"#document\">document</a></p>");
        }

        for (var t = 0; t < doc.Tables.Count; t++)
        {
            Table(b, doc, t, marks);
        }

        b.Append("<h2 id=\"findings\">Findings</h2>");
        if (doc.Findings.Count == 0)
        {
            b.Append("<p class=\"note\">none</p>");
        }
        else
        {
            var fields = RowFields.For<FindingRow>();
            b.Append("<ol class=\"findings\">");
            for (var i = 0; i < doc.Findings.Count; i++)
            {
                var f = doc.Findings[i];
                b.Append(CultureInfo.InvariantCulture, $"<li id=\"f{i + 1}\" class=\"{E(f.severity)}\"><b>{E(f.severity)}</b> <code>{E(f.check)}</code> ");
                b.Append(E(f.message));
                if (cellOf.TryGetValue(i, out var m))
                {
                    b.Append(CultureInfo.InvariantCulture, $" <a href=\"#{CellId(m)}\">→ 表{doc.Tables[m.Table].TableNo}</a>");
                }

                var details = fields.Names.Select((n, k) => (n, v: fields.Getters[k](f)))
                    .Where(x => x.v.Length > 0 && x.n is not ("document_id" or "severity" or "check" or "message"))
                    .Select(x => $"{x.n}={x.v}");
                b.Append(" <span class=\"note\">(").Append(E(string.Join(", ", details))).Append(")</span></li>");
            }

            b.Append("</ol>");
        }

        b.Append("<h2 id=\"document\">Document</h2><dl>");
        var docFields = RowFields.For<DocumentRow>();
        for (var i = 0; i < docFields.Names.Count; i++)
        {
            b.Append("<dt>").Append(E(docFields.Names[i])).Append("</dt><dd>").Append(E(docFields.Getters[i](d))).Append("</dd>");
        }

        b.Append("</dl></body></html>\n");
    }

    private static void Table(StringBuilder b, PrintedDocument doc, int t, Dictionary<(int, int, int), List<int>> marks)
    {
        var table = doc.Tables[t];
        b.Append(CultureInfo.InvariantCulture, $"<h2 id=\"t{t}\">表{table.TableNo} {E(table.Title)}</h2><p class=\"note\">");
        if (table.Unit.Length > 0)
        {
            b.Append("单位：").Append(E(table.Unit));
        }

        if (table.Note is { Length: > 0 } note)
        {
            b.Append(" 备注：").Append(E(note));
        }

        b.Append("</p>");
        if (table.Rows.Count == 0)
        {
            b.Append("<p class=\"note\">（空表 / empty table）</p>");
            return;
        }

        b.Append("<div class=\"scroll\"><table><thead><tr>");
        foreach (var c in table.RowColumns)
        {
            b.Append("<th>").Append(E(OutputColumns.RowHeading(c))).Append("</th>");
        }

        foreach (var c in table.Columns)
        {
            b.Append("<th>").Append(E(c.Label)).Append("</th>");
        }

        b.Append("</tr></thead><tbody>");
        var nameColumn = 0;
        for (var c = 0; c < table.RowColumns.Count; c++)
        {
            nameColumn = table.RowColumns[c] == "item_name" ? c : nameColumn;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            b.Append("<tr>");
            for (var c = 0; c < row.Names.Count; c++)
            {
                var rowMarks = c == nameColumn ? marks.GetValueOrDefault((t, r, -1)) : null;
                Cell(b, table.RowColumns[c] is "code" ? "code" : string.Empty, rowMarks, new CellMark(-1, t, r, -1), E(row.Names[c]), null);
            }

            for (var c = 0; c < row.Cells.Length; c++)
            {
                var cell = row.Cells[c];
                if (cell is null)
                {
                    b.Append("<td></td>");
                    continue;
                }

                var where = cell.Page.Length > 0 ? $"第{cell.Page}页 第{cell.Line}行" : $"第{cell.Line}行";
                Cell(b, "num", marks.GetValueOrDefault((t, r, c)), new CellMark(-1, t, r, c), cell.Amount, where);
            }

            b.Append("</tr>");
        }

        b.Append("</tbody></table></div>");
    }

    /// <param name="findings">The findings marking the cell (indexes), or null.</param>
    private static void Cell(StringBuilder b, string cls, List<int>? findings, CellMark at, string html, string? title)
    {
        b.Append("<td");
        var marked = findings is { Count: > 0 };
        if (marked)
        {
            cls = (cls + " culprit").Trim();
            b.Append(" id=\"").Append(CellId(at)).Append('"');
            title = (title is null ? string.Empty : title + " · ") + string.Join(" · ", findings!.Select(f => $"finding {f + 1}"));
        }

        if (cls.Length > 0)
        {
            b.Append(" class=\"").Append(cls).Append('"');
        }

        if (title is not null)
        {
            b.Append(" title=\"").Append(E(title)).Append('"');
        }

        b.Append('>');
        if (marked)
        {
            b.Append(CultureInfo.InvariantCulture, $"<a href=\"#f{findings![0] + 1}\">").Append(html).Append("</a>");
        }
        else
        {
            b.Append(html);
        }

        b.Append("</td>");
    }

    /// <summary>The id of a marked cell: t{table}-r{row}-c{column} (c-1: the row's name).</summary>
    public static string CellId(CellMark m) => FormattableString.Invariant($"t{m.Table}-r{m.Row}-c{m.Column}");

    /// <summary>report/index.html: one row per documents.csv row. <paramref name="documents"/> is enumerated twice
    /// (the counts at the top, then the rows) and never held: the index of a batch of any size is written in the
    /// memory of one row.</summary>
    public static void WriteIndex(TextWriter writer, Func<IEnumerable<DocumentRow>> documents, OutputFormats formats)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        int count = 0, converted = 0, partial = 0, failed = 0;
        long errors = 0, warnings = 0;
        foreach (var d in documents())
        {
            count++;
            converted += d.status == "converted" ? 1 : 0;
            partial += d.status == "partial" ? 1 : 0;
            failed += d.status == "failed" ? 1 : 0;
            errors += d.findings_errors;
            warnings += d.findings_warnings;
        }

        var b = new StringBuilder(1 << 16);
        Head(b, "DisclosureExtract review");
        b.Append(CultureInfo.InvariantCulture, $"<h1>Documents</h1><p class=\"meta\">{count} documents: {converted} converted, {partial} partial, {failed} failed; {errors} errors, {warnings} warnings</p>");
        b.Append("<div class=\"scroll\"><table><thead><tr><th>document</th><th>unit</th><th>year</th><th>status</th><th>tables found</th><th>errors</th><th>warnings</th><th>files</th><th>note</th></tr></thead><tbody>");
        foreach (var d in documents())
        {
            b.Append("<tr><td><a href=\"").Append(E(Uri.EscapeDataString(d.document_id))).Append(".html\">").Append(E(d.document_id)).Append("</a></td>");
            b.Append("<td>").Append(E(d.unit_name)).Append("</td><td>").Append(E(d.budget_year)).Append("</td>");
            b.Append("<td class=\"status-").Append(E(d.status)).Append("\">").Append(E(d.status)).Append("</td>");
            b.Append("<td>").Append(E(d.tables_found.Replace(";", " ", StringComparison.Ordinal))).Append("</td>");
            b.Append(CultureInfo.InvariantCulture, $"<td class=\"num{(d.findings_errors > 0 ? " error" : string.Empty)}\">{d.findings_errors}</td><td class=\"num\">{d.findings_warnings}</td><td>");
            Links(b, d.document_id, formats, "../");
            b.Append("</td><td>").Append(E(d.error)).Append("</td></tr>");
            if (b.Length >= 1 << 15)
            {
                writer.Write(b);
                b.Clear();
            }
        }

        b.Append("</tbody></table></div></body></html>\n");
        writer.Write(b);
    }

    private static void Links(StringBuilder b, string id, OutputFormats formats, string up)
    {
        var file = E(Uri.EscapeDataString(id));
        if (formats.HasFlag(OutputFormats.Xlsx))
        {
            b.Append(" <a href=\"").Append(up).Append("xlsx/").Append(file).Append(".xlsx\">xlsx</a>");
        }

        if (formats.HasFlag(OutputFormats.Json))
        {
            b.Append(" <a href=\"").Append(up).Append("json/").Append(file).Append(".json\">json</a>");
        }
    }

    private static void Head(StringBuilder b, string title)
    {
        b.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
    }

    private static string E(string s) => s.AsSpan().IndexOfAny(HtmlSpecial) < 0 ? s : WebUtility.HtmlEncode(s);

    private static readonly System.Buffers.SearchValues<char> HtmlSpecial = System.Buffers.SearchValues.Create("<>&\"'");
}
