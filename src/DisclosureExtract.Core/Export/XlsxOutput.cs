using System.Globalization;
using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DisclosureExtract.Export;

/// <summary>
/// xlsx/&lt;document_id&gt;.xlsx: a sheet per table laid out as printed (title, unit, header row; codes as text; amounts
/// as numbers with their printed decimals; frozen panes under the header and beside the row names; an autofilter),
/// the culprit cells of findings filled red with the finding as a cell comment, a <c>findings</c> sheet (one row per
/// findings.csv row, linked to its cell) and a <c>document</c> sheet (the documents.csv row). Written with the Open
/// XML SDK's streaming writer (<see cref="OpenXmlWriter"/>), cells as inline strings and numbers: no shared-string
/// table to build, no document object model of the sheets.
/// </summary>
internal static class XlsxOutput
{
    public const string Folder = "xlsx";

    private const uint StyleTitle = 1;
    private const uint StyleHeader = 2;
    private const uint StyleText = 3;
    private const uint StyleTextMarked = 4;
    private const uint StyleAmount = 5;
    private const uint StyleAmountMarked = 12;
    private const uint StyleInteger = 19;
    private const uint StyleLink = 20;
    private const int MaxScale = 6;
    private const int MaxCellText = 32767;

    public static void Write(Stream stream, PrintedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(doc);
        using var xlsx = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        xlsx.CompressionOption = CompressionOption.Fast;
        var wb = xlsx.AddWorkbookPart();
        wb.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var names = SheetNames(doc);
        var sheets = new Sheets();
        var definedNames = new DefinedNames();
        var marked = doc.Marks.ToLookup(m => (m.Table, m.Row, m.Column));
        for (var t = 0; t < doc.Tables.Count; t++)
        {
            var part = wb.AddNewPart<WorksheetPart>();
            var filter = WriteTable(part, doc, t, marked, (uint)sheets.ChildElements.Count + 1);
            AddSheet(wb, part, sheets, names[t]);
            if (filter is not null)
            {
                definedNames.Append(FilterName(sheets.ChildElements.Count - 1, names[t], filter));
            }
        }

        var findings = wb.AddNewPart<WorksheetPart>();
        var findingsFilter = WriteFindings(findings, doc, names);
        AddSheet(wb, findings, sheets, "findings");
        definedNames.Append(FilterName(sheets.ChildElements.Count - 1, "findings", findingsFilter));
        var document = wb.AddNewPart<WorksheetPart>();
        WriteDocumentSheet(document, doc);
        AddSheet(wb, document, sheets, "document");
        wb.Workbook = new Workbook(new BookViews(new WorkbookView()), sheets, definedNames);
    }

    private static void AddSheet(WorkbookPart wb, WorksheetPart part, Sheets sheets, string name)
    {
        var id = (uint)sheets.ChildElements.Count + 1;
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static DefinedName FilterName(int sheetIndex, string sheet, string range) =>
        new($"{Quote(sheet)}!{Absolute(range)}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)sheetIndex, Hidden = true };

    /// <summary>"01 收支总体情况表": at most 31 characters, none of []:*?/\, unique.</summary>
    private static List<string> SheetNames(PrintedDocument doc)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "findings", "document" };
        var result = new List<string>();
        foreach (var t in doc.Tables)
        {
            var title = Schema.Current.Tables.FirstOrDefault(d => d.table_key == t.TableKey)?.title_zh ?? t.TableKey;
            var name = Clean($"{t.TableNo.ToString("00", CultureInfo.InvariantCulture)} {title}");
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                var suffix = $" ({n})";
                unique = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
            }

            result.Add(unique);
        }

        return result;

        static string Clean(string s)
        {
            var b = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                b.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : c);
            }

            var r = b.ToString().Trim('\'');
            return r.Length > 31 ? r[..31] : r;
        }
    }

    /// <returns>The autofilter's range, or null for an empty table.</returns>
    private static string? WriteTable(WorksheetPart part, PrintedDocument doc, int t, ILookup<(int, int, int), CellMark> marked, uint sheetNo)
    {
        var table = doc.Tables[t];
        var left = table.RowColumns.Count;
        var width = Math.Max(1, left + table.Columns.Count);
        const int headerRow = 3;
        var lastRow = headerRow + table.Rows.Count;
        var comments = new List<(int Row, int Col, string Text)>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = -1; c < table.Columns.Count; c++)
            {
                var marks = marked[(t, r, c)].ToList();
                if (marks.Count > 0)
                {
                    var col = c < 0 ? NameColumn(table) : left + c;
                    comments.Add((headerRow + 1 + r, col, string.Join("\n", marks.Select(m => FindingText(doc.Findings[m.Finding])))));
                }
            }
        }

        var legacy = comments.Count > 0 ? AddComments(part, comments, sheetNo) : null;
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        var frozen = $"{ColumnName(left)}{headerRow + 1}";
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { HorizontalSplit = left > 0 ? left : null, VerticalSplit = headerRow, TopLeftCell = frozen, ActivePane = left > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = left > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft, ActiveCell = frozen, SequenceOfReferences = new ListValue<StringValue> { InnerText = frozen } })
        { WorkbookViewId = 0 }));
        var cols = new Columns();
        for (var c = 0; c < width; c++)
        {
            var w0 = c < left ? table.RowColumns[c] switch { "item_name" or "project_name" => 36, "code_level" => 6, "code" => 12, _ => 16 } : 16;
            cols.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = w0, CustomWidth = true });
        }

        w.WriteElement(cols);
        w.WriteStartElement(new SheetData());
        Row(w, 1, [Str(1, 0, $"表{table.TableNo.ToString(CultureInfo.InvariantCulture)} {table.Title}", StyleTitle)]);
        var unitLine = table.Unit.Length > 0 ? $"单位：{table.Unit}" : string.Empty;
        Row(w, 2, [Str(2, 0, table.Note is { Length: > 0 } note ? $"{unitLine}　备注：{note}".Trim('　') : unitLine, 0)]);
        var header = new List<Cell>();
        for (var c = 0; c < left; c++)
        {
            header.Add(Str(headerRow, c, OutputColumns.RowHeading(table.RowColumns[c]), StyleHeader));
        }

        for (var c = 0; c < table.Columns.Count; c++)
        {
            var label = table.Unit.Length > 0 ? $"{table.Columns[c].Label}（{table.Unit}）" : table.Columns[c].Label;
            header.Add(Str(headerRow, left + c, label, StyleHeader));
        }

        Row(w, headerRow, header);
        var cells = new List<Cell>(width);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var rowNo = headerRow + 1 + r;
            var row = table.Rows[r];
            cells.Clear();
            var rowMarked = marked.Contains((t, r, -1));
            for (var c = 0; c < left; c++)
            {
                var marked0 = rowMarked && c == NameColumn(table);
                if (row.Names[c].Length > 0 || marked0)
                {
                    cells.Add(Str(rowNo, c, row.Names[c], marked0 ? StyleTextMarked : StyleText));
                }
            }

            for (var c = 0; c < row.Cells.Length; c++)
            {
                if (row.Cells[c] is { } cell)
                {
                    var style = (marked.Contains((t, r, c)) ? StyleAmountMarked : StyleAmount) + (uint)Math.Min(cell.Scale, MaxScale);
                    cells.Add(Num(rowNo, left + c, cell.Amount, style));
                }
            }

            Row(w, rowNo, cells);
        }

        w.WriteEndElement();
        string? filter = null;
        if (table.Rows.Count > 0)
        {
            filter = $"A{headerRow}:{ColumnName(width - 1)}{lastRow}";
            w.WriteElement(new AutoFilter { Reference = filter });
        }

        if (legacy is not null)
        {
            w.WriteElement(new LegacyDrawing { Id = legacy });
        }

        w.WriteEndElement();
        return filter;
    }

    /// <summary>The column where a finding on a whole row is shown: the item name, else the first.</summary>
    private static int NameColumn(PrintedTable table) => Math.Max(0, table.RowColumns.ToList().IndexOf("item_name"));

    private static string FindingText(FindingRow f) => $"{f.severity} {f.check}: {f.message}";

    /// <returns>The autofilter's range.</returns>
    private static string WriteFindings(WorksheetPart part, PrintedDocument doc, List<string> sheetNames)
    {
        var fields = RowFields.For(typeof(FindingRow));
        var types = fields.Names.Select(n => OutputColumns.Of("findings", n, typeof(FindingRow).GetProperty(n)!.PropertyType)).ToArray();
        var cellAt = new Dictionary<int, string>();
        foreach (var m in doc.Marks)
        {
            var table = doc.Tables[m.Table];
            var col = m.Column < 0 ? NameColumn(table) : table.RowColumns.Count + m.Column;
            cellAt.TryAdd(m.Finding, $"{Quote(sheetNames[m.Table])}!{ColumnName(col)}{4 + m.Row}");
        }

        var width = fields.Names.Count + 1;
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(FrozenHeader());
        var cols = new Columns();
        for (var c = 0; c < width; c++)
        {
            cols.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = c == width - 1 || fields.Names[c] == "message" ? (c == width - 1 ? 28 : 80) : 14, CustomWidth = true });
        }

        w.WriteElement(cols);
        w.WriteStartElement(new SheetData());
        Row(w, 1, fields.Names.Select((n, c) => Str(1, c, n, StyleHeader)).Append(Str(1, fields.Names.Count, "cell", StyleHeader)).ToList());
        var links = new Hyperlinks();
        for (var i = 0; i < doc.Findings.Count; i++)
        {
            var rowNo = i + 2;
            var f = doc.Findings[i];
            var cells = new List<Cell>(width);
            for (var c = 0; c < fields.Names.Count; c++)
            {
                if (Typed(rowNo, c, types[c], fields.Getters[c](f)) is { } cell)
                {
                    cells.Add(cell);
                }
            }

            if (cellAt.TryGetValue(i, out var target))
            {
                var at = $"{ColumnName(fields.Names.Count)}{rowNo}";
                cells.Add(Str(rowNo, fields.Names.Count, target, StyleLink));
                links.Append(new Hyperlink { Reference = at, Location = target, Display = target });
            }

            Row(w, rowNo, cells);
        }

        w.WriteEndElement();
        var filter = $"A1:{ColumnName(width - 1)}{doc.Findings.Count + 1}";
        w.WriteElement(new AutoFilter { Reference = filter });
        if (links.HasChildren)
        {
            w.WriteElement(links);
        }

        w.WriteEndElement();
        return filter;
    }

    private static void WriteDocumentSheet(WorksheetPart part, PrintedDocument doc)
    {
        var fields = RowFields.For(typeof(DocumentRow));
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new Columns(new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 80, CustomWidth = true }));
        w.WriteStartElement(new SheetData());
        Row(w, 1, [Str(1, 0, "field", StyleHeader), Str(1, 1, "value", StyleHeader)]);
        for (var i = 0; i < fields.Names.Count; i++)
        {
            var name = fields.Names[i];
            var type = OutputColumns.Of("documents", name, typeof(DocumentRow).GetProperty(name)!.PropertyType);
            var cells = new List<Cell> { Str(i + 2, 0, name, StyleText) };
            if (Typed(i + 2, 1, type, fields.Getters[i](doc.Document)) is { } value)
            {
                cells.Add(value);
            }

            Row(w, i + 2, cells);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    { WorkbookViewId = 0 });

    /// <summary>A cell of a long-table column: numbers for integers and decimals that parse, text otherwise.</summary>
    private static Cell? Typed(int row, int col, ColumnType type, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        return type.Kind switch
        {
            ColumnKind.Integer when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => Num(row, col, value, StyleInteger),
            ColumnKind.Decimal when decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) =>
                Num(row, col, value, StyleAmount + (uint)Math.Min(new PrintedCell(value, string.Empty, string.Empty).Scale, MaxScale)),
            _ => Str(row, col, value, StyleText),
        };
    }

    private static void Row(OpenXmlWriter w, int rowNo, IEnumerable<Cell> cells)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)rowNo });
        foreach (var c in cells)
        {
            w.WriteElement(c);
        }

        w.WriteEndElement();
    }

    private static Cell Str(int row, int col, string text, uint style)
    {
        var safe = XmlSafe(text);
        return new Cell
        {
            CellReference = ColumnName(col) + row.ToString(CultureInfo.InvariantCulture),
            DataType = CellValues.InlineString,
            StyleIndex = style == 0 ? null : style,
            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(safe) { Space = safe.Length > 0 && (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1])) ? SpaceProcessingModeValues.Preserve : null }),
        };
    }

    private static Cell Num(int row, int col, string invariantNumber, uint style) => new()
    {
        CellReference = ColumnName(col) + row.ToString(CultureInfo.InvariantCulture),
        StyleIndex = style,
        CellValue = new CellValue(invariantNumber),
    };

    /// <summary>Characters XML 1.0 cannot hold become U+FFFD; text longer than a cell holds is cut.</summary>
    private static string XmlSafe(string s)
    {
        if (s.Length > MaxCellText)
        {
            s = s[..MaxCellText];
        }

        foreach (var c in s)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
            {
                return string.Create(s.Length, s, (span, src) =>
                {
                    for (var i = 0; i < src.Length; i++)
                    {
                        span[i] = src[i] < 0x20 && src[i] is not ('\t' or '\n' or '\r') || src[i] is '\uFFFE' or '\uFFFF' ? '\uFFFD' : src[i];
                    }
                });
            }
        }

        return s;
    }

    /// <summary>A, B, … Z, AA … for a 0-based column.</summary>
    public static string ColumnName(int col)
    {
        var s = string.Empty;
        for (var n = col + 1; n > 0; n = (n - 1) / 26)
        {
            s = (char)('A' + ((n - 1) % 26)) + s;
        }

        return s;
    }

    private static string Quote(string sheet) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r =>
        {
            var i = r.IndexOfAny("0123456789".ToCharArray());
            return $"${r[..i]}${r[i..]}";
        }));

    /// <summary>The comments part, and the legacy VML drawing Excel needs to show them; returns the drawing's id.</summary>
    private static string AddComments(WorksheetPart part, List<(int Row, int Col, string Text)> comments, uint sheetNo)
    {
        var commentsPart = part.AddNewPart<WorksheetCommentsPart>();
        var list = new CommentList();
        foreach (var (row, col, text) in comments)
        {
            list.Append(new Comment(new CommentText(new Run(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Reference = ColumnName(col) + row.ToString(CultureInfo.InvariantCulture),
                AuthorId = 0,
            });
        }

        commentsPart.Comments = new Comments(new Authors(new Author("DisclosureExtract")), list);
        var vml = part.AddNewPart<VmlDrawingPart>();
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{sheetNo}\"/></o:shapelayout>");
        xml.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        var n = 0;
        foreach (var (row, col, _) in comments)
        {
            var id = (sheetNo * 1024) + 1 + (uint)n++;
            xml.Append(CultureInfo.InvariantCulture, $"<v:shape id=\"_x0000_s{id}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:80pt;z-index:{n};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
            xml.Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
            xml.Append(CultureInfo.InvariantCulture, $"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{col + 1}, 15, {Math.Max(0, row - 2)}, 2, {col + 4}, 15, {row + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>");
        }

        xml.Append("</xml>");
        using (var s = vml.GetStream(FileMode.Create))
        {
            var bytes = Encoding.UTF8.GetBytes(xml.ToString());
            s.Write(bytes);
        }

        return part.GetIdOfPart(vml);
    }

    private static Stylesheet Styles()
    {
        var numFmts = new NumberingFormats();
        for (var s = 0; s <= MaxScale; s++)
        {
            numFmts.Append(new NumberingFormat { NumberFormatId = (uint)(164 + s), FormatCode = s == 0 ? "#,##0" : "#,##0." + new string('0', s) });
        }

        numFmts.Count = (uint)numFmts.ChildElements.Count;
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Underline(), new Color { Rgb = "FF0563C1" }, new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 3 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFC7CE" }) { PatternType = PatternValues.Solid }))
        { Count = 4 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 };
        var xfs = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center }) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 49, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
            new CellFormat { NumberFormatId = 49, BorderId = 1, FillId = 3, ApplyNumberFormat = true, ApplyBorder = true, ApplyFill = true });
        for (var s = 0; s <= MaxScale; s++)
        {
            xfs.Append(new CellFormat { NumberFormatId = (uint)(164 + s), BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true });
        }

        for (var s = 0; s <= MaxScale; s++)
        {
            xfs.Append(new CellFormat { NumberFormatId = (uint)(164 + s), BorderId = 1, FillId = 3, ApplyNumberFormat = true, ApplyBorder = true, ApplyFill = true });
        }

        xfs.Append(new CellFormat { NumberFormatId = 1, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true });
        xfs.Append(new CellFormat { FontId = 2, ApplyFont = true });
        xfs.Count = (uint)xfs.ChildElements.Count;
        return new Stylesheet(numFmts, fonts, fills, borders, new CellStyleFormats(new CellFormat()) { Count = 1 }, xfs);
    }
}
