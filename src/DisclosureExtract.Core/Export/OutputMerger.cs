
namespace DisclosureExtract.Export;

/// <summary>
/// Merges the output folders of shards (convert --shard i/n) into one dataset that is byte-identical
/// to an unsharded run: each shard's files are in document-id order (the first column), so their rows are merged in
/// that order as streams (<see cref="OrderedMerge"/>), and duplicate content across shards is marked as in one run.
/// json/, tables/, xlsx/ and the documents' review pages are copied; disclosures.sqlite, parquet/ and report/index.html
/// are built again from the merged CSVs.
/// </summary>
public static class OutputMerger
{
    public static void Merge(IReadOnlyList<string> shardDirs, string outDir)
    {
        ArgumentNullException.ThrowIfNull(shardDirs);
        ArgumentNullException.ThrowIfNull(outDir);
        foreach (var d in shardDirs)
        {
            if (!File.Exists(Path.Combine(d, BatchOutput.DocumentsFile)))
            {
                throw new IOException($"{d} is not an output folder: it has no {BatchOutput.DocumentsFile}");
            }
        }

        // each shard's files are in document-id order (BatchOutput writes them so): merged as streams, one row of each
        // shard at a time, so a merge of any size holds no file's rows
        var documentFiles = shardDirs.Select(d => Path.Combine(d, BatchOutput.DocumentsFile)).ToList();
        var merged = OrderedMerge.ByKey([.. documentFiles.Select(DatasetFiles.DocumentRows)], r => r.document_id, i => documentFiles[i]);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var staging = outDir.TrimEnd('/', '\\') + $".merging-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            CsvOutput.Write(Path.Combine(staging, BatchOutput.DocumentsFile), DuplicateContent.MarkEach(OnceEach(merged), duplicates));
            foreach (var table in CsvTables.PerRow)
            {
                MergeRows(shardDirs.Select(d => Path.Combine(d, table.FileName)).Where(File.Exists).ToList(), Path.Combine(staging, table.FileName), duplicates);
            }

            foreach (var sub in new[] { "json", "tables", XlsxOutput.Folder, ReportOutput.Folder })
            {
                foreach (var d in shardDirs)
                {
                    var src = Path.Combine(d, sub);
                    if (Directory.Exists(src))
                    {
                        CopyTree(src, Path.Combine(staging, sub));
                    }
                }
            }

            // the dataset's own files again, from the merged CSVs, in the formats the shards were written in
            DatasetFiles.Write(staging, FormatsOf(shardDirs));
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }

            Directory.Move(staging, outDir);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The formats the shards were converted with, read from the files they hold.</summary>
    private static OutputFormats FormatsOf(IReadOnlyList<string> shardDirs)
    {
        var formats = OutputFormats.Csv;
        foreach (var d in shardDirs)
        {
            formats |= Directory.Exists(Path.Combine(d, "json")) ? OutputFormats.Json : OutputFormats.None;
            formats |= Directory.Exists(Path.Combine(d, XlsxOutput.Folder)) ? OutputFormats.Xlsx : OutputFormats.None;
            formats |= Directory.Exists(Path.Combine(d, ReportOutput.Folder)) ? OutputFormats.Report : OutputFormats.None;
            formats |= Directory.Exists(Path.Combine(d, ParquetOutput.Folder)) ? OutputFormats.Parquet : OutputFormats.None;
            formats |= File.Exists(Path.Combine(d, SqliteOutput.FileName)) ? OutputFormats.Sqlite : OutputFormats.None;
        }

        return formats;
    }

    /// <summary>The merged documents rows, each id once: an id in two shards means the shards were not cut from one list.</summary>
    private static IEnumerable<DocumentRow> OnceEach(IEnumerable<DocumentRow> rowsSortedById)
    {
        string? previous = null;
        foreach (var r in rowsSortedById)
        {
            if (r.document_id == previous)
            {
                throw new IOException($"document {r.document_id} is in more than one shard: were the shards cut from the same input list?");
            }

            previous = r.document_id;
            yield return r;
        }
    }

    /// <summary>Rows stay raw strings (re-quoted the way they were written), merged by their first column (the document
    /// id) from files each in id order.</summary>
    private static void MergeRows(IReadOnlyList<string> files, string target, IReadOnlySet<string> drop)
    {
        var csvs = new List<LongCsv>(files.Count);
        try
        {
            csvs.AddRange(files.Select(f => new LongCsv(f)));
            var header = csvs.Select(c => c.Header).FirstOrDefault(h => h.Length > 0);
            var rows = OrderedMerge.ByKey([.. csvs.Select(c => c.Records())], r => r[0], i => files[i]).Where(r => !drop.Contains(r[0]));
            CsvOutput.WriteGrid(target, (header is null ? [] : new[] { header }).Concat(rows));
        }
        finally
        {
            csvs.ForEach(c => c.Dispose());
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var f in Directory.EnumerateFiles(source))
        {
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)), overwrite: true);
        }

        foreach (var d in Directory.EnumerateDirectories(source))
        {
            CopyTree(d, Path.Combine(target, Path.GetFileName(d)));
        }
    }
}
