using System.Globalization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>
/// Turns evaluated equations into findings: one per equation that does not hold exactly, grouped by root cause. A group
/// has one <c>error</c> at most — the culprit, or for an ambiguous or unexplained group its first finding — and that
/// only when the evidence is solid; consequences and roundings are warnings.
/// </summary>
internal static class Report
{
    /// <summary>A table failing more than this share of its checks (in at least <see cref="DoubtfulGroups"/> places) was probably misread.</summary>
    public const decimal DoubtfulShare = 0.25m;

    /// <summary>More failed checks than this in one group that no single printed number explains point at the tool's reading.</summary>
    public const int LargeGroup = 6;

    /// <summary>The number of unrelated failures (groups) from which a table's failures may be the tool's misreading.</summary>
    public const int DoubtfulGroups = 3;

    /// <param name="set">The tables.</param>
    /// <param name="equations">The evaluated equations.</param>
    /// <param name="group">The last group number used (groups are numbered on from it).</param>
    /// <param name="failedCells">Filled with the group of every printed number a failed equation reads, and the group's culprit.</param>
    public static List<Finding> Arithmetic(TableSet set, IReadOnlyList<Equation> equations, ref int group, Dictionary<Cell, (int Group, Explanation? Culprit)> failedCells)
    {
        var findings = new Dictionary<Equation, Finding>(ReferenceEqualityComparer.Instance);
        var groups = RootCause.Analyze(equations);
        var doubtful = Doubtful(equations, groups);

        // one column that is the culprit in several rows is off as a whole: a column the tool took for another, or a
        // difference the publisher made on purpose, more likely than the same misprint row after row
        var columnWide = groups.Select(g => g.Culprit?.Cell).OfType<Cell>().Where(c => !c.IsText)
            .GroupBy(c => (c.TableKey, c.Column)).Where(x => x.Count() > 1)
            .ToDictionary(x => x.Key, x => $"{TableSet.Name(x.First().Table!)} {x.Key.Column} is off in {x.Count()} rows ({string.Join(", ", x.Take(4).Select(c => c.Code ?? c.Row!.ItemName))}): the tool may have read another column as {x.Key.Column}, or the column differs throughout");
        foreach (var g in groups)
        {
            var n = ++group;
            foreach (var t in g.Failed.SelectMany(e => e.Terms))
            {
                failedCells.TryAdd(t.Cell, (n, g.Culprit));
            }

            if (g.Culprit is { } c)
            {
                Culprit(set, g, c, n, doubtful, columnWide.GetValueOrDefault((c.Cell.TableKey, c.Cell.Column)), findings);
            }
            else
            {
                NoCulprit(set, g, n, doubtful, findings);
            }
        }

        foreach (var g in RootCause.Components(equations, Outcome.Rounding, explain: false))
        {
            var n = ++group;
            foreach (var e in g.Failed)
            {
                var note = string.Create(CultureInfo.InvariantCulture, $" (within the rounding of its printed figures, ±{Plain(e.Tolerance)}: probably rounding)");
                findings[e] = Finding(e, Severity.Warning, Standard(e) + note, n, Roles.Rounding);
            }
        }

        return equations.Where(findings.ContainsKey).Select(e => findings[e]).ToList();
    }

    private static void Culprit(TableSet set, FailureGroup g, Explanation c, int n, Dictionary<string, string> doubtful, string? columnWide, Dictionary<Equation, Finding> findings)
    {
        var carrier = g.Failed.Find(e => ReferenceEquals(e.Anchor, c.Cell)) ?? g.Failed[0];
        // the doubts of the failed checks count when every one of them has some: a check read without doubt that fails
        // because of the culprit is evidence enough
        var doubts = g.Failed.TrueForAll(e => e.Doubts.Any()) ? g.Failed.SelectMany(e => e.Doubts).Distinct().ToList() : [];
        if (c.Cell.TableKey is { } key && doubtful.TryGetValue(key, out var why))
        {
            doubts.Add(why);
        }

        if (columnWide is not null)
        {
            doubts.Add(columnWide);
        }

        if (c.Cell.Printed is null)
        {
            doubts.Add("the cell is empty as read: a number the tool did not read, or one the source leaves out");
        }

        var doubt = doubts.Count > 0 ? string.Join("; ", doubts) : null;
        var others = g.Failed.Count - 1;
        var msg = string.Create(CultureInfo.InvariantCulture,
            $"{Standard(carrier)} — the one printed number that explains {(others == 0 ? "it" : $"all {g.Failed.Count} failed checks of group {n}")}: {c.Cell.Describe(set)}, which would have to be {Plain(c.Corrected)}");
        if (doubt is not null)
        {
            msg += $"; but {doubt}";
        }

        var place = c.Cell.IsText ? carrier.Place : Place.Of(c.Cell);
        findings[carrier] = place.Finding(carrier.Check, doubt is null ? Severity.Error : Severity.Warning, msg, c.Corrected, c.Cell.Value) with { Group = n, Role = Roles.Culprit };
        foreach (var e in g.Failed)
        {
            if (!ReferenceEquals(e, carrier))
            {
                findings[e] = Finding(e, Severity.Warning, Standard(e) + $" — follows from {c.Cell.Describe(set)} (group {n})", n, Roles.Consequence);
            }
        }
    }

    private static void NoCulprit(TableSet set, FailureGroup g, int n, Dictionary<string, string> doubtful, Dictionary<Equation, Finding> findings)
    {
        var ambiguous = g.Explanations.Count > 1;
        var reasons = new List<string>();
        foreach (var e in g.Failed)
        {
            foreach (var m in e.Missing)
            {
                if (!reasons.Contains(m + " (not printed, or not read)"))
                {
                    reasons.Add(m + " (not printed, or not read)");
                }
            }
        }

        foreach (var d in g.Failed.SelectMany(e => e.Doubts).Distinct())
        {
            reasons.Add(d);
        }

        if (!ambiguous && g.Failed.Count > LargeGroup)
        {
            reasons.Add($"{g.Failed.Count} checks fail together and no single printed number explains them: more likely the tool misread the table than the document");
        }

        if (ambiguous)
        {
            reasons.Add("arithmetic cannot tell which of them is wrong, or whether the tool misread one");
        }

        foreach (var key in g.Failed.SelectMany(e => e.Terms).Select(t => t.Cell.TableKey).OfType<string>().Distinct())
        {
            if (doubtful.TryGetValue(key, out var why))
            {
                reasons.Add(why);
            }
        }

        string lead;
        if (ambiguous)
        {
            var list = string.Join("; ", g.Explanations.Take(6).Select(x => $"{x.Cell.Describe(set)} → {Plain(x.Corrected)}"));
            lead = $" — one of {g.Explanations.Count} printed numbers would explain {(g.Failed.Count == 1 ? "it" : $"the {g.Failed.Count} failed checks of group {n}")}: {list}{(g.Explanations.Count > 6 ? "; …" : string.Empty)}";
        }
        else
        {
            lead = g.Failed.Count == 1
                ? " — no single printed number explains it (changing any one of its figures would break another check)"
                : $" — no single printed number explains the {g.Failed.Count} failed checks of group {n}";
        }

        if (reasons.Count > 0)
        {
            lead += "; " + string.Join("; ", reasons);
        }

        var role = ambiguous ? Roles.Ambiguous : Roles.Unexplained;
        for (var i = 0; i < g.Failed.Count; i++)
        {
            var e = g.Failed[i];
            var severity = i == 0 && reasons.Count == 0 ? Severity.Error : Severity.Warning;
            findings[e] = Finding(e, severity, Standard(e) + (i == 0 ? lead : $" (group {n})"), n, role);
        }
    }

    /// <summary>
    /// Tables with many independent failures: at least <see cref="DoubtfulGroups"/> groups of failed checks, and failed
    /// checks making more than <see cref="DoubtfulShare"/> of its checks. A table whose printed numbers contradict each other
    /// that often was more likely misread by the tool than misprinted. Keyed by table_key, with the reason.
    /// </summary>
    private static Dictionary<string, string> Doubtful(IReadOnlyList<Equation> equations, List<FailureGroup> groups)
    {
        var counts = new Dictionary<string, (int All, int Failed)>(StringComparer.Ordinal);
        var tables = new List<string>(); // the tables of one equation: a few terms, mostly of one table
        foreach (var e in equations)
        {
            tables.Clear();
            foreach (var t in e.Terms)
            {
                if (t.Cell.TableKey is { } key && !tables.Contains(key))
                {
                    tables.Add(key);
                    var (all, failed) = counts.GetValueOrDefault(key);
                    counts[key] = (all + 1, failed + (e.Outcome == Outcome.Fails ? 1 : 0));
                }
            }
        }

        var groupCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            foreach (var key in g.Failed.SelectMany(e => e.Terms).Select(t => t.Cell.TableKey).OfType<string>().Distinct())
            {
                groupCount[key] = groupCount.GetValueOrDefault(key) + 1;
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, (all, failed)) in counts)
        {
            var n = groupCount.GetValueOrDefault(key);
            if (n >= DoubtfulGroups && failed > all * DoubtfulShare)
            {
                result[key] = string.Create(CultureInfo.InvariantCulture,
                    $"{key} fails {failed} of its {all} checks in {n} unrelated places, which looks more like the tool misreading the table than the document: check it against the source");
            }
        }

        return result;
    }

    private static Finding Finding(Equation e, Severity severity, string message, int group, string role) =>
        e.Place.Finding(e.Check, severity, message, e.Stated.Expected, e.Stated.Actual) with { Group = group, Role = role };

    /// <summary>A number without trailing zeros (0.0050 → 0.005), for messages.</summary>
    public static string Plain(decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>"…: printed 1202.75, expected 1126.25, difference 76.50" (or "… is more than … by …" for an upper bound).</summary>
    public static string Standard(Equation e) => e.AtMost
        ? string.Create(CultureInfo.InvariantCulture, $"{e.What()}: {e.Left} is more than {e.Right} by {e.Residual}")
        : string.Create(CultureInfo.InvariantCulture, $"{e.What()}: printed {e.Stated.Actual}, expected {e.Stated.Expected}, difference {e.Residual}");
}
