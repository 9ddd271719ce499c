using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DisclosureExtract.Export;

/// <summary>
/// xlsx/&lt;document_id&gt;.xlsx: a sheet per table laid out as printed (title, unit, header row; codes as text; amounts
/// as numbers with their printed decimals; frozen panes under the header and beside the row names; an autofilter),
/// the culprit cells of findings filled red with the finding as a cell comment, a <c>findings</c> sheet (one row per
/// findings.csv row, linked to its cell) and a <c>document</c> sheet (the documents.csv row).
/// </summary>
/// <remarks>
/// SpreadsheetML is written directly into a zip (System.IO.Compression, fastest deflate): the Open XML SDK's streaming
/// writer took ~3.8 ms a document, more than converting a text document, this ~0.3 ms. The tests open every workbook
/// with the Open XML SDK and run its schema validator on it, and LibreOffice opens it (README).
/// Cells are inline strings and numbers, so there is no shared-string table to build. The zip's entry times are fixed,
/// so the same document gives the same bytes.
/// </remarks>
internal static class XlsxOutput
{
    public const string Folder = "xlsx";

    private const int StyleTitle = 1;
    private const int StyleHeader = 2;
    private const int StyleText = 3;
    private const int StyleTextMarked = 4;
    private const int StyleAmount = 5;
    private const int StyleAmountMarked = 12;
    private const int StyleInteger = 19;
    private const int StyleLink = 20;
    private const int MaxScale = 6;
    private const int MaxCellText = 32767;
    private const int HeaderRow = 3;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(Stream stream, PrintedDocument doc) => Write(stream, doc, new StringBuilder(64 * 1024));

    /// <param name="stream">Where the workbook goes.</param>
    /// <param name="doc">The document as printed.</param>
    /// <param name="b">Scratch text, cleared before each part (a batch's writer reuses one builder).</param>
    public static void Write(Stream stream, PrintedDocument doc, StringBuilder b) => Write(stream, doc, b, new Utf8Buffer());

    /// <param name="stream">Where the workbook goes.</param>
    /// <param name="doc">The document as printed.</param>
    /// <param name="b">Scratch text, cleared before each part (a batch's writer reuses one builder).</param>
    /// <param name="bytes">Scratch bytes each part is encoded into before it is compressed (a batch's writer reuses one).</param>
    internal static void Write(Stream stream, PrintedDocument doc, StringBuilder b, Utf8Buffer bytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(b);
        b.Clear();
        var names = SheetNames(doc);
        var marked = Marks(doc);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Utf8);
        var sheetCount = doc.Tables.Count + 2;
        var filters = new List<(int Sheet, string Range)>();
        var withComments = new List<int>();
        for (var t = 0; t < doc.Tables.Count; t++)
        {
            var comments = Comments(doc, t, marked);
            var sheetNo = t + 1;
            if (comments.Count > 0)
            {
                withComments.Add(sheetNo);
                Entry(zip, bytes, $"xl/comments{sheetNo}.xml", CommentsXml(b, comments));
                Entry(zip, bytes, $"xl/drawings/vmlDrawing{sheetNo}.vml", VmlXml(b, comments, sheetNo));
                Entry(zip, bytes, $"xl/worksheets/_rels/sheet{sheetNo}.xml.rels", Relationships(b,
                    ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments", $"../comments{sheetNo}.xml"),
                    ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing", $"../drawings/vmlDrawing{sheetNo}.vml")));
            }

            if (TableSheet(b, doc, t, marked, comments.Count > 0) is { } filter)
            {
                filters.Add((t, filter));
            }

            Entry(zip, bytes, $"xl/worksheets/sheet{sheetNo}.xml", b);
        }

        filters.Add((doc.Tables.Count, FindingsSheet(b, doc, names)));
        Entry(zip, bytes, $"xl/worksheets/sheet{doc.Tables.Count + 1}.xml", b);
        DocumentSheet(b, doc);
        Entry(zip, bytes, $"xl/worksheets/sheet{sheetCount}.xml", b);

        b.Clear().Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"").Append(Main).Append("\" xmlns:r=\"").Append(RelNs).Append("\"><bookViews><workbookView/></bookViews><sheets>");
        for (var s = 0; s < sheetCount; s++)
        {
            b.Append("<sheet name=\"");
            Escape(b, names[s]);
            b.Append(CultureInfo.InvariantCulture, $"\" sheetId=\"{s + 1}\" r:id=\"rId{s + 1}\"/>");
        }

        b.Append("</sheets><definedNames>");
        foreach (var (sheet, range) in filters)
        {
            b.Append(CultureInfo.InvariantCulture, $"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{sheet}\" hidden=\"1\">");
            Escape(b, $"{Quote(names[sheet])}!{Absolute(range)}");
            b.Append("</definedName>");
        }

        b.Append("</definedNames></workbook>");
        Entry(zip, bytes, "xl/workbook.xml", b);
        var rels = Enumerable.Range(1, sheetCount)
            .Select(s => ($"rId{s}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{s}.xml"))
            .Append(($"rId{sheetCount + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")).ToArray();
        Entry(zip, bytes, "xl/_rels/workbook.xml.rels", Relationships(b, rels));
        Entry(zip, bytes, "xl/styles.xml", b.Clear().Append(Styles));
        Entry(zip, bytes, "_rels/.rels", Relationships(b, ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")));
        b.Clear().Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>")
            .Append("<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>")
            .Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
            .Append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (var s = 1; s <= sheetCount; s++)
        {
            b.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{s}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        foreach (var s in withComments)
        {
            b.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/comments{s}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>");
        }

        b.Append("</Types>");
        Entry(zip, bytes, "[Content_Types].xml", b);
    }

    private static Dictionary<(int Table, int Row, int Column), List<int>> Marks(PrintedDocument doc)
    {
        var marked = new Dictionary<(int, int, int), List<int>>();
        foreach (var m in doc.Marks)
        {
            if (!marked.TryGetValue((m.Table, m.Row, m.Column), out var list))
            {
                marked[(m.Table, m.Row, m.Column)] = list = [];
            }

            list.Add(m.Finding);
        }

        return marked;
    }

    /// <remarks>The text reaches the compressor in one write, encoded into the writer's reused buffer, whatever the
    /// builder's chunks: the compressed bytes depended on where those fell (a builder reused across documents has them
    /// where its earlier documents left them), so the same workbook came out a byte longer or shorter from one batch to
    /// the next. (A <see cref="StreamWriter"/> per entry cleared ~320 KB of fresh buffers for each of a workbook's ~20
    /// entries: 7% of a text batch's time.)</remarks>
    internal static void Entry(ZipArchive zip, Utf8Buffer bytes, string name, StringBuilder content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        bytes.Clear();
        bytes.Append(content);
        using var s = entry.Open();
        s.Write(bytes.Written.Span);
    }

    private static StringBuilder Relationships(StringBuilder b, params (string Id, string Type, string Target)[] rels)
    {
        b.Clear().Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"").Append(PackageRels).Append("\">");
        foreach (var (id, type, target) in rels)
        {
            b.Append("<Relationship Id=\"").Append(id).Append("\" Type=\"").Append(type).Append("\" Target=\"").Append(target).Append("\"/>");
        }

        return b.Append("</Relationships>");
    }

    /// <summary>"01 收支总体情况表" for each table, then "findings" and "document": at most 31 characters, none of
    /// []:*?/\, unique.</summary>
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

        result.Add("findings");
        result.Add("document");
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

    private static List<(int Row, int Col, string Text)> Comments(PrintedDocument doc, int t, Dictionary<(int, int, int), List<int>> marked)
    {
        var comments = new List<(int, int, string)>();
        var table = doc.Tables[t];
        foreach (var ((mt, r, c), findings) in marked.OrderBy(m => m.Key.Item2).ThenBy(m => m.Key.Item3))
        {
            if (mt == t)
            {
                var col = c < 0 ? NameColumn(table) : table.RowColumns.Count + c;
                comments.Add((HeaderRow + 1 + r, col, string.Join("\n", findings.Select(i => FindingText(doc.Findings[i])))));
            }
        }

        return comments;
    }

    /// <returns>The autofilter's range, or null for an empty table.</returns>
    private static string? TableSheet(StringBuilder b, PrintedDocument doc, int t, Dictionary<(int, int, int), List<int>> marked, bool comments)
    {
        var table = doc.Tables[t];
        var left = table.RowColumns.Count;
        var width = Math.Max(1, left + table.Columns.Count);
        var nameColumn = NameColumn(table);
        SheetStart(b);
        var frozen = $"{ColumnName(left)}{HeaderRow + 1}";
        var pane = left > 0 ? "bottomRight" : "bottomLeft";
        b.Append("<sheetViews><sheetView workbookViewId=\"0\"><pane ");
        if (left > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"xSplit=\"{left}\" ");
        }

        b.Append(CultureInfo.InvariantCulture, $"ySplit=\"{HeaderRow}\" topLeftCell=\"{frozen}\" activePane=\"{pane}\" state=\"frozen\"/><selection pane=\"{pane}\" activeCell=\"{frozen}\" sqref=\"{frozen}\"/></sheetView></sheetViews><cols>");
        for (var c = 0; c < width; c++)
        {
            var w = c < left ? table.RowColumns[c] switch { "item_name" or "project_name" => 36, "code_level" => 6, "code" => 12, _ => 16 } : 16;
            b.Append(CultureInfo.InvariantCulture, $"<col min=\"{c + 1}\" max=\"{c + 1}\" width=\"{w}\" customWidth=\"1\"/>");
        }

        b.Append("</cols><sheetData>");
        b.Append("<row r=\"1\">");
        Str(b, 1, 0, $"表{table.TableNo.ToString(CultureInfo.InvariantCulture)} {table.Title}", StyleTitle);
        b.Append("</row><row r=\"2\">");
        var unitLine = table.Unit.Length > 0 ? $"单位：{table.Unit}" : string.Empty;
        Str(b, 2, 0, table.Note is { Length: > 0 } note ? $"{unitLine}　备注：{note}".Trim('　') : unitLine, 0);
        b.Append(CultureInfo.InvariantCulture, $"</row><row r=\"{HeaderRow}\">");
        for (var c = 0; c < left; c++)
        {
            Str(b, HeaderRow, c, OutputColumns.RowHeading(table.RowColumns[c]), StyleHeader);
        }

        for (var c = 0; c < table.Columns.Count; c++)
        {
            Str(b, HeaderRow, left + c, table.Unit.Length > 0 ? $"{table.Columns[c].Label}（{table.Unit}）" : table.Columns[c].Label, StyleHeader);
        }

        b.Append("</row>");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var rowNo = HeaderRow + 1 + r;
            var row = table.Rows[r];
            b.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNo}\">");
            var rowMarked = marked.ContainsKey((t, r, -1));
            for (var c = 0; c < left; c++)
            {
                var isMarked = rowMarked && c == nameColumn;
                if (row.Names[c].Length > 0 || isMarked)
                {
                    Str(b, rowNo, c, row.Names[c], isMarked ? StyleTextMarked : StyleText);
                }
            }

            for (var c = 0; c < row.Cells.Length; c++)
            {
                if (row.Cells[c] is { } cell)
                {
                    var style = (marked.ContainsKey((t, r, c)) ? StyleAmountMarked : StyleAmount) + Math.Min(cell.Scale, MaxScale);
                    Num(b, rowNo, left + c, cell.Amount, style);
                }
            }

            b.Append("</row>");
        }

        b.Append("</sheetData>");
        string? filter = null;
        if (table.Rows.Count > 0)
        {
            filter = $"A{HeaderRow}:{ColumnName(width - 1)}{HeaderRow + table.Rows.Count}";
            b.Append("<autoFilter ref=\"").Append(filter).Append("\"/>");
        }

        if (comments)
        {
            b.Append("<legacyDrawing r:id=\"rId2\"/>");
        }

        b.Append("</worksheet>");
        return filter;
    }

    /// <summary>The column where a finding on a whole row is shown: the item name, else the first.</summary>
    private static int NameColumn(PrintedTable table)
    {
        for (var i = 0; i < table.RowColumns.Count; i++)
        {
            if (table.RowColumns[i] == "item_name")
            {
                return i;
            }
        }

        return 0;
    }

    private static string FindingText(FindingRow f) => $"{f.severity} {f.check}: {f.message}";

    /// <returns>The autofilter's range.</returns>
    private static string FindingsSheet(StringBuilder b, PrintedDocument doc, List<string> sheetNames)
    {
        var fields = RowFields.For<FindingRow>();
        var types = fields.Names.Select(n => OutputColumns.Of("findings", n, typeof(FindingRow).GetProperty(n)!.PropertyType)).ToArray();
        var cellAt = new Dictionary<int, string>();
        foreach (var m in doc.Marks)
        {
            var table = doc.Tables[m.Table];
            var col = m.Column < 0 ? NameColumn(table) : table.RowColumns.Count + m.Column;
            cellAt.TryAdd(m.Finding, $"{Quote(sheetNames[m.Table])}!{ColumnName(col)}{HeaderRow + 1 + m.Row}");
        }

        var width = fields.Names.Count + 1;
        SheetStart(b);
        b.Append(FrozenHeader).Append("<cols>");
        for (var c = 0; c < width; c++)
        {
            var w = c == width - 1 ? 30 : fields.Names[c] == "message" ? 80 : 14;
            b.Append(CultureInfo.InvariantCulture, $"<col min=\"{c + 1}\" max=\"{c + 1}\" width=\"{w}\" customWidth=\"1\"/>");
        }

        b.Append("</cols><sheetData><row r=\"1\">");
        for (var c = 0; c < fields.Names.Count; c++)
        {
            Str(b, 1, c, fields.Names[c], StyleHeader);
        }

        Str(b, 1, fields.Names.Count, "cell", StyleHeader);
        b.Append("</row>");
        var links = new List<(string At, string Target)>();
        for (var i = 0; i < doc.Findings.Count; i++)
        {
            var rowNo = i + 2;
            var f = doc.Findings[i];
            b.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNo}\">");
            for (var c = 0; c < fields.Names.Count; c++)
            {
                Typed(b, rowNo, c, types[c], fields.Getters[c](f));
            }

            if (cellAt.TryGetValue(i, out var target))
            {
                Str(b, rowNo, fields.Names.Count, target, StyleLink);
                links.Add(($"{ColumnName(fields.Names.Count)}{rowNo}", target));
            }

            b.Append("</row>");
        }

        var filter = $"A1:{ColumnName(width - 1)}{doc.Findings.Count + 1}";
        b.Append("</sheetData><autoFilter ref=\"").Append(filter).Append("\"/>");
        if (links.Count > 0)
        {
            b.Append("<hyperlinks>");
            foreach (var (at, target) in links)
            {
                b.Append("<hyperlink ref=\"").Append(at).Append("\" location=\"");
                Escape(b, target);
                b.Append("\" display=\"");
                Escape(b, target);
                b.Append("\"/>");
            }

            b.Append("</hyperlinks>");
        }

        b.Append("</worksheet>");
        return filter;
    }

    private static void DocumentSheet(StringBuilder b, PrintedDocument doc)
    {
        var fields = RowFields.For<DocumentRow>();
        SheetStart(b);
        b.Append(FrozenHeader).Append("<cols><col min=\"1\" max=\"1\" width=\"24\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"80\" customWidth=\"1\"/></cols><sheetData><row r=\"1\">");
        Str(b, 1, 0, "field", StyleHeader);
        Str(b, 1, 1, "value", StyleHeader);
        b.Append("</row>");
        for (var i = 0; i < fields.Names.Count; i++)
        {
            var name = fields.Names[i];
            var type = OutputColumns.Of("documents", name, typeof(DocumentRow).GetProperty(name)!.PropertyType);
            b.Append(CultureInfo.InvariantCulture, $"<row r=\"{i + 2}\">");
            Str(b, i + 2, 0, name, StyleText);
            Typed(b, i + 2, 1, type, fields.Getters[i](doc.Document));
            b.Append("</row>");
        }

        b.Append("</sheetData></worksheet>");
    }

    private static void SheetStart(StringBuilder b) =>
        b.Clear().Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"").Append(Main).Append("\" xmlns:r=\"").Append(RelNs).Append("\">");

    private const string FrozenHeader = "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>";

    /// <summary>A cell of a long-table column: a number for integers and decimals that parse, else text; nothing when empty.</summary>
    private static void Typed(StringBuilder b, int row, int col, ColumnType type, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        switch (type.Kind)
        {
            case ColumnKind.Integer when LongCsv.TryInteger(value, out _):
                Num(b, row, col, value, StyleInteger);
                break;
            case ColumnKind.Decimal when LongCsv.TryDecimal(value, out _):
                Num(b, row, col, value, StyleAmount + Math.Min(LongCsv.ScaleOf(value), MaxScale));
                break;
            default:
                Str(b, row, col, value, StyleText);
                break;
        }
    }

    private static void Str(StringBuilder b, int row, int col, string text, int style)
    {
        b.Append("<c r=\"").Append(ColumnName(col)).Append(row);
        if (style != 0)
        {
            b.Append("\" s=\"").Append(style);
        }

        b.Append("\" t=\"inlineStr\"><is><t");
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            b.Append(" xml:space=\"preserve\"");
        }

        b.Append('>');
        Escape(b, text.Length > MaxCellText ? text[..MaxCellText] : text);
        b.Append("</t></is></c>");
    }

    private static void Num(StringBuilder b, int row, int col, string invariantNumber, int style) =>
        b.Append("<c r=\"").Append(ColumnName(col)).Append(row).Append("\" s=\"").Append(style).Append("\"><v>").Append(invariantNumber).Append("</v></c>");

    /// <summary>XML text: &amp; &lt; &gt; &quot; escaped; characters XML 1.0 cannot hold become U+FFFD.</summary>
    private static void Escape(StringBuilder b, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': b.Append("&amp;"); break;
                case '<': b.Append("&lt;"); break;
                case '>': b.Append("&gt;"); break;
                case '"': b.Append("&quot;"); break;
                case '\r': b.Append("&#13;"); break;
                case '\t' or '\n': b.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': b.Append('\uFFFD'); break;
                default: b.Append(c); break;
            }
        }
    }

    /// <summary>A, B, … Z, AA … for a 0-based column.</summary>
    public static string ColumnName(int col) => col < 26 ? Letters[col] : ColumnName((col / 26) - 1) + Letters[col % 26];

    private static readonly string[] Letters = Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString()).ToArray();

    private static string Quote(string sheet) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r =>
        {
            var i = r.AsSpan().IndexOfAnyInRange('0', '9');
            return $"${r[..i]}${r[i..]}";
        }));

    private static StringBuilder CommentsXml(StringBuilder b, List<(int Row, int Col, string Text)> comments)
    {
        b.Clear().Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<comments xmlns=\"").Append(Main).Append("\"><authors><author>DisclosureExtract</author></authors><commentList>");
        foreach (var (row, col, text) in comments)
        {
            b.Append("<comment ref=\"").Append(ColumnName(col)).Append(row).Append("\" authorId=\"0\"><text><r><t xml:space=\"preserve\">");
            Escape(b, text);
            b.Append("</t></r></text></comment>");
        }

        return b.Append("</commentList></comments>");
    }

    /// <summary>The legacy VML drawing Excel needs to show comments (hidden notes anchored beside their cells).</summary>
    private static StringBuilder VmlXml(StringBuilder b, List<(int Row, int Col, string Text)> comments, int sheetNo)
    {
        b.Clear().Append(CultureInfo.InvariantCulture, $"<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{sheetNo}\"/></o:shapelayout>");
        b.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        var n = 0;
        foreach (var (row, col, _) in comments)
        {
            n++;
            b.Append(CultureInfo.InvariantCulture, $"<v:shape id=\"_x0000_s{(sheetNo * 1024) + n}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:80pt;z-index:{n};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
            b.Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
            b.Append(CultureInfo.InvariantCulture, $"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{col + 1}, 15, {Math.Max(0, row - 2)}, 2, {col + 4}, 15, {row + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>");
        }

        return b.Append("</xml>");
    }

    /// <summary>Fonts (plain, bold, link), fills (none, gray125, header grey, culprit red), borders (none, thin), number
    /// formats #,##0 … #,##0.000000 (164-170) and the cell styles the constants above name.</summary>
    private static readonly string Styles = BuildStyles();

    private static string BuildStyles()
    {
        var b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + Main + "\">");
        b.Append(CultureInfo.InvariantCulture, $"<numFmts count=\"{MaxScale + 1}\">");
        for (var s = 0; s <= MaxScale; s++)
        {
            b.Append(CultureInfo.InvariantCulture, $"<numFmt numFmtId=\"{164 + s}\" formatCode=\"{(s == 0 ? "#,##0" : "#,##0." + new string('0', s))}\"/>");
        }

        b.Append("</numFmts><fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font><font><u/><sz val=\"11\"/><color rgb=\"FF0563C1\"/><name val=\"Calibri\"/></font></fonts>");
        b.Append("<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/></patternFill></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFF7875\"/></patternFill></fill></fills>");
        b.Append("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>");
        b.Append("<cellStyleXfs count=\"1\"><xf/></cellStyleXfs>");
        var xfs = new List<string>
        {
            "<xf/>",
            "<xf fontId=\"1\" applyFont=\"1\"/>",
            "<xf fontId=\"1\" fillId=\"2\" borderId=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>",
            "<xf numFmtId=\"49\" borderId=\"1\" applyNumberFormat=\"1\" applyBorder=\"1\"/>",
            "<xf numFmtId=\"49\" fillId=\"3\" borderId=\"1\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>",
        };
        for (var s = 0; s <= MaxScale; s++)
        {
            xfs.Add(FormattableString.Invariant($"<xf numFmtId=\"{164 + s}\" borderId=\"1\" applyNumberFormat=\"1\" applyBorder=\"1\"/>"));
        }

        for (var s = 0; s <= MaxScale; s++)
        {
            xfs.Add(FormattableString.Invariant($"<xf numFmtId=\"{164 + s}\" fillId=\"3\" borderId=\"1\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"));
        }

        xfs.Add("<xf numFmtId=\"1\" borderId=\"1\" applyNumberFormat=\"1\" applyBorder=\"1\"/>");
        xfs.Add("<xf fontId=\"2\" applyFont=\"1\"/>");
        b.Append(CultureInfo.InvariantCulture, $"<cellXfs count=\"{xfs.Count}\">").AppendJoin(string.Empty, xfs).Append("</cellXfs>");
        b.Append("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        return b.ToString();
    }
}
