using System.Text.Json;
using System.Text.RegularExpressions;
using DisclosureExtract.Text;

namespace DisclosureExtract.Catalog;

/// <summary>Reads a catalog file (JSON with comments, see Catalog/budget.json) into a <see cref="DisclosureCatalog"/>,
/// refusing anything it does not understand with a message that names the place.</summary>
public static class CatalogLoader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static DisclosureCatalog Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json, Options);
        var root = doc.RootElement;
        var kind = Str(root, "kind") ?? throw Bad("kind", "missing");
        var columnSets = root.TryGetProperty("column_sets", out var cs)
            ? cs.EnumerateObject().ToDictionary(p => p.Name, p => Columns(p.Value), StringComparer.Ordinal)
            : [];
        var ruleSets = root.TryGetProperty("rule_sets", out var rs)
            ? rs.EnumerateObject().ToDictionary(p => p.Name, p => Rules(p.Value), StringComparer.Ordinal)
            : [];
        var columnLabels = Array(root, "column_labels").Select(Label).ToList();
        var tables = Array(root, "tables").Select(t => Table(t, columnSets, ruleSets, columnLabels)).ToList();
        var rowSets = root.TryGetProperty("row_sets", out var rows)
            ? rows.EnumerateObject().ToDictionary(p => p.Name, p => new RowSet(p.Name, Array(p.Value, "labels").Select(RowLabel).ToList(), Rules(p.Value.GetProperty("rules"))), StringComparer.Ordinal)
            : [];
        var numbering = Strings(root, "numbering").Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled)).ToList();
        var roles = root.TryGetProperty("role_labels", out var rl)
            ? rl.EnumerateObject().Select(p => new ColumnLabel(p.Name, p.Value.EnumerateArray().Select(x => TextNormalizer.Squeeze(x.GetString()!)).ToList(), [])).ToList()
            : [];
        var catalog = new DisclosureCatalog(kind, Strings(root, "document_words"), numbering, Squeezed(root, "not_table_words"), Squeezed(root, "other_table_words"), tables, columnLabels, roles, rowSets,
            Array(root, "identities").Select(Identity).ToList(), Array(root, "hints").Select(Hint).ToList())
        {
            Explanation = root.TryGetProperty("explanation", out var ex) ? Explanation(ex) : null,
        };
        return catalog;
    }

    /// <summary>
    /// The explanation part (see <see cref="ExplanationSpec"/>). Patterns are .NET regular expressions over the folded text
    /// (no white space, ASCII punctuation) with placeholders: {N} a printed number, {amount} a number and its unit (groups
    /// amt, unit), {budget} a number with an optional unit (budget), {completion} a percentage (completion), {share} a
    /// percentage (share), {qty} a number (qty), {chg} a change amount with its unit (chg, cunit), {rate} a percentage (rate).
    /// </summary>
    private static ExplanationSpec Explanation(JsonElement e)
    {
        var units = string.Join('|', Strings(e, "amount_units").Select(Regex.Escape));
        if (units.Length == 0)
        {
            throw Bad("explanation", "amount_units missing");
        }

        const string N = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
        Regex Pattern(string where, string p)
        {
            var expanded = p
                .Replace("{amount}", $"(?<amt>{N})(?<unit>{units})", StringComparison.Ordinal)
                .Replace("{budget}", $"(?<budget>{N})(?:{units})?", StringComparison.Ordinal)
                .Replace("{completion}", $"(?<completion>{N})%", StringComparison.Ordinal)
                .Replace("{share}", $"(?<share>{N})%", StringComparison.Ordinal)
                .Replace("{qty}", $"(?<qty>{N})", StringComparison.Ordinal)
                .Replace("{chg}", $"(?<chg>{N})(?<cunit>{units})?(?![\\d.%])", StringComparison.Ordinal)
                .Replace("{rate}", $"(?<rate>{N})%", StringComparison.Ordinal)
                .Replace("{N}", $"(?:{N})", StringComparison.Ordinal);
            try
            {
                return new Regex(expanded, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw Bad(where, $"bad pattern: {ex.Message}");
            }
        }

        var sections = Array(e, "sections").Select(s => (Str(s, "key") ?? throw Bad("explanation", "a section without key"),
            new TitleRule(Squeezed(s, "all"), Squeezed(s, "any"), Squeezed(s, "none")))).ToList();
        var snippets = e.TryGetProperty("snippets", out var sn)
            ? sn.EnumerateObject().ToDictionary(p => p.Name, p => new SnippetSpec(p.Name, Pattern(p.Name, Str(p.Value, "pattern") ?? throw Bad(p.Name, "pattern missing")), Str(p.Value, "scope") == "section"), StringComparer.Ordinal)
            : new Dictionary<string, SnippetSpec>(StringComparer.Ordinal);
        List<string> Tail(JsonElement x, string where)
        {
            var tail = Strings(x, "tail");
            foreach (var t in tail.Where(t => !snippets.ContainsKey(t)))
            {
                throw Bad(where, $"unknown snippet {t}");
            }

            return tail;
        }

        var figures = Array(e, "figures").Select(f =>
        {
            var key = Str(f, "key") ?? throw Bad("explanation", "a figure without key");
            var keys = f.TryGetProperty("keys", out var k) ? k.EnumerateObject().Select(p => (TextNormalizer.Squeeze(p.Name), p.Value.GetString()!)).ToList() : [];
            var sectionsOf = Strings(f, "in");
            return new FigureSpec(sectionsOf, Str(f, "section") ?? sectionsOf.FirstOrDefault() ?? throw Bad(key, "no section"), key, Str(f, "label") ?? key,
                Pattern(key, Str(f, "pattern") ?? throw Bad(key, "pattern missing")), keys, Tail(f, key), Bool(f, "all"), Bool(f, "merge"), Str(f, "quantity_unit"));
        }).ToList();
        ItemSpec? items = e.TryGetProperty("items", out var it)
            ? new ItemSpec(Strings(it, "in"), Pattern("items", Str(it, "values") ?? throw Bad("items", "values missing")), Tail(it, "items"))
            : null;
        var scores = Array(e, "score_tables").Select(t => new ScoreTableSpec(Squeezed(t, "name"), Squeezed(t, "score"), Str(t, "section")!, Str(t, "key")!, Str(t, "unit") ?? string.Empty)).ToList();
        return new ExplanationSpec(sections, snippets, figures, items, Strings(e, "structure_in"), scores) { Amount = Pattern("amount_units", "{N}(?:" + units + ")") };
    }

    private static TableKind Table(JsonElement e, Dictionary<string, List<ColumnSpec>> columnSets, Dictionary<string, List<SumRule>> ruleSets, List<ColumnLabel> catalogLabels)
    {
        var key = Str(e, "key") ?? throw Bad("tables", "a table without key");
        var columns = e.TryGetProperty("columns", out var c)
            ? c.ValueKind == JsonValueKind.String ? columnSets.GetValueOrDefault(c.GetString()!) ?? throw Bad(key, $"unknown column set {c.GetString()}") : Columns(c)
            : [];
        var rules = e.TryGetProperty("rules", out var r)
            ? r.ValueKind == JsonValueKind.String ? ruleSets.GetValueOrDefault(r.GetString()!) ?? throw Bad(key, $"unknown rule set {r.GetString()}") : Rules(r)
            : [];
        var shape = Str(e, "shape") switch
        {
            "coded" => TableShape.Coded,
            "two_sided" => TableShape.TwoSided,
            "named" => TableShape.Named,
            "listing" => TableShape.Listing,
            var s => throw Bad(key, $"unknown shape {s}"),
        };
        var labels = Array(e, "labels").Select(Label).ToList();
        var kind = new TableKind(
            key,
            e.GetProperty("no").GetInt32(),
            shape,
            Str(e, "classification") ?? "none",
            Array(e, "titles").Select(t => new TitleRule(Squeezed(t, "all"), Squeezed(t, "any"), Squeezed(t, "none"))).ToList(),
            columns,
            labels,
            rules,
            Str(e, "row_set"),
            Str(e, "income_column"),
            e.TryGetProperty("projects", out var p) && p.GetBoolean(),
            Array(e, "code_priors").Select(x => new CodePrior(Strings(x, "prefixes"), Str(x, "column")!, Str(x, "otherwise"), x.GetProperty("bonus").GetDouble())).ToList(),
            Array(e, "name_priors").Select(x => new NamePrior(Strings(x, "contains"), Str(x, "column")!, x.GetProperty("bonus").GetDouble())).ToList());
        return kind with { LabelsLongestFirst = LongestFirst(kind, catalogLabels) };
    }

    /// <summary>The kind's columns by label, longest first: its own labels, then the catalog's labels without a group condition.</summary>
    private static List<(string Label, string Key)> LongestFirst(TableKind kind, List<ColumnLabel> catalogLabels)
    {
        var keys = kind.Columns.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var list = new List<(string, string)>();
        foreach (var l in kind.Labels.Concat(catalogLabels.Where(l => l.Under.Count == 0)))
        {
            if (!keys.Contains(l.Key))
            {
                continue;
            }

            foreach (var label in l.Labels)
            {
                if (!list.Exists(x => x.Item1 == label))
                {
                    list.Add((label, l.Key));
                }
            }
        }

        // stable: equal lengths keep the kind's column order, then label order
        return list.Select((x, i) => (x, i)).OrderByDescending(p => p.x.Item1.Length).ThenBy(p => kind.ColumnIndex(p.x.Item2)).ThenBy(p => p.i).Select(p => p.x).ToList();
    }

    private static List<ColumnSpec> Columns(JsonElement e) =>
        e.EnumerateArray().Select(c => new ColumnSpec(Str(c, "key")!, c.GetProperty("prior").GetDouble(), c.TryGetProperty("optional", out var o) && o.GetBoolean())).ToList();

    private static List<SumRule> Rules(JsonElement e) => e.EnumerateArray().Select(Rule).ToList();

    /// <summary>A sum rule: parts with an optional sign ("-total" is subtracted, "+income" added), and the 类 rows it sums.</summary>
    private static SumRule Rule(JsonElement r)
    {
        var total = Str(r, "total") ?? throw Bad("rules", "a rule without total");
        var plus = new List<string>();
        var minus = new List<string>();
        foreach (var p in Strings(r, "parts"))
        {
            var (list, key) = p.StartsWith('-') ? (minus, p[1..]) : (plus, p.TrimStart('+'));
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
            {
                throw Bad(total, $"bad part \"{p}\"");
            }

            list.Add(key);
        }

        IReadOnlyList<string>? classRows = r.TryGetProperty("class_rows", out var cr)
            ? cr.ValueKind == JsonValueKind.String ? [cr.GetString()!] : cr.EnumerateArray().Select(x => x.GetString()!).ToList()
            : null;
        if (plus.Count == 0 && minus.Count == 0 && classRows is null)
        {
            throw Bad(total, "a rule without parts");
        }

        return new SumRule(total, plus, Strings(r, "tables")) { Minus = minus, ClassRows = classRows };
    }

    private static ColumnLabel Label(JsonElement e) => new(Str(e, "key")!, Squeezed(e, "labels"), Squeezed(e, "under"));

    private static RowLabel RowLabel(JsonElement e) =>
        new(Str(e, "key")!, Squeezed(e, "all"), Squeezed(e, "any"), Squeezed(e, "starts"), Str(e, "section"), Str(e, "in_section"), Str(e, "side"));

    private static CellRef Ref(JsonElement e) =>
        new(Str(e, "table")!, Str(e, "side"), Str(e, "row"), Strings(e, "rows_keys"), Strings(e, "columns"));

    /// <summary>How rows are paired: the "rows" setting, else one cell when <paramref name="anchor"/> names a row (or rows
    /// summed: rows_keys), else code by code.</summary>
    private static RowPairing Pairing(JsonElement e, string anchor) => Str(e, "rows") switch
    {
        null => e.GetProperty(anchor).TryGetProperty("row", out _) || e.GetProperty(anchor).TryGetProperty("rows_keys", out _) ? RowPairing.Cell : RowPairing.Codes,
        "cell" => RowPairing.Cell,
        "codes" => RowPairing.Codes,
        "classes" => RowPairing.Classes,
        "codes_and_total" => RowPairing.CodesAndTotal,
        var s => throw Bad("rows", $"unknown pairing {s}"),
    };

    private static Identity Identity(JsonElement e) =>
        new(Str(e, "check") ?? throw Bad("identities", "an identity without check"), Ref(e.GetProperty("left")), Ref(e.GetProperty("right")), Pairing(e, "left"),
            Bool(e, "only_left_codes"), Str(e, "relation") == "le", Bool(e, "empty_means_zero"), Str(e, "unless"));

    private static Hint Hint(JsonElement e) =>
        new(Ref(e.GetProperty("target")), Ref(e.GetProperty("source")), Pairing(e, "target"), Bool(e, "when_total_equal"), Bool(e, "missing_is_zero"),
            e.TryGetProperty("bonus", out var b) ? b.GetDouble() : 0);

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.GetBoolean();

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    /// <summary>Words as matched: folded (NFKC) and without white space, as titles and labels are compared.</summary>
    private static List<string> Squeezed(JsonElement e, string name) =>
        Strings(e, name).Select(TextNormalizer.Squeeze).ToList();

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static InvalidDataException Bad(string where, string what) => new($"catalog: {where}: {what}");
}

/// <summary>The catalogs shipped with the tool (embedded Catalog/*.json), one per disclosure kind.</summary>
public static class Catalogs
{
    private static readonly Lazy<DisclosureCatalog> BudgetCatalog = new(() => Embedded("budget.json"));
    private static readonly Lazy<DisclosureCatalog> FinalAccountsCatalog = new(() => Embedded("final_accounts.json"));
    private static readonly Lazy<IReadOnlyList<DisclosureCatalog>> AllCatalogs = new(() => [Budget, FinalAccounts]);

    public static DisclosureCatalog Budget => BudgetCatalog.Value;

    /// <summary>The catalog of final accounts (部门决算 / 单位决算).</summary>
    public static DisclosureCatalog FinalAccounts => FinalAccountsCatalog.Value;

    /// <summary>Every catalog (budgets say 预算, final accounts 决算); the first is the default.</summary>
    public static IReadOnlyList<DisclosureCatalog> All => AllCatalogs.Value;

    /// <summary>The catalog of a document whose title names this kind (预算, 决算); budgets when it names none.</summary>
    public static DisclosureCatalog For(string? kindWord)
    {
        foreach (var c in All)
        {
            if (kindWord is not null && c.DocumentWords.Contains(kindWord))
            {
                return c;
            }
        }

        return Budget;
    }

    private static DisclosureCatalog Embedded(string name)
    {
        var asm = typeof(Catalogs).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith("Catalog." + name, StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(resource)!;
        return CatalogLoader.Load(stream);
    }
}
