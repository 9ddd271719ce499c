using System.Collections.Concurrent;
using System.Diagnostics;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Batch;

public class BatchConverterTests
{
    /// <summary>Reads text as usual, except that a file containing HANG never finishes (until the test ends).</summary>
    private sealed class HangingReader(CancellationToken release) : IDocumentReader
    {
        private readonly PlainTextReader _text = new();

        public SourceFormat Format => SourceFormat.Text;

        public SourceDocument Read(string documentId, string path, byte[] bytes, string sha256)
        {
            if (System.Text.Encoding.UTF8.GetString(bytes).Contains("HANG", StringComparison.Ordinal))
            {
                release.WaitHandle.WaitOne();
            }

            return _text.Read(documentId, path, bytes, sha256);
        }
    }

    private static List<InputFile> Inputs(string dir, int hanging)
    {
        var inputs = Directory.GetFiles(TestPaths.Corpus("text"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new InputFile(f, Path.GetFileNameWithoutExtension(f))).ToList();
        for (var i = 0; i < hanging; i++)
        {
            var path = Path.Combine(dir, $"hang-{i}.txt");
            File.WriteAllText(path, "HANG");
            inputs.Insert(1 + i, new InputFile(path, $"hang-{i}"));
        }

        return inputs;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_document_that_overruns_the_time_limit_fails_and_the_batch_goes_on_at_the_same_degree(int jobs)
    {
        using var release = new CancellationTokenSource();
        var inputs = Inputs(TestPaths.TempDir(), hanging: 2);
        var pipeline = new DisclosurePipeline(ConvertOptions.Default with { Timeout = TimeSpan.FromSeconds(1) }, [new HangingReader(release.Token)]);
        var results = new ConcurrentBag<ConversionResult>();

        // compiled first: a real document's first conversion in a process (JIT, catalogs) took more than the 1 s limit
        // while the other test classes ran on both cores
        foreach (var input in inputs.Where(i => !i.DocumentId.StartsWith("hang-", StringComparison.Ordinal)))
        {
            Assert.Equal(ConversionStatus.Converted, new DisclosurePipeline().ConvertWithoutTimeLimit(input).Status);
        }

        var watch = Stopwatch.StartNew();
        new BatchConverter(pipeline).ConvertAll(inputs, jobs, results.Add);
        watch.Stop();
        release.Cancel();

        Assert.Equal(inputs.Select(i => i.DocumentId).Order(StringComparer.Ordinal), results.Select(r => r.DocumentId).Order(StringComparer.Ordinal));
        Assert.All(results.Where(r => r.DocumentId.StartsWith("hang-", StringComparison.Ordinal)), r =>
        {
            Assert.Equal(ConversionStatus.Failed, r.Status);
            Assert.StartsWith("time limit: conversion took longer than 1 s", r.Error, StringComparison.Ordinal);
        });
        Assert.All(results.Where(r => !r.DocumentId.StartsWith("hang-", StringComparison.Ordinal)), r => Assert.Equal(ConversionStatus.Converted, r.Status));

        // two hung documents cost about one limit each at one job (their workers are replaced), not the whole batch
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Every_input_is_reported_once_whatever_the_degree()
    {
        var inputs = Enumerable.Range(0, 40).Select(i => new InputFile($"/nonexistent/{i}.txt", $"d{i:00}")).ToList();
        foreach (var jobs in new[] { 1, 3, 64 })
        {
            var results = new ConcurrentBag<ConversionResult>();
            new BatchConverter(new DisclosurePipeline()).ConvertAll(inputs, jobs, results.Add);
            Assert.Equal(inputs.Select(i => i.DocumentId), results.Select(r => r.DocumentId).Order(StringComparer.Ordinal));
            Assert.All(results, r => Assert.Equal("file not found", r.Error));
        }
    }

    [Fact]
    public void A_failing_callback_stops_the_batch_and_is_rethrown()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => new InputFile($"/nonexistent/{i}.txt", $"d{i:000}")).ToList();
        var calls = 0;

        var ex = Assert.Throws<AggregateException>(() => new BatchConverter(new DisclosurePipeline()).ConvertAll(inputs, 2, _ =>
        {
            if (Interlocked.Increment(ref calls) == 5)
            {
                throw new IOException("disk full");
            }
        }));

        Assert.IsType<IOException>(ex.InnerException);
        Assert.True(calls < 200, $"{calls} documents were handed on after the failure");
    }
}
