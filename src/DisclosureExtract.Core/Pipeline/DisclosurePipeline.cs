using System.Security.Cryptography;
using DisclosureExtract.Catalog;
using DisclosureExtract.Explanation;
using DisclosureExtract.Facts;
using DisclosureExtract.Model;
using DisclosureExtract.Parts;
using DisclosureExtract.Reading;
using DisclosureExtract.Tables;
using DisclosureExtract.Validation;

namespace DisclosureExtract.Pipeline;

/// <summary>
/// Reads one file and runs the stages in one direction: reader → part splitter → facts →
/// table recognizers → validation. Every failure becomes a result with a specific message; nothing throws.
/// </summary>
public sealed class DisclosurePipeline
{
    private static readonly PartKind[] AllPartKinds = Enum.GetValues<PartKind>();

    private readonly ConvertOptions _options;
    private readonly IReadOnlyDictionary<SourceFormat, IDocumentReader> _readers;
    private readonly Func<string, byte[]> _readFile;

    public DisclosurePipeline(ConvertOptions? options = null, IEnumerable<IDocumentReader>? readers = null, Func<string, byte[]>? readFile = null)
    {
        _options = options ?? ConvertOptions.Default;
        _readers = (readers ?? DefaultReaders()).ToDictionary(r => r.Format);
        _readFile = readFile ?? File.ReadAllBytes;
    }

    /// <summary>The readers of text, HTML and PDF; <paramref name="pdf"/> replaces the in-process PDF reader (a
    /// <see cref="PdfReaderProcessPool"/>) when given.</summary>
    public static IEnumerable<IDocumentReader> DefaultReaders(IDocumentReader? pdf = null) =>
        [new PlainTextReader(), new HtmlDocumentReader(), pdf ?? new PdfDocumentReader()];

    /// <summary>The options this pipeline applies (limits of size, pages and time).</summary>
    public ConvertOptions Options => _options;

    /// <summary>Reads and converts one file within the time limit of the options (the conversion runs on another
    /// thread that is abandoned if it overruns). A batch uses <see cref="ConvertWithoutTimeLimit"/> on its own
    /// threads and enforces the limit itself (<see cref="BatchConverter"/>), which saves two thread switches a document.</summary>
    public ConversionResult Convert(InputFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return WithinTimeLimit(() => ConvertWithoutTimeLimit(input), () => TimedOut(input));
    }

    /// <summary>Converts bytes already read, within the time limit of the options.</summary>
    public ConversionResult Convert(InputFile input, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(bytes);
        return WithinTimeLimit(() => ConvertUnbounded(input, bytes),
            () => ConversionResult.Failure(input.DocumentId, input.Path, InputSniffer.Sniff(bytes), Convert256(bytes), TimeLimitMessage));
    }

    /// <summary>Runs the work on another thread and waits at most the time limit; a stage still running then is
    /// abandoned (it holds no shared state) and the time-out result is returned.</summary>
    private ConversionResult WithinTimeLimit(Func<ConversionResult> work, Func<ConversionResult> timedOut)
    {
        var task = Task.Run(work);
        return task.Wait(_options.Timeout) ? task.Result : timedOut();
    }

    /// <summary>The result for a document whose conversion overran the time limit.</summary>
    public ConversionResult TimedOut(InputFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ConversionResult.Failure(input.DocumentId, input.Path, null, null, TimeLimitMessage);
    }

    private string TimeLimitMessage => $"time limit: conversion took longer than {_options.Timeout.TotalSeconds:0} s (--timeout)";

    /// <summary>Reads and converts one file on the calling thread, however long it takes: for callers that enforce the
    /// time limit themselves. Every failure becomes a result; nothing throws.</summary>
    public ConversionResult ConvertWithoutTimeLimit(InputFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.SkipReason is { } why)
        {
            return ConversionResult.Failure(input.DocumentId, input.Path, null, null, why);
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(input.Path);
            if (!info.Exists)
            {
                return ConversionResult.Failure(input.DocumentId, input.Path, null, null, "file not found");
            }

            if (info.Length > _options.MaxFileBytes)
            {
                return ConversionResult.Failure(input.DocumentId, input.Path, null, null,
                    $"file too large: {info.Length} bytes, the limit is {_options.MaxFileBytes} (--max-file-mb)");
            }

            bytes = _readFile(input.Path);
        }
        catch (UnauthorizedAccessException)
        {
            return ConversionResult.Failure(input.DocumentId, input.Path, null, null, "permission denied: the file cannot be read");
        }
        catch (IOException ex)
        {
            return ConversionResult.Failure(input.DocumentId, input.Path, null, null, $"cannot read the file: {ex.Message}");
        }

        return ConvertUnbounded(input, bytes);
    }

    private ConversionResult ConvertUnbounded(InputFile input, byte[] bytes)
    {
        var sha = Convert256(bytes);
        if (bytes.Length == 0)
        {
            return ConversionResult.Failure(input.DocumentId, input.Path, null, sha, "empty file");
        }

        var format = InputSniffer.Sniff(bytes);
        if (!_readers.TryGetValue(format, out var reader))
        {
            return ConversionResult.Failure(input.DocumentId, input.Path, format, sha, $"no reader for {format} input in this build");
        }

        try
        {
            var doc = reader.Read(input.DocumentId, input.Path, bytes, sha);
            if (doc.PageCount > _options.MaxPages)
            {
                return ConversionResult.Failure(input.DocumentId, input.Path, format, sha,
                    $"too many pages: {doc.PageCount}, the limit is {_options.MaxPages} (--max-pages)");
            }

            return Analyze(doc);
        }
        catch (InputException ex)
        {
            return ConversionResult.Failure(input.DocumentId, input.Path, format, sha, ex.Message);
        }
#pragma warning disable CA1031 // a bug in one stage must not end the batch: it becomes this document's error
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ConversionResult.Failure(input.DocumentId, input.Path, format, sha, $"internal error while converting: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Runs the stages after reading.</summary>
    public static ConversionResult Analyze(SourceDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var located = TableRecognizer.Located(doc, FactsExtractor.KindWord(doc));
        var catalog = located.Catalog;
        var parts = PartSplitter.Split(doc, located.Spans);
        var (facts, factFindings) = FactsExtractor.Extract(doc, parts);
        var (tables, tableFindings) = located.Recognize();
        var explanation = ExplanationExtractor.Extract(doc, parts, catalog);
        var checks = Validator.Validate(doc, parts, facts, tables, TextFiguresFromExplanation.Map(explanation ?? ExplanationData.Empty));
        var findings = new List<Finding>();
        var missing = AllPartKinds.Where(k => parts.All(p => p.Kind != k)).ToList();
        foreach (var k in missing)
        {
            // many publishers print no glossary, and a file of tables has no text: absent, not a failure to read
            findings.Add(new Finding("part_missing", Severity.Info, $"the document prints no {DocumentPart.KeyOf(k)} part"));
        }

        if (tables.Count == 0 && parts.All(p => p.Kind != PartKind.Tables) && parts.Count > 0)
        {
            findings.Add(new Finding("no_tables", Severity.Info, "the document prints no tables: its text only (a publisher may post the tables as a separate file)"));
        }

        findings.AddRange(factFindings);
        findings.AddRange(tableFindings);
        findings.AddRange(checks);

        var status = ConversionStatus.Converted;
        string? error = null;
        if (tables.Count == 0 && parts.Count < 2)
        {
            status = ConversionStatus.Failed;
            error = "not a budget disclosure: no 预算/决算 tables found";
        }
        else
        {
            // read, but something the tool could not read: tables the document prints under a heading of their own,
            // tables without a single amount, or the end of a table
            var problems = new List<string>();
            if (TablesNotRead(parts, tables) is { } why)
            {
                problems.Add(why);
            }

            problems.AddRange(tableFindings.Where(f => f.Check == "table_truncated").Select(f => f.Message));
            if (problems.Count > 0)
            {
                status = ConversionStatus.Partial;
                error = string.Join("; ", problems);
            }
        }

        return new ConversionResult(doc.DocumentId, doc.SourceFile, doc.Format, doc.Sha256, status, error, doc, parts, facts, tables, findings)
        {
            Explanation = explanation,
            Kind = status == ConversionStatus.Failed ? null : catalog.Kind, // a file that is no disclosure has no kind
        };
    }

    /// <summary>
    /// Why a document with a tables part (or tables) gave no amounts: no table could be read in its tables part, or
    /// every table found is empty. Null when a table has amounts, or when the document has neither (the missing part says so).
    /// </summary>
    private static string? TablesNotRead(IReadOnlyList<DocumentPart> parts, IReadOnlyList<BudgetTable> tables)
    {
        if (tables.Any(t => !t.IsEmpty && t.Rows.Count > 0))
        {
            return null;
        }

        if (tables.Count > 0)
        {
            return $"tables printed but not read: all {tables.Count} tables found are empty (no amounts)";
        }

        return parts.Any(p => p.Kind == PartKind.Tables) ? "tables printed but not read: the tables part has no table the tool could read" : null;
    }

    private static string Convert256(byte[] bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));
}
