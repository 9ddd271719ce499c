using System.Text.RegularExpressions;
using DisclosureExtract.Text;

namespace DisclosureExtract.Catalog;

/// <summary>How a table's rows are keyed.</summary>
public enum TableShape
{
    /// <summary>Rows on classification codes (function 类/款/项 or economic 类/款) and a 合计/总计 row.</summary>
    Coded,

    /// <summary>Income rows by row_key on the left, expenditure rows on 类 codes on the right (收支总表, 财政拨款收支总表).</summary>
    TwoSided,

    /// <summary>Rows by row_key from the kind's row set (三公).</summary>
    Named,

    /// <summary>Rows by printed name (projects, purchases), each with its code where it prints one.</summary>
    Listing,

    /// <summary>A table kind the catalog does not know: kept as <c>other</c> with its printed title and its cells.</summary>
    Other,
}

/// <summary>A money column of a table kind: its key, how plausible a value in it is when arithmetic cannot decide, and
/// whether the solver assumes it only when the header names it.</summary>
public sealed record ColumnSpec(string Key, double Prior, bool Optional);

/// <summary>Header words that name a column. <paramref name="Under"/>: words one of the header cells above must contain.</summary>
public sealed record ColumnLabel(string Key, IReadOnlyList<string> Labels, IReadOnlyList<string> Under);

/// <summary>A row identity: <paramref name="Total"/> = the sum of <paramref name="Parts"/> − the sum of <see cref="Minus"/>
/// (empty cells count as 0). <paramref name="Tables"/>: the table kinds it applies to (all that use the rule set when empty).
/// In the catalog a part written with a leading minus ("-total") is subtracted: 年末 = 年初 + 本年收入 − 本年支出 is
/// <c>{ "total": "closing_balance", "parts": ["opening_balance", "income", "-total"] }</c>.</summary>
public sealed record SumRule(string Total, IReadOnlyList<string> Parts, IReadOnlyList<string> Tables)
{
    /// <summary>Parts subtracted from the sum (coefficient −1).</summary>
    public IReadOnlyList<string> Minus { get; init; } = [];

    /// <summary>
    /// Rows of a row set: the total is (also) the sum of the table's 类 rows (on the total's side of a two-sided table),
    /// all of them when this holds "*", else those whose code is listed (表6: 人员经费合计 = 301 + 303). Null when the
    /// rule sums only named parts.
    /// </summary>
    public IReadOnlyList<string>? ClassRows { get; init; }

    /// <summary>Every part with its coefficient (+1 or −1).</summary>
    public IEnumerable<(string Key, int Sign)> SignedParts => Parts.Select(p => (p, 1)).Concat(Minus.Select(p => (p, -1)));
}

/// <summary>A title rule: the title contains all of <paramref name="All"/>, one of <paramref name="Any"/> (when given) and none of <paramref name="None"/>.</summary>
public sealed record TitleRule(IReadOnlyList<string> All, IReadOnlyList<string> Any, IReadOnlyList<string> None)
{
    public bool Matches(string squeezed)
    {
        ArgumentNullException.ThrowIfNull(squeezed);
        return Words.ContainsAll(squeezed, All)
            && (Any.Count == 0 || Words.ContainsAny(squeezed, Any))
            && !Words.ContainsAny(squeezed, None);
    }
}

/// <summary>A plausibility prior on a code's row: codes starting with one of <paramref name="Prefixes"/> favour
/// <paramref name="Column"/>, the others <paramref name="Otherwise"/> (when given).</summary>
public sealed record CodePrior(IReadOnlyList<string> Prefixes, string Column, string? Otherwise, double Bonus);

/// <summary>A plausibility prior on a row by its name: names containing one of <paramref name="Contains"/> favour <paramref name="Column"/>.</summary>
public sealed record NamePrior(IReadOnlyList<string> Contains, string Column, double Bonus);

/// <summary>What one kind of table looks like.</summary>
/// <param name="Key">table_key (schema/tables.csv).</param>
/// <param name="Number">table_no: the table's number in the schema, given by the meaning of its title.</param>
/// <param name="Shape">How its rows are keyed.</param>
/// <param name="Classification">function, economic or none: which codes its rows carry.</param>
/// <param name="Titles">Title rules; one matching is enough.</param>
/// <param name="Columns">The money columns a table of this kind can have, in printed order.</param>
/// <param name="Labels">Header labels of this kind only (tried before the catalog's).</param>
/// <param name="Rules">Row identities of its columns.</param>
/// <param name="RowSet">The row set of its uncoded rows (income rows, 三公 rows), or null.</param>
/// <param name="IncomeColumn">Two-sided tables: the column of the income side's amounts.</param>
/// <param name="Projects">Rows carry a project name (一般公共预算项目支出情况表).</param>
public sealed record TableKind(
    string Key,
    int Number,
    TableShape Shape,
    string Classification,
    IReadOnlyList<TitleRule> Titles,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<ColumnLabel> Labels,
    IReadOnlyList<SumRule> Rules,
    string? RowSet,
    string? IncomeColumn,
    bool Projects,
    IReadOnlyList<CodePrior> CodePriors,
    IReadOnlyList<NamePrior> NamePriors)
{
    public ColumnSpec? Column(string key)
    {
        foreach (var c in Columns)
        {
            if (c.Key == key)
            {
                return c;
            }
        }

        return null;
    }

    public int ColumnIndex(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Function classes (支出功能分类) are 2xx; economic classes 3xx (部门预算) or 5xx (政府预算).</summary>
    public bool IsPlausibleCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length > 0 && Classification switch
        {
            "economic" => code[0] is '3' or '5',
            "function" => code[0] == '2',
            _ => false,
        };
    }

    /// <summary>The kind's columns by their printed labels (its own labels, then the catalog's plain ones), longest label first.</summary>
    internal IReadOnlyList<(string Label, string Key)> LabelsLongestFirst { get; init; } = [];
}

/// <summary>A row label rule of a row set (see the catalog's comments).</summary>
public sealed record RowLabel(string Key, IReadOnlyList<string> All, IReadOnlyList<string> Any, IReadOnlyList<string> Starts, string? Section, string? InSection, string? Side)
{
    /// <summary>True when a label (folded, without white space and numbering) satisfies the rule's words.</summary>
    public bool Matches(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!Words.ContainsAll(label, All))
        {
            return false;
        }

        if (Any.Count == 0 && Starts.Count == 0)
        {
            return All.Count > 0;
        }

        return Words.ContainsAny(label, Any) || Words.StartsWithAny(label, Starts);
    }
}

/// <summary>Uncoded rows by meaning: the label rules (tried in order) and the sums among those rows.</summary>
public sealed record RowSet(string Name, IReadOnlyList<RowLabel> Labels, IReadOnlyList<SumRule> Rules);

/// <summary>Cells of one table an identity or hint refers to.</summary>
/// <param name="Table">table_key.</param>
/// <param name="Side">income or expenditure (two-sided tables), or null.</param>
/// <param name="Row">One row: a row_key, or <c>total</c> for a coded table's 合计 row; null for code-by-code.</param>
/// <param name="RowKeys">Several uncoded rows summed (hints).</param>
/// <param name="Columns">Columns summed.</param>
public sealed record CellRef(string Table, string? Side, string? Row, IReadOnlyList<string> RowKeys, IReadOnlyList<string> Columns);

/// <summary>How an identity pairs rows: one cell, code by code, 类 codes only, or code by code plus the 合计 row.</summary>
public enum RowPairing
{
    Cell,
    Codes,
    Classes,
    CodesAndTotal,
}

/// <summary>Two tables restate each other: <paramref name="Left"/> = (or ≤) <paramref name="Right"/>.</summary>
/// <param name="Check">The check id of a difference.</param>
/// <param name="Rows">How rows are paired.</param>
/// <param name="OnlyLeftCodes">Compare only the codes the left table prints.</param>
/// <param name="LessOrEqual">The left side may be smaller (a part of the right side).</param>
/// <param name="EmptyMeansZero">A right table printed empty (空表) counts as zeros.</param>
/// <param name="Unless">Skip when this table is in the document (another identity says the same through it).</param>
public sealed record Identity(string Check, CellRef Left, CellRef Right, RowPairing Rows, bool OnlyLeftCodes, bool LessOrEqual, bool EmptyMeansZero, string? Unless);

/// <summary>What the recognizer may assume while it assigns numbers to columns: cells of <paramref name="Target"/> from
/// <paramref name="Source"/> — expected values, or with <paramref name="Bonus"/> above zero only a preference for the
/// target column on the rows where the source prints a value other than zero.</summary>
public sealed record Hint(CellRef Target, CellRef Source, RowPairing Rows, bool WhenTotalEqual, bool MissingIsZero, double Bonus);

/// <summary>
/// Everything the tool knows about one kind of disclosure (budget, final accounts), loaded from the catalog files
/// in the project (Catalog/*.json): table kinds with their title rules and numbering styles, header labels → column
/// keys, row labels → row keys, sum rules and the identities between tables.
/// </summary>
public sealed class DisclosureCatalog
{
    private readonly Dictionary<string, TableKind> _byKey;

    internal DisclosureCatalog(string kind, IReadOnlyList<string> documentWords, IReadOnlyList<Regex> numbering, IReadOnlyList<string> notTableWords, IReadOnlyList<string> otherTableWords,
        IReadOnlyList<TableKind> tables, IReadOnlyList<ColumnLabel> columnLabels, IReadOnlyList<ColumnLabel> roleLabels, IReadOnlyDictionary<string, RowSet> rowSets,
        IReadOnlyList<Identity> identities, IReadOnlyList<Hint> hints)
    {
        Kind = kind;
        DocumentWords = documentWords;
        Numbering = numbering;
        _numberingAtStart = AnyAtStart(numbering);
        NotTableWords = notTableWords;
        OtherTableWords = otherTableWords;
        Tables = tables;
        ColumnLabels = columnLabels;
        RoleLabels = roleLabels;
        RowSets = rowSets;
        Identities = identities;
        Hints = hints;
        _byKey = tables.ToDictionary(t => t.Key, StringComparer.Ordinal);
        Other = new TableKind("other", 0, TableShape.Other, "none", [], [], [], [], null, null, false, [], []);
    }

    /// <summary>budget or final_accounts (documents.csv kind).</summary>
    public string Kind { get; }

    /// <summary>Words in a document's titles that say it is of this kind (预算, 决算).</summary>
    public IReadOnlyList<string> DocumentWords { get; }

    /// <summary>Patterns of a table number printed before or above its title (groups n or cn).</summary>
    public IReadOnlyList<Regex> Numbering { get; }

    /// <summary>Words that make a title not a table of amounts (绩效, 目标, 目录).</summary>
    public IReadOnlyList<string> NotTableWords { get; }

    /// <summary>Words that make a title the catalog does not know a table of amounts all the same (kept as <c>other</c>).</summary>
    public IReadOnlyList<string> OtherTableWords { get; }

    /// <summary>Table kinds in the order their title rules are tried.</summary>
    public IReadOnlyList<TableKind> Tables { get; }

    /// <summary>Header labels → column keys, for every kind.</summary>
    public IReadOnlyList<ColumnLabel> ColumnLabels { get; }

    /// <summary>Header labels of the columns without amounts → their role (unit, code, name, project, seq; Key is the role).</summary>
    public IReadOnlyList<ColumnLabel> RoleLabels { get; }

    public IReadOnlyDictionary<string, RowSet> RowSets { get; }

    public IReadOnlyList<Identity> Identities { get; }

    public IReadOnlyList<Hint> Hints { get; }

    /// <summary>The kind for titles the catalog does not know (table_key other).</summary>
    public TableKind Other { get; }

    /// <summary>The explanation part as data, or null (budgets: the budget explanation extractor).</summary>
    public ExplanationSpec? Explanation { get; internal init; }

    public TableKind? ByKey(string key) => _byKey.GetValueOrDefault(key);

    public RowSet? RowSetOf(TableKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.RowSet is { } name ? RowSets.GetValueOrDefault(name) : null;
    }

    /// <summary>
    /// The kind a title names, by meaning (收支总表, 部门收支总体情况表 and 部门财务收支预算总表 are all the income and
    /// expenditure summary); null when the text is not a title of a table of amounts.
    /// </summary>
    public TableKind? ClassifyTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var t = TextNormalizer.RemoveWhiteSpace(TextNormalizer.Fold(title));
        if (!t.Contains('表', StringComparison.Ordinal) || NotTableWords.Any(w => t.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (var kind in Tables)
        {
            foreach (var rule in kind.Titles)
            {
                if (rule.Matches(t))
                {
                    return kind;
                }
            }
        }

        return null;
    }

    /// <summary>The printed table number at the start of a line ("表 3", "公开03表", "（三）", "三、"), with the rest of the line.</summary>
    public (string Number, string Remainder)? TableNumber(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        if (_numberingAtStart is { } any)
        {
            return Numbered(norm, any.Match(norm));
        }

        for (var i = 0; i < Numbering.Count; i++)
        {
            if (Numbered(norm, Numbering[i].Match(norm)) is { } numbered)
            {
                return numbered;
            }
        }

        return null;
    }

    private static (string Number, string Remainder)? Numbered(string norm, Match m) => m.Success
        ? (m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["cn"].Value, norm[(m.Index + m.Length)..].TrimStart(' ', ':', '：', '.', '、'))
        : null;

    /// <summary>The numbering patterns as one, when every one is anchored at the line's start: the alternatives are
    /// then tried in the catalog's order at the one position where any can match, so the first pattern that matches
    /// wins as in a loop over them — one match per line instead of one per pattern (the patterns run interpreted in
    /// the Native AOT binary, where each call costs its set-up).</summary>
    private static Regex? AnyAtStart(IReadOnlyList<Regex> numbering)
    {
        if (numbering.Count < 2 || numbering.Any(r => !r.ToString().StartsWith('^') || r.Options != numbering[0].Options))
        {
            return null;
        }

        return new Regex(string.Join('|', numbering.Select(r => $"(?:{r})")), numbering[0].Options);
    }

    private readonly Regex? _numberingAtStart;

    /// <summary>Whether <see cref="TableNumber"/> matches the numbering patterns as one (see <see cref="AnyAtStart"/>).</summary>
    internal bool NumberingIsOnePattern => _numberingAtStart is not null;
}

/// <summary>
/// The explanation part (第三部分) of a kind of disclosure as data: its numbered sections by the words of their headings,
/// the figures its sentences state (patterns with named groups), the per-item sentences, the 类 structure and tables of
/// scores. Kinds without one (budgets) are read by the budget explanation extractor.
/// </summary>
/// <param name="Sections">Section keys by heading words, tried in order (the first rule that matches names the section).</param>
/// <param name="Snippets">Named patterns read after a figure (a change against last year, a completion rate, a reason).</param>
/// <param name="Figures">The figures, each in the sections it names.</param>
/// <param name="Items">Per-item sentences (类/款/项 paths), or null.</param>
/// <param name="StructureSections">Sections whose “X（类）N万元，占S%” sentences are the 类 structure.</param>
/// <param name="ScoreTables">Small tables of scores printed in the text (项目名称 | 自评分数).</param>
public sealed record ExplanationSpec(
    IReadOnlyList<(string Key, TitleRule Rule)> Sections,
    IReadOnlyDictionary<string, SnippetSpec> Snippets,
    IReadOnlyList<FigureSpec> Figures,
    ItemSpec? Items,
    IReadOnlyList<string> StructureSections,
    IReadOnlyList<ScoreTableSpec> ScoreTables)
{
    /// <summary>A printed amount with its unit (the catalog's amount units).</summary>
    public Regex? Amount { get; init; }
}

/// <summary>A pattern read after a figure, from the figure's end to the next figure (or, with <paramref name="WholeSection"/>,
/// to the section's end). Its named groups fill the figure: budget, completion, share, reason, dir/chg/cunit/rdir/rate (a change),
/// same (unchanged).</summary>
public sealed record SnippetSpec(string Name, Regex Pattern, bool WholeSection);

/// <summary>One figure of the explanation part.</summary>
/// <param name="Sections">The sections it is read in.</param>
/// <param name="Section">The section key of the output (explanations.csv section).</param>
/// <param name="Key">The key; "{group}" is replaced by that group's value (equipment_over_{size}).</param>
/// <param name="Label">The label of the output when the pattern has no group "label".</param>
/// <param name="Pattern">Named groups: amt, unit, budget, completion, share, qty, label and the snippets' groups.</param>
/// <param name="Keys">When given, the key of a match is the key of the first word its "label" group contains.</param>
/// <param name="Tail">Snippets read after the match.</param>
/// <param name="All">Every match is a figure (else the first per key).</param>
/// <param name="Merge">A figure already read with this key gets the groups this one reads (a change stated in a later sentence).</param>
/// <param name="QuantityUnit">The unit of the qty group (个, 辆, 分).</param>
public sealed record FigureSpec(IReadOnlyList<string> Sections, string Section, string Key, string Label, Regex Pattern, IReadOnlyList<(string Word, string Key)> Keys,
    IReadOnlyList<string> Tail, bool All, bool Merge, string? QuantityUnit);

/// <summary>Per-item sentences: a 类/款/项 path in the sections given, followed by the values pattern (amt, budget, completion) and the tail snippets.</summary>
public sealed record ItemSpec(IReadOnlyList<string> Sections, Regex Values, IReadOnlyList<string> Tail);

/// <summary>A table of scores in the explanation part: a header row with a name label and a score label, then name | score rows.</summary>
public sealed record ScoreTableSpec(IReadOnlyList<string> NameLabels, IReadOnlyList<string> ScoreLabels, string Section, string Key, string Unit);
