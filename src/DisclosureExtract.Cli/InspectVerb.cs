using System.CommandLine;
using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Cli;

/// <summary>
/// inspect: shows what the tool read from one document, to check a conversion against the source: every line with
/// its page and line number and, where the reader knows them, its cells (grid column or x-extent); the parts found;
/// the tables with their rows and values.
/// </summary>
public static class InspectVerb
{
    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The document (text, HTML or PDF)." };
        var what = new Option<string>("--show") { Description = "lines, parts or tables (default lines).", DefaultValueFactory = _ => "lines" };
        var from = new Option<int>("--page") { Description = "Only this page (PDF); 0 = all.", DefaultValueFactory = _ => 0 };
        var cmd = new Command("inspect", "Show the lines, parts or tables the tool read from one document (to check a conversion against the source).") { file, what, from };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var input = InputDiscovery.Discover([path]).FirstOrDefault();
            if (input is null || !File.Exists(path))
            {
                stderr.WriteLine($"error: {path}: file not found");
                return CliApp.ExitUsage;
            }

            var result = new DisclosurePipeline().ConvertWithoutTimeLimit(input);
            if (result.Source is not { } doc)
            {
                stderr.WriteLine($"error: {path}: {result.Error}");
                return CliApp.ExitSomeFailed;
            }

            var page = parse.GetValue(from);
            switch (parse.GetValue(what))
            {
                case "parts":
                    foreach (var p in result.Parts)
                    {
                        stdout.WriteLine($"{DocumentPart.KeyOf(p.Kind),-12} {doc.Lines[p.StartLine].Where,-22} .. {(p.EndLine > 0 ? doc.Lines[p.EndLine - 1].Where : "-"),-22} {p.Heading}");
                    }

                    break;
                case "tables":
                    foreach (var t in result.Tables)
                    {
                        stdout.WriteLine($"== {t.TableNo:D2} {t.TableKey} \"{t.Title}\" unit={t.Unit} {doc.Lines[t.StartLine].Where} rows={t.Rows.Count} columns={string.Join(",", t.Columns)}{(t.IsEmpty ? " EMPTY" : string.Empty)}");
                        foreach (var r in t.Rows)
                        {
                            var values = string.Join("  ", r.Values.Select(v => $"{v.ColumnKey}={v.Amount.ToString(CultureInfo.InvariantCulture)}"));
                            stdout.WriteLine($"   {r.Side,-11} {r.Code ?? r.RowKey ?? "-",-10} {r.ItemName,-24} {values}");
                        }
                    }

                    foreach (var f in result.Findings)
                    {
                        stdout.WriteLine($"finding {f.Severity} {f.Check} {f.TableKey} {f.Code}: {f.Message}");
                    }

                    break;
                default:
                    foreach (var l in doc.Lines)
                    {
                        if (page != 0 && l.Page != page)
                        {
                            continue;
                        }

                        var cells = l.Cells is { } cs
                            ? " ‖ " + string.Join(" | ", cs.Select(c => c.Column is { } col ? $"[{col}]{c.Text}" : c.Left is { } x ? $"@{x:0}{c.Text}" : c.Text))
                            : string.Empty;
                        stdout.WriteLine($"{l.Page?.ToString(CultureInfo.InvariantCulture) ?? "-"}:{l.Number,-4} {l.Text}{cells}");
                    }

                    break;
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }
}
