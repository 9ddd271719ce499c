using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// Reads a table's lines into rows (layer 1: segmentation and row assembly). Works on flattened text (one row per
/// line, wrapped names, split numbers, page numbers, repeated headers) and on lines whose reader knew the cells.
/// </summary>
internal static class TableBodyReader
{
    /// <param name="doc">The document.</param>
    /// <param name="seg">The table's lines.</param>
    /// <param name="scratch">Scratch lists for the tokens and cells of one line at a time.</param>
    public static TableBody Read(SourceDocument doc, TableSegment seg, DisclosureCatalog catalog, TableScratch scratch)
    {
        var tokens = scratch.Tokens;
        var squeezeBuffer = scratch.LineBuffer;
        var body = new TableBody();
        var noteOpen = false;
        RawRow? current = null;
        for (var i = seg.BodyStart; i < seg.End; i++)
        {
            var line = doc.Lines[i];
            var norm = line.Norm;
            if (norm.Length == 0)
            {
                continue;
            }

            var squeezed = LineSyntax.Squeeze(norm, ref squeezeBuffer);
            if (noteOpen || LineSyntax.IsNoteStart(squeezed))
            {
                body.NoteParts.Add(line.Text.Trim());
                noteOpen = !norm.EndsWith('。');
                continue;
            }

            if (LineSyntax.Unit(norm) is { } unit)
            {
                body.Unit ??= unit;
            }

            if (LineSyntax.IsUnitLine(norm, squeezed) || LineSyntax.IsPageNumber(norm))
            {
                continue;
            }

            if (line.Cells is { Count: > 0 } cells && (cells.Count > 1 || cells[0].Column is not null))
            {
                current = null;
                ReadCells(seg.Kind, catalog, line, cells, body, scratch);
                continue;
            }

            current = seg.Kind.Shape switch
            {
                TableShape.TwoSided => ReadTwoSidedText(line, body, current, scratch),
                TableShape.Named => ReadNamedText(line, body, current, tokens, seg.Rows),
                _ => ReadCodedText(seg.Kind, line, body, current, tokens),
            };
        }

        FinishSplitNumbers(body);
        if (body.BlockStarts.Count > 1)
        {
            // blocks side by side: the rows of each block in printed order, block after block
            var ordered = body.Rows.OrderBy(r => r.Block).ToList();
            body.Rows.Clear();
            body.Rows.AddRange(ordered);
        }

        if (body.Rows.Count == 0 && body.PendingHeader.Count > 0)
        {
            RowMap(seg.Kind, catalog, body); // a table with a header and no rows: its columns all the same
        }

        return body;
    }

    // ---------------------------------------------------------------- flattened text, coded rows

    private static RawRow? ReadCodedText(TableKind kind, DocLine line, TableBody body, RawRow? current, List<Tok> tokens)
    {
        var toks = LineSyntax.Tokenize(line.Text, tokens);
        if (toks.Count == 0 || LineSyntax.IsColumnNumberRow(toks))
        {
            return current;
        }

        // the amount pattern once per token: whether all are amounts, and where the first one is
        var allAmounts = true;
        var firstAmount = toks.Count;
        for (var i = 0; i < toks.Count; i++)
        {
            var isAmount = LineSyntax.IsAmount(toks[i].Folded);
            allAmounts &= isAmount;
            if (isAmount && firstAmount == toks.Count)
            {
                firstAmount = i;
            }
        }

        var code = LineSyntax.CodeTokens(toks) is { } found && kind.IsPlausibleCode(found.Code) ? found : ((string Code, int Consumed)?)null;
        var awaiting = current is { HasAmounts: false };
        var codeLine = code is { } c && (!allAmounts || (c.Consumed == toks.Count && (toks.Count > 1 || !awaiting) && !toks.Exists(t => t.Folded.Contains('.', StringComparison.Ordinal))));
        if (codeLine)
        {
            var row = new RawRow(line.Index) { Code = code!.Value.Code };
            AddTail(row, toks, code.Value.Consumed, line.Index, true);
            body.Rows.Add(row);
            return row;
        }

        if (TotalLabel(toks, firstAmount) is { } totalLabel)
        {
            var row = new RawRow(line.Index) { IsTotal = true };
            row.Texts.Add(totalLabel);
            for (var i = firstAmount; i < toks.Count; i++)
            {
                if (LineSyntax.Amount(toks[i].Folded, line.Index) is { } a)
                {
                    row.Amounts.Add(a);
                }
            }

            body.Rows.Add(row);
            return row;
        }

        if (allAmounts)
        {
            if (current is null)
            {
                return null;
            }

            if (current.HasAmounts && toks.Count == 1 && !toks[0].Folded.Contains('.', StringComparison.Ordinal)
                && !(toks[0].Folded.Length == 1 && LineSyntax.Decimals(current.Amounts[^1].Text) == 1))
            {
                return current; // a lone page number after a complete row
            }

            foreach (var t in toks)
            {
                current.Amounts.Add(LineSyntax.Amount(t.Folded, line.Index)!);
            }

            return current;
        }

        if (current is { HasAmounts: false } || (current is not null && OpensBracket(current.JoinedText)))
        {
            AddTail(current, toks, 0, line.Index, false);
            return current;
        }

        if (body.Rows.Count == 0)
        {
            body.HeaderLines.Add(line.Index);
        }

        return current; // a repeated header or other text between rows
    }

    /// <summary>The text of the first <paramref name="end"/> tokens (folded, without white space) when it is a 合计 label; null otherwise.</summary>
    private static string? TotalLabel(List<Tok> toks, int end)
    {
        var length = 0;
        for (var i = 0; i < end; i++)
        {
            length += toks[i].Folded.Length;
        }

        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var n = 0;
        for (var i = 0; i < end; i++)
        {
            foreach (var c in toks[i].Folded)
            {
                if (!Text.TextNormalizer.IsRemovedWhiteSpace(c))
                {
                    buffer[n++] = c;
                }
            }
        }

        return buffer[..n] switch
        {
            "合计" => "合计",
            "总计" => "总计",
            "本年合计" => "本年合计",
            _ => null,
        };
    }

    /// <summary>The printed tokens [<paramref name="from"/>, <paramref name="end"/>) run together; empty when <paramref name="from"/> is negative (none).</summary>
    private static string ConcatPrinted(List<Tok> toks, int from, int end)
    {
        if (from < 0 || end <= from)
        {
            return string.Empty;
        }

        if (end - from == 1)
        {
            return toks[from].Printed;
        }

        var length = 0;
        for (var i = from; i < end; i++)
        {
            length += toks[i].Printed.Length;
        }

        return string.Create(length, (toks, from, end), static (span, state) =>
        {
            var k = 0;
            for (var i = state.from; i < state.end; i++)
            {
                var p = state.toks[i].Printed;
                p.CopyTo(span[k..]);
                k += p.Length;
            }
        });
    }

    /// <summary>The printed tokens [<paramref name="from"/>, <paramref name="end"/>) joined by single spaces.</summary>
    private static string JoinPrinted(List<Tok> toks, int from, int end)
    {
        if (end - from == 1)
        {
            return toks[from].Printed;
        }

        var length = end - from - 1;
        for (var i = from; i < end; i++)
        {
            length += toks[i].Printed.Length;
        }

        return string.Create(length, (toks, from, end), static (span, state) =>
        {
            var k = 0;
            for (var i = state.from; i < state.end; i++)
            {
                if (i > state.from)
                {
                    span[k++] = ' ';
                }

                var p = state.toks[i].Printed;
                p.CopyTo(span[k..]);
                k += p.Length;
            }
        });
    }

    /// <summary>A name that opened a bracket and has not closed it ("公务用车购置及运行费（小") goes on after its numbers.</summary>
    private static bool OpensBracket(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c is '（' or '(' or '【' or '[' ? 1 : c is '）' or ')' or '】' or ']' ? -1 : 0;
        }

        return depth > 0;
    }

    /// <summary>Adds the text and trailing amounts of a line to a row. Trailing integers on a text line without a code are text ("…〔2023〕 67").</summary>
    private static void AddTail(RawRow row, List<Tok> toks, int from, int line, bool codeLine)
    {
        var end = toks.Count;
        while (end > from && LineSyntax.IsAmount(toks[end - 1].Folded))
        {
            end--;
        }

        if (!codeLine && end < toks.Count && end > from && !AnyDecimalPoint(toks, end))
        {
            end = toks.Count;
        }

        if (end > from)
        {
            row.Texts.Add(JoinPrinted(toks, from, end));
        }

        for (var k = end; k < toks.Count; k++)
        {
            row.Amounts.Add(LineSyntax.Amount(toks[k].Folded, line)!);
        }
    }

    private static bool AnyDecimalPoint(List<Tok> toks, int from)
    {
        for (var i = from; i < toks.Count; i++)
        {
            if (toks[i].Folded.Contains('.', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"864.4" then "0" on the next line is 864.40: a one-decimal amount followed by a lone digit from a later line.</summary>
    private static void FinishSplitNumbers(TableBody body)
    {
        foreach (var row in body.Rows)
        {
            if (row.FromCells)
            {
                continue;
            }

            for (var k = 0; k + 1 < row.Amounts.Count; k++)
            {
                var a = row.Amounts[k];
                var b = row.Amounts[k + 1];
                if (b.Line > a.Line && LineSyntax.Decimals(a.Text) == 1 && b.Text.Length == 1 && char.IsAsciiDigit(b.Text[0]))
                {
                    row.Amounts[k] = LineSyntax.Amount(a.Text + b.Text, a.Line, a.Column)!;
                    row.Amounts.RemoveAt(k + 1);
                }
            }
        }
    }

    // ---------------------------------------------------------------- flattened text, two-sided tables (表1, 表4)

    /// <summary>A piece of a two-sided line: an optional 类 code, then label tokens, then amount tokens (token index ranges, end exclusive; -1 when none).</summary>
    internal record struct Segment(string? Code, int LabelFrom, int LabelTo, int AmountFrom, int AmountTo)
    {
        public static Segment Empty(string? code = null) => new(code, -1, -1, -1, -1);

        public readonly bool HasLabel => LabelFrom >= 0;

        public readonly bool HasAmounts => AmountFrom >= 0;
    }

    private static RawRow? ReadTwoSidedText(DocLine line, TableBody body, RawRow? current, TableScratch scratch)
    {
        var toks = LineSyntax.Tokenize(line.Text, scratch.Tokens);
        if (toks.Count == 0 || LineSyntax.IsColumnNumberRow(toks))
        {
            return current;
        }

        // labels and amounts of a segment are runs of tokens: a code or a label after amounts starts a new segment
        var segs = scratch.Segments;
        segs.Clear();
        var cur = Segment.Empty();
        var open = false;
        for (var k = 0; k < toks.Count; k++)
        {
            var f = toks[k].Folded;
            var isCode = f.Length == 3 && TokenShapes.IsAsciiDigits(f) && k + 1 < toks.Count && TextNormalizer.ContainsCjk(toks[k + 1].Folded);
            if (isCode)
            {
                if (open)
                {
                    segs.Add(cur);
                }

                cur = Segment.Empty(f);
                open = true;
                continue;
            }

            if (LineSyntax.IsAmount(f))
            {
                if (!open)
                {
                    cur = Segment.Empty();
                    open = true;
                }

                cur = cur.HasAmounts ? cur with { AmountTo = k + 1 } : cur with { AmountFrom = k, AmountTo = k + 1 };
                continue;
            }

            // a new label starts after amounts, or at an enumeration ("三、教育支出") when a label has begun
            if (!open || cur.HasAmounts || (cur.HasLabel && cur.Code is null && LineSyntax.StartsEnumeration(f)))
            {
                if (open)
                {
                    segs.Add(cur);
                }

                cur = Segment.Empty();
                open = true;
            }

            cur = cur.HasLabel ? cur with { LabelTo = k + 1 } : cur with { LabelFrom = k, LabelTo = k + 1 };
        }

        if (open)
        {
            segs.Add(cur);
        }

        var isData = body.Rows.Count > 0;
        foreach (var sg in segs)
        {
            isData |= sg.Code is not null || sg.HasAmounts;
        }

        if (!isData)
        {
            body.HeaderLines.Add(line.Index);
            return current;
        }

        // a line of text only continues the label of the line before ("上级国有资本经营预算安排转移支" / "付")
        if (segs.Count == 1 && segs[0].Code is null && !segs[0].HasAmounts && current is not null && current.Line < line.Index)
        {
            current.Texts.Add(ConcatPrinted(toks, segs[0].LabelFrom, segs[0].LabelTo));
            return current;
        }

        RawRow? last = null;
        for (var s = 0; s < segs.Count; s++)
        {
            var sg = segs[s];
            var label = ConcatPrinted(toks, sg.LabelFrom, sg.LabelTo);
            var row = new RawRow(line.Index);
            if (sg.Code is not null)
            {
                row.Code = sg.Code;
                row.Side = "expenditure";
            }
            else
            {
                var squeezed = Text.TextNormalizer.RemoveWhiteSpace(Text.TextNormalizer.Fold(label));
                var expenditure = s > 0 || squeezed.Contains("支出总计", StringComparison.Ordinal) || squeezed.Contains("支出合计", StringComparison.Ordinal)
                    || (squeezed.EndsWith("支出", StringComparison.Ordinal) && !squeezed.Contains("收入", StringComparison.Ordinal));
                row.Side = expenditure ? "expenditure" : "income";
                row.IsTotal = squeezed.Contains("总计", StringComparison.Ordinal) || squeezed.Contains("合计", StringComparison.Ordinal);
            }

            if (label.Length > 0)
            {
                row.Texts.Add(label);
            }

            for (var k = sg.AmountFrom; k >= 0 && k < sg.AmountTo; k++)
            {
                row.Amounts.Add(LineSyntax.Amount(toks[k].Folded, line.Index)!);
            }

            body.Rows.Add(row);
            last = row;
        }

        return last;
    }

    // ---------------------------------------------------------------- flattened text, named rows (表10)

    private static RawRow? ReadNamedText(DocLine line, TableBody body, RawRow? current, List<Tok> tokens, RowSet? rowSet)
    {
        var toks = LineSyntax.Tokenize(line.Text, tokens);
        if (toks.Count == 0 || LineSyntax.IsColumnNumberRow(toks))
        {
            return current;
        }

        var textToks = toks.TakeWhile(t => !LineSyntax.IsAmount(t.Folded)).ToList();
        var label = string.Join(" ", textToks.Select(t => t.Printed));
        var amounts = toks.Skip(textToks.Count).Select(t => LineSyntax.Amount(t.Folded, line.Index)).ToList();
        if (amounts.Exists(a => a is null))
        {
            return current;
        }

        if (label.Length > 0 && rowSet is not null && new RowKeyMatcher(rowSet).KeyOf(label) is not null)
        {
            var row = new RawRow(line.Index);
            row.Texts.Add(label);
            row.Amounts.AddRange(amounts!);
            body.Rows.Add(row);
            return row;
        }

        if (current is { HasAmounts: false } || (current is not null && amounts.Count == 0 && OpensBracket(current.JoinedText)))
        {
            if (label.Length > 0)
            {
                current.Texts.Add(label);
            }

            current.Amounts.AddRange(amounts!);
            return current;
        }

        if (body.Rows.Count == 0)
        {
            body.HeaderLines.Add(line.Index);
        }

        return current;
    }

    // ---------------------------------------------------------------- lines with cells

    private static void ReadCells(TableKind kind, DisclosureCatalog catalog, DocLine line, IReadOnlyList<TextCell> cells, TableBody body, TableScratch scratch)
    {
        var texts = scratch.CellTexts;
        texts.Clear();
        for (var k = 0; k < cells.Count; k++)
        {
            texts.Add(Text.TextNormalizer.Fold(cells[k].Text));
        }

        if (texts.TrueForAll(t => t.Length == 0) || texts.Exists(t => t.Contains('※', StringComparison.Ordinal)) || LineSyntax.IsColumnNumberRow(texts))
        {
            return;
        }

        if (kind.Shape == TableShape.TwoSided)
        {
            ReadTwoSidedCells(kind, catalog, line, cells, texts, body, scratch.Tokens);
            return;
        }

        // the columns the header gives a role (unit, code, project, serial number) hold no amounts; a header that
        // repeats its code and name columns after amount columns prints blocks of rows side by side
        var (roles, starts) = body.PendingHeader.Count > 0 ? Layout(kind, catalog, body.PendingHeader) : (body.Roles, body.BlockStarts);
        if (starts.Count > 1 && HasAmount(texts, cells, roles))
        {
            body.BlockStarts = starts;
            ReadBlocks(kind, catalog, line, cells, texts, body, scratch, roles, starts);
            return;
        }

        ReadCellRow(kind, catalog, line, cells, texts, body, scratch, roles, 0);
    }

    /// <summary>
    /// A line of a table printed in blocks side by side (基本支出决算表: 人员经费 | 公用经费, each 科目编码 | 科目名称 | 决算数):
    /// each block's cells are a row of their own, read as if it were printed alone; a block without an amount is skipped.
    /// The rows are put in order block by block at the end (<see cref="Read"/>).
    /// </summary>
    private static void ReadBlocks(TableKind kind, DisclosureCatalog catalog, DocLine line, IReadOnlyList<TextCell> cells, List<string> texts, TableBody body, TableScratch scratch,
        IReadOnlyDictionary<int, string> roles, List<int> starts)
    {
        for (var b = 0; b < starts.Count; b++)
        {
            var from = starts[b];
            var to = b + 1 < starts.Count ? starts[b + 1] : int.MaxValue;
            var blockCells = new List<TextCell>();
            var blockTexts = new List<string>();
            for (var k = 0; k < cells.Count; k++)
            {
                var col = cells[k].Column ?? k;
                if ((b == 0 || col >= from) && col < to)
                {
                    blockCells.Add(cells[k]);
                    blockTexts.Add(texts[k]);
                }
            }

            if (!HasAmount(blockTexts, blockCells, roles))
            {
                continue;
            }

            // each block goes down its own code list: the 类 and 款 above are the block's
            var (cls, kuan) = body.BlockCodes.GetValueOrDefault(b);
            (body.LastClass, body.LastKuan) = (cls, kuan);
            ReadCellRow(kind, catalog, line, blockCells, blockTexts, body, scratch, roles, b);
            body.BlockCodes[b] = (body.LastClass, body.LastKuan);
        }
    }

    /// <summary>An amount in a column without a role (roles: code, name, unit, project, serial number).</summary>
    private static bool HasAmount(List<string> texts, IReadOnlyList<TextCell> cells, IReadOnlyDictionary<int, string> roles)
    {
        for (var k = 0; k < texts.Count; k++)
        {
            if (LineSyntax.IsAmount(texts[k]) && !roles.ContainsKey(cells[k].Column ?? k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One row read from cells (a whole line, or one block of a line printed in blocks).</summary>
    private static void ReadCellRow(TableKind kind, DisclosureCatalog catalog, DocLine line, IReadOnlyList<TextCell> cells, List<string> texts, TableBody body, TableScratch scratch,
        IReadOnlyDictionary<int, string> roles, int block)
    {
        string? RoleAt(int k) => roles.GetValueOrDefault(cells[k].Column ?? k);
        var nameIdx = -1;
        for (var k = 0; k < texts.Count && nameIdx < 0; k++)
        {
            // a label printed in the code column (人员经费合计 across 科目编码 | 科目名称) is the row's name
            if (TextNormalizer.ContainsCjk(texts[k]) && (RoleAt(k) is null or "name" || LineSyntax.IsTotalLabel(texts[k]) || (RoleAt(k) == "code" && !texts[k].Any(char.IsAsciiDigit))))
            {
                nameIdx = k;
            }
        }

        // amounts after the name; before it only under a header that gives the columns roles, and only with decimals (a
        // listing that prints 金额 before its classification columns, Xi'an 财拨结转支出表; a code has no decimals)
        var amountIdx = new List<int>();
        for (var k = 0; k < texts.Count; k++)
        {
            if (k != nameIdx && LineSyntax.IsAmount(texts[k]) && RoleAt(k) is null
                && (k > nameIdx || (roles.Count > 0 && texts[k].Contains('.', StringComparison.Ordinal))))
            {
                amountIdx.Add(k);
            }
        }

        var unit = UnitOf(texts, cells, roles);
        // a row of amounts without a label under the column labels: the named kinds' items printed as columns (三公), or the
        // one row of a coded kind's table printed without rows (Jiangsu 支出预算总表: 合计 | 基本支出 | 项目支出, one row)
        var transposed = (kind.Shape == TableShape.Named
                || (kind.Shape == TableShape.Coded && body.Rows.Count == 0 && amountIdx.Exists(k => texts[k].Contains('.', StringComparison.Ordinal))))
            && nameIdx < 0 && amountIdx.Count > 0 && body.PendingHeader.Count + body.HeaderLines.Count > 0;
        if ((nameIdx < 0 && unit is null && !transposed) || amountIdx.Count == 0)
        {
            if (body.Rows.Count == 0)
            {
                body.HeaderLines.Add(line.Index);
                MapHeaderCells(cells, body);
            }
            else
            {
                MapRepeatedHeaderCells(kind, catalog, cells, texts, body);
            }

            return;
        }

        var row = new RawRow(line.Index) { FromCells = true, ColumnMap = RowMap(kind, catalog, body), ColumnLabels = body.HeaderLabels, Block = block };
        var code = CodeBefore(texts, nameIdx);
        if (roles.Values.Contains("code") && CodeFromColumns(texts, cells, roles, body, nameIdx) is { } fromColumns && fromColumns.Length > code.Length)
        {
            code = fromColumns;
        }

        var name = nameIdx >= 0 ? cells[nameIdx].Text.Trim() : string.Empty;
        if (code.Length is 3 or 5 && LineSyntax.SubCode(Text.TextNormalizer.Fold(name)) is { } sub)
        {
            code += sub.Sub;
            name = name.TrimStart()[2..].Trim();
        }
        else if (code.Length == 0 && name.Length > 0 && LineSyntax.Tokenize(name, scratch.Tokens) is { Count: > 1 } nt && LineSyntax.CodeTokens(nt) is { } glued && glued.Consumed < nt.Count)
        {
            code = glued.Code;
            name = JoinPrinted(nt, glued.Consumed, nt.Count);
        }

        row.Code = code.Length > 0 ? code : null;
        var project = ProjectOf(texts, cells, roles, nameIdx, amountIdx);
        if (unit is not null && project is not null)
        {
            body.CurrentUnit = unit; // a project row that names its unit: the unit holds for the rows under it too
        }
        else if (row.Code is null && unit is not null)
        {
            // a unit's row: its name (or code and name) is the unit the rows under it belong to
            row.UnitName = unit;
            body.CurrentUnit = unit;
            name = unit;
        }

        row.SubUnit = row.UnitName is null ? body.CurrentUnit : null;
        row.CellName = name;
        if (name.Length > 0)
        {
            row.Texts.Add(name);
        }

        row.IsTotal = row.Code is null && row.UnitName is null && (LineSyntax.IsTotalLabel(name) || (transposed && kind.Shape == TableShape.Coded));
        row.CellProject = project;
        for (var k = 0; k < texts.Count; k++)
        {
            if ((k != nameIdx || row.UnitName is not null) && !amountIdx.Contains(k) && texts[k].Length > 0 && TextNormalizer.ContainsCjk(texts[k]))
            {
                row.OtherText += texts[k];
            }
        }

        foreach (var k in amountIdx)
        {
            row.Amounts.Add(LineSyntax.Amount(texts[k], line.Index, cells[k].Column ?? k)!);
        }

        if (row.Code is { Length: 3 })
        {
            (body.LastClass, body.LastKuan) = (row.Code, null);
        }
        else if (row.Code is { Length: 5 })
        {
            (body.LastClass, body.LastKuan) = (row.Code[..3], row.Code);
        }

        if (row.IsTotal && row.UnitName is null && IsRepeatedTotal(row, line, body))
        {
            return; // the 合计 row a continuation page prints again under its repeated header
        }

        if (row.IsTotal && row.UnitName is null)
        {
            body.FirstTotal ??= row;
        }

        body.LastRowPage = line.Page;
        body.Rows.Add(row);
    }

    /// <summary>
    /// A 合计 row printed again as the first row of a continuation page, with the same amounts in the same columns as
    /// the table's first 合计 row: a repetition, not a second total (it is not counted twice).
    /// </summary>
    private static bool IsRepeatedTotal(RawRow row, DocLine line, TableBody body)
    {
        if (body.FirstTotal is not { } first || line.Page is null || line.Page == body.LastRowPage || first.Amounts.Count != row.Amounts.Count
            || first.SubUnit != row.SubUnit)
        {
            return false;
        }

        for (var i = 0; i < row.Amounts.Count; i++)
        {
            if (first.Amounts[i].Value != row.Amounts[i].Value || first.Amounts[i].Column != row.Amounts[i].Column)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Roles of the header being read (before its first data row), and where its blocks start: a code (or name) column
    /// after a money column starts a block of its own (科目编码 | 科目名称 | 决算数 | 科目编码 | 科目名称 | 决算数) when every
    /// block repeats the first one's code and name columns; one block (a list with one start) otherwise (a listing that
    /// prints its project's code after its amount is one row).
    /// </summary>
    private static (Dictionary<int, string> Roles, List<int> Starts) Layout(TableKind kind, DisclosureCatalog catalog, IReadOnlyList<IReadOnlyList<TextCell>> header)
    {
        var roles = new Dictionary<int, string>();
        var starts = new List<int>();
        var signatures = new List<string>(); // the code and name columns of each block, in order ("code name")
        var afterMoney = false;
        var blockHasCode = false;
        foreach (var (col, h) in HeaderPaths.Map(kind, catalog, header).OrderBy(kv => kv.Key))
        {
            if (h.Role is { } r)
            {
                roles[col] = r;
            }

            if (starts.Count == 0)
            {
                starts.Add(col);
                signatures.Add(string.Empty);
            }

            if (h.Key is not null && h.Role is null)
            {
                afterMoney = true;
            }
            else if (h.Role is "code" || (h.Role is "name" && !blockHasCode))
            {
                if (afterMoney)
                {
                    starts.Add(col);
                    signatures.Add(string.Empty);
                    afterMoney = false;
                    blockHasCode = false;
                }

                blockHasCode |= h.Role == "code";
            }

            if (h.Role is "code" or "name")
            {
                signatures[^1] += h.Role + " ";
            }
        }

        return starts.Count > 1 && signatures[0].Length > 0 && signatures.TrueForAll(x => x == signatures[0]) ? (roles, starts) : (roles, [.. starts.Take(1)]);
    }

    /// <summary>The classification code printed in the cells before the name: one cell (2010301), or 类 | 款 | 项 cells (201 | 03 | 01).</summary>
    private static string CodeBefore(List<string> texts, int nameIdx)
    {
        var code = string.Empty;
        for (var k = 0; k < nameIdx; k++)
        {
            var t = texts[k];
            if (t.Length == 0)
            {
                continue;
            }

            if (TokenShapes.IsAsciiDigits(t) && (code.Length == 0 ? t.Length is 3 or 5 or 7 : t.Length == 2))
            {
                code += t;
            }
            else if (t.Length == 1 && char.IsAsciiDigit(t[0]) && code.Length is 3 or 5)
            {
                code += "0" + t; // a 款/项 cell whose leading zero a spreadsheet dropped: 301 | 2 is 30102
            }
        }

        return code;
    }

    /// <summary>
    /// The code from the columns the header names as code columns: the digits of each, in order. A row that prints only
    /// its own level (| 03 | under a 类 row, | | 01 under a 款 row) continues the 类 and 款 read above it.
    /// </summary>
    private static string CodeFromColumns(List<string> texts, IReadOnlyList<TextCell> cells, IReadOnlyDictionary<int, string> roles, TableBody body, int nameIdx)
    {
        // a second group of code columns after the name (政府经济分类 beside 部门经济分类) is not part of the row's code
        var before = nameIdx >= 0 ? cells[nameIdx].Column ?? nameIdx : int.MaxValue;
        var parts = new List<(int Column, string Digits)>();
        var codeColumns = roles.Where(r => r.Value == "code" && r.Key < before).Select(r => r.Key).Order().ToList();
        for (var k = 0; k < texts.Count && (cells[k].Column ?? k) < before; k++)
        {
            var col = cells[k].Column ?? k;
            var t = TextNormalizer.RemoveWhiteSpace(texts[k]);
            if (roles.GetValueOrDefault(col) == "code" && t.Length > 0)
            {
                var digits = new string(t.TakeWhile(char.IsAsciiDigit).ToArray());
                if (digits.Length > 0)
                {
                    parts.Add((col, digits));
                }
            }
        }

        if (parts.Count == 0)
        {
            return string.Empty;
        }

        var code = string.Concat(parts.Select(p => p.Digits));
        if (code.Length is 3 or 5 or 7 && code[0] is >= '2' and <= '5')
        {
            return code;
        }

        // only the 款 or 项 digits: under the 类 / 款 read above (the second or third code column)
        var position = codeColumns.IndexOf(parts[0].Column);
        if (code.Length == 2 && position == 1 && body.LastClass is { } cls)
        {
            return cls + code;
        }

        if (code.Length is 2 && position == 2 && body.LastKuan is { } kuan)
        {
            return kuan + code;
        }

        if (code.Length == 4 && position == 1 && body.LastClass is { } c2)
        {
            return c2 + code;
        }

        return string.Empty;
    }

    /// <summary>The unit named in the header's unit columns (code and name), or null.</summary>
    private static string? UnitOf(List<string> texts, IReadOnlyList<TextCell> cells, IReadOnlyDictionary<int, string> roles)
    {
        string? unit = null;
        for (var k = 0; k < texts.Count; k++)
        {
            if (roles.GetValueOrDefault(cells[k].Column ?? k) == "unit" && TextNormalizer.RemoveWhiteSpace(cells[k].Text) is { Length: > 0 } t && !LineSyntax.IsTotalLabel(t))
            {
                unit = unit is null ? t : unit + " " + t;
            }
        }

        return unit;
    }

    /// <summary>The project of a row: the header's project column, else (no roles) a text cell right after the name.</summary>
    private static string? ProjectOf(List<string> texts, IReadOnlyList<TextCell> cells, IReadOnlyDictionary<int, string> roles, int nameIdx, List<int> amountIdx)
    {
        if (roles.Values.Contains("project"))
        {
            for (var k = 0; k < texts.Count; k++)
            {
                if (roles.GetValueOrDefault(cells[k].Column ?? k) == "project" && cells[k].Text.Trim() is { Length: > 0 } p)
                {
                    return p;
                }
            }

            return null;
        }

        return nameIdx >= 0 && nameIdx + 1 < texts.Count && !amountIdx.Contains(nameIdx + 1) && texts[nameIdx + 1].Length > 0 && roles.Count == 0
            ? cells[nameIdx + 1].Text.Trim()
            : null;
    }

    private static void ReadTwoSidedCells(TableKind kind, DisclosureCatalog catalog, DocLine line, IReadOnlyList<TextCell> cells, List<string> texts, TableBody body, List<Tok> tokens)
    {
        var anyAmount = texts.Exists(LineSyntax.IsAmount);
        if (body.Rows.Count == 0 && !anyAmount && !AnyCodeCell(texts, tokens))
        {
            body.HeaderLines.Add(line.Index);
            MapHeaderCells(cells, body);
            return;
        }

        var map = RowMap(kind, catalog, body);
        var blocks = Blocks(cells, texts, body);
        if (blocks.Count > 1)
        {
            body.ExpenditureColumn ??= ColumnOf(cells, blocks[1]);
        }

        // income side: label in the header's first label column (after a 序号 or an empty margin column), amounts after it
        var incomeEnd = blocks.Count > 1 ? blocks[1] : texts.Count;
        var labelAt = 0;
        if (body.LabelColumns.Count >= 2 && IndexOfColumn(cells, body.LabelColumns.Min()) is var first && first > 0 && first < incomeEnd)
        {
            labelAt = first;
        }

        while (labelAt + 1 < incomeEnd && IsSeq(body, cells, labelAt))
        {
            labelAt++;
        }

        if (texts[labelAt].Length > 0)
        {
            var inc = new RawRow(line.Index) { Side = "income", FromCells = true, ColumnMap = map, ColumnLabels = body.HeaderLabels };
            inc.Texts.Add(cells[labelAt].Text.Trim());
            inc.IsTotal = texts[labelAt].Contains("总计", StringComparison.Ordinal) || texts[labelAt].Contains("合计", StringComparison.Ordinal);
            for (var k = labelAt + 1; k < incomeEnd; k++)
            {
                if (LineSyntax.IsAmount(texts[k]) && !IsSeq(body, cells, k))
                {
                    inc.Amounts.Add(LineSyntax.Amount(texts[k], line.Index, ColumnOf(cells, k))!);
                }
            }

            body.Rows.Add(inc);
        }

        // expenditure side: one block, or several side by side (支出功能分类 | 部门预算支出经济分类 | 政府预算支出经济分类)
        for (var b = 1; b < blocks.Count; b++)
        {
            var from = blocks[b];
            var to = b + 1 < blocks.Count ? blocks[b + 1] : texts.Count;
            if (texts[from].Length == 0 || LineSyntax.IsAmount(texts[from]))
            {
                continue;
            }

            // a label merged over the next blocks (支出合计 across 功能分类 and 支出用途, its amount in the last column): the
            // block runs on through the blocks without a label of their own, when it has no amount of its own
            if (!Enumerable.Range(from + 1, to - from - 1).Any(k => LineSyntax.IsAmount(texts[k])))
            {
                var nb = b + 1;
                while (nb < blocks.Count && texts[blocks[nb]].Length == 0)
                {
                    nb++;
                }

                to = nb < blocks.Count ? blocks[nb] : texts.Count;
            }

            var exp = new RawRow(line.Index) { Side = b == 1 ? "expenditure" : "expenditure_block" + b.ToString(System.Globalization.CultureInfo.InvariantCulture), FromCells = true, ColumnMap = map, ColumnLabels = body.HeaderLabels };
            var label = cells[from].Text.Trim();
            var lt = LineSyntax.Tokenize(label, tokens);
            if (LineSyntax.CodeTokens(lt) is { } code && code.Consumed < lt.Count)
            {
                exp.Code = code.Code;
                label = JoinPrinted(lt, code.Consumed, lt.Count);
            }
            else
            {
                var squeezed = Text.TextNormalizer.RemoveWhiteSpace(Text.TextNormalizer.Fold(label));
                exp.IsTotal = squeezed.Contains("总计", StringComparison.Ordinal) || squeezed.Contains("合计", StringComparison.Ordinal);
            }

            exp.Texts.Add(label);
            for (var k = from + 1; k < to; k++)
            {
                if (LineSyntax.IsAmount(texts[k]) && !IsSeq(body, cells, k))
                {
                    exp.Amounts.Add(LineSyntax.Amount(texts[k], line.Index, ColumnOf(cells, k))!);
                }
            }

            body.Rows.Add(exp);
        }
    }

    /// <summary>
    /// Where the sides and blocks of a two-sided row start (cell indices): the header's label columns when it named
    /// at least two, else the income label at 0 and the first text cell after it.
    /// </summary>
    private static List<int> Blocks(IReadOnlyList<TextCell> cells, List<string> texts, TableBody body)
    {
        if (body.LabelColumns.Count >= 2)
        {
            var starts = new List<int>();
            foreach (var col in body.LabelColumns.Order())
            {
                var k = IndexOfColumn(cells, col);
                if (k >= 0)
                {
                    starts.Add(k);
                }
            }

            if (starts.Count >= 2)
            {
                if (starts[0] != 0)
                {
                    starts[0] = 0;
                }

                return starts;
            }
        }

        for (var k = 1; k < texts.Count; k++)
        {
            if (texts[k].Length > 0 && !LineSyntax.IsAmount(texts[k]))
            {
                return [0, k];
            }
        }

        return [0];
    }

    private static int IndexOfColumn(IReadOnlyList<TextCell> cells, int column)
    {
        for (var k = 0; k < cells.Count; k++)
        {
            if ((cells[k].Column ?? k) == column)
            {
                return k;
            }
        }

        return -1;
    }

    private static bool AnyCodeCell(List<string> texts, List<Tok> tokens)
    {
        foreach (var t in texts)
        {
            if (LineSyntax.Tokenize(t, tokens) is { Count: > 0 } tk && LineSyntax.CodeTokens(tk) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static int ColumnOf(IReadOnlyList<TextCell> cells, int k) => cells[k].Column ?? k;

    /// <summary>A cell in a serial-number column (行次, 序号): its number is no amount.</summary>
    private static bool IsSeq(TableBody body, IReadOnlyList<TextCell> cells, int k) => body.Roles.GetValueOrDefault(ColumnOf(cells, k)) == "seq";

    /// <summary>A header row before the first data row: kept until the first data row, which reads the header as a whole.</summary>
    private static void MapHeaderCells(IReadOnlyList<TextCell> cells, TableBody body) => body.PendingHeader.Add(cells);

    /// <summary>
    /// A header repeated after a page break names the columns of the rows after it (a PDF page may place them
    /// differently). It starts a new map when one of its cells names a column.
    /// </summary>
    private static void MapRepeatedHeaderCells(TableKind kind, DisclosureCatalog catalog, IReadOnlyList<TextCell> cells, List<string> texts, TableBody body)
    {
        if (body.PendingHeader.Count == 0 && !texts.Exists(t => HeaderPaths.Match(kind, catalog, [TextNormalizer.RemoveWhiteSpace(t)]) is not null))
        {
            return;
        }

        // a row that prints a code or a serial number is a row without amounts, not a header (Xi'an 基本支出明细表: 30239 其他交通费用
        // 50502 商品和服务支出, nothing printed — 商品和服务支出 names a column of other tables)
        for (var k = 0; k < cells.Count; k++)
        {
            if (texts[k].Length > 0 && texts[k].All(char.IsAsciiDigit)
                && (body.Roles.GetValueOrDefault(ColumnOf(cells, k)) is "code" or "seq" or "economic_code" || texts[k].Length is 3 or 5 or 7))
            {
                return;
            }
        }

        body.PendingHeader.Add(cells);
    }

    /// <summary>The header map for a data row: the first header's, or the one repeated last.</summary>
    private static Dictionary<int, string> RowMap(TableKind kind, DisclosureCatalog catalog, TableBody body)
    {
        if (body.PendingHeader.Count > 0)
        {
            var header = HeaderPaths.Map(kind, catalog, body.PendingHeader);
            body.PendingHeader.Clear();
            var keys = new Dictionary<int, string>();
            var labels = new Dictionary<int, string>();
            var roles = new Dictionary<int, string>();
            foreach (var (col, h) in header)
            {
                labels[col] = h.Label;
                if (h.Key is { } k)
                {
                    keys[col] = k;
                }

                if (h.Role is { } role)
                {
                    roles[col] = role;
                }

                if (body.Rows.Count == 0 && h.RowKey is { } rowKey)
                {
                    body.ColumnRowKeys[col] = rowKey;
                }

                if (body.Rows.Count == 0 && h.Year is { } year)
                {
                    body.ColumnYears[col] = year;
                }

                // a column of labels: no amounts, no role; on a two-sided table a column of names starts a block whatever
                // its role (Jiangsu 收支预算总表: 功能科目名称 | 金额 | 项目名称 | 金额 on its expenditure side)
                if (body.Rows.Count == 0 && h.Key is null && (h.Role is null || (kind.Shape == TableShape.TwoSided && h.Role is "name" or "project"))
                    && h.RowKey is null && !body.LabelColumns.Contains(col))
                {
                    body.LabelColumns.Add(col);
                }
            }

            if (body.Rows.Count == 0 || keys.Count > 0)
            {
                body.Roles = roles;
            }

            if (body.Rows.Count == 0)
            {
                foreach (var (col, key) in keys)
                {
                    body.CellColumns[col] = key;
                }

                body.HeaderLabels = labels;
                body.CurrentMap = [];
            }
            else if (keys.Count > 0)
            {
                body.CurrentMap = keys;
                body.HeaderLabels = labels;
            }
        }

        return body.Rows.Count == 0 || body.CurrentMap.Count == 0 ? body.CellColumns : body.CurrentMap;
    }
}
