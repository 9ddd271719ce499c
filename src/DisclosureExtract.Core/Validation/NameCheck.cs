using DisclosureExtract.Model;
using DisclosureExtract.Reference;

namespace DisclosureExtract.Validation;

/// <summary>
/// Names of classification codes: one code must carry one name across all tables and the text (warning);
/// a name the reference catalog does not accept for the code (warning); a code the catalog does not know (info).
/// </summary>
public static partial class NameCheck
{
    /// <summary>The numbering some tables print before a 类 name (一、一般公共服务支出, （二）, 3.): not part of the name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．](?!\d))\s*")]
    private static partial System.Text.RegularExpressions.Regex Numbering();

    /// <summary>A row's name without the numbering printed before it.</summary>
    public static string WithoutNumbering(string name) => Numbering().Replace(name, string.Empty);

    private sealed record NameUse(string Classification, string Code, string Name, string Where, string? TableKey, int Line);

    public static IEnumerable<Finding> Run(TableSet tables, TextFigures? text, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(catalog);
        var uses = Collect(tables, text);
        var findings = new List<Finding>();
        foreach (var group in ByCode(uses))
        {
            var (classification, code) = (group[0].Classification, group[0].Code);
            var variants = Variants(group);
            if (variants.Count > 1)
            {
                var first = variants[0].First();
                var odd = variants.Skip(1).First().First();
                var list = string.Join("; ", variants.Select(v => $"“{v.First().Name}” in {string.Join(", ", v.Select(u => u.Where).Distinct())}"));
                findings.Add(new Finding(CheckIds.NameInconsistent, Severity.Warning,
                    $"{code} is printed with {variants.Count} names: {list} (first seen at {tables.At(first.Line)})", odd.TableKey, code, null, null, null, odd.Line));
            }

            if (!catalog.Knows(classification, code))
            {
                var u = group.First();
                findings.Add(new Finding(CheckIds.CodeUnknown, Severity.Info,
                    $"{code} “{u.Name}” ({classification} classification) is not in the reference catalog", u.TableKey, code, null, null, null, u.Line));
                continue;
            }

            foreach (var v in variants)
            {
                var u = v.First();
                if (!catalog.Accepts(classification, code, u.Name))
                {
                    var accepted = string.Join(" / ", catalog.EntriesOf(classification, code).Select(e => $"“{e.name}”").Distinct());
                    findings.Add(new Finding(CheckIds.NameReference, Severity.Warning,
                        $"{code} is printed as “{u.Name}” in {string.Join(", ", v.Select(x => x.Where).Distinct())}; the reference catalog names it {accepted}",
                        u.TableKey, code, null, null, null, u.Line));
                }
            }
        }

        return findings;
    }

    /// <summary>The uses grouped by classification and code, in code order (equal codes in the order first seen), each group in the order seen.</summary>
    private static IEnumerable<List<NameUse>> ByCode(List<NameUse> uses)
    {
        var groups = new Dictionary<(string, string), List<NameUse>>();
        var order = new List<List<NameUse>>();
        foreach (var u in uses)
        {
            if (!groups.TryGetValue((u.Classification, u.Code), out var g))
            {
                g = [];
                groups[(u.Classification, u.Code)] = g;
                order.Add(g);
            }

            g.Add(u);
        }

        return order.OrderBy(g => g[0].Code, StringComparer.Ordinal);
    }

    /// <summary>
    /// The uses of one code grouped by normalized name, in the order first seen. Uses that all print the same name are
    /// one variant without normalizing (the usual case).
    /// </summary>
    private static List<List<NameUse>> Variants(List<NameUse> uses)
    {
        var same = true;
        foreach (var u in uses)
        {
            same &= string.Equals(u.Name, uses[0].Name, StringComparison.Ordinal);
        }

        if (same)
        {
            return [uses];
        }

        var byName = new Dictionary<string, List<NameUse>>(StringComparer.Ordinal);
        var order = new List<List<NameUse>>();
        foreach (var u in uses)
        {
            var key = Names.Normalize(u.Name);
            if (!byName.TryGetValue(key, out var g))
            {
                g = [];
                byName[key] = g;
                order.Add(g);
            }

            g.Add(u);
        }

        return order;
    }

    private static List<NameUse> Collect(TableSet tables, TextFigures? text)
    {
        var uses = new List<NameUse>();
        foreach (var table in tables.All)
        {
            // a listing (政府采购, projects) names its rows by what they buy or do, not by their code's name
            if (tables.KindOf(table) is { Shape: Catalog.TableShape.Listing } or { Projects: true })
            {
                continue;
            }

            var classification = tables.KindOf(table).Classification == "economic" ? ReferenceCatalog.Economic : ReferenceCatalog.Function;
            var where = TableSet.Name(table);
            foreach (var row in table.Rows)
            {
                if (row.Code is { } code && WithoutNumbering(row.ItemName) is { Length: > 0 } name)
                {
                    uses.Add(new NameUse(classification, code, name, where, table.TableKey, row.Line));
                }
            }
        }

        // the 类/款/项 names of the text's items, on the table the items restate
        var itemsTable = TextRules.For(tables.Catalog).FirstOrDefault(r => r.Rows == "items")?.Against.Select(a => tables.Get(a.Table)).FirstOrDefault(t => t is not null);
        if (text is not null && itemsTable is not null)
        {
            var codes = tables.RowsByCode(itemsTable);
            foreach (var item in text.Items)
            {
                if (TextEquations.FindItem(codes, item)?.Code is not { } code)
                {
                    continue;
                }

                void Add(string? name, int length)
                {
                    if (name is { Length: > 0 } && code.Length >= length)
                    {
                        uses.Add(new NameUse(ReferenceCatalog.Function, code[..length], name, "第三部分", null, item.Line));
                    }
                }

                Add(item.ClassName, 3);
                Add(item.SectionName, 5);
                Add(item.ItemName, 7);
            }
        }

        return uses;
    }
}
