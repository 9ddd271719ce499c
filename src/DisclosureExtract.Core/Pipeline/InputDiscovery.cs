using System.Globalization;

namespace DisclosureExtract.Pipeline;

/// <summary>
/// Expands the command line's files and folders (recursively) into a sorted list of inputs with
/// unique document ids. Symbolic links to folders are not followed, so a link loop cannot trap it.
/// </summary>
public static class InputDiscovery
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md", ".pdf", ".html", ".htm", ".xhtml" };

    /// <summary>
    /// Every input gets an entry: the files to convert, and the paths that cannot be (a link loop, a folder
    /// that cannot be listed, a missing path) with their <see cref="InputFile.SkipReason"/>, so that each
    /// gets a clear row in documents.csv.
    /// </summary>
    public static IReadOnlyList<InputFile> Discover(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p);
            if (Directory.Exists(full))
            {
                Walk(full, files, skipped);
            }
            else if (File.Exists(full))
            {
                files.Add(full); // a file named explicitly is read whatever its extension
            }
            else
            {
                skipped[full] = "no such file or folder";
            }
        }

        var all = new SortedSet<string>(files, StringComparer.Ordinal);
        all.UnionWith(skipped.Keys);
        return AssignIds(all).Select(f => skipped.TryGetValue(f.Path, out var why) ? f with { SkipReason = why } : f).ToList();
    }

    /// <summary>document_id is the file name without extension; a repeated one gets -2, -3 … in path order.</summary>
    public static IReadOnlyList<InputFile> AssignIds(IEnumerable<string> sortedPaths)
    {
        ArgumentNullException.ThrowIfNull(sortedPaths);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<InputFile>();
        foreach (var path in sortedPaths)
        {
            var id = Path.GetFileNameWithoutExtension(path);
            if (id.Length == 0)
            {
                id = "document";
            }

            if (used.TryGetValue(id, out var n))
            {
                used[id] = n + 1;
                var candidate = $"{id}-{(n + 1).ToString(CultureInfo.InvariantCulture)}";
                while (used.ContainsKey(candidate))
                {
                    n++;
                    candidate = $"{id}-{(n + 1).ToString(CultureInfo.InvariantCulture)}";
                }

                used[candidate] = 1;
                id = candidate;
            }
            else
            {
                used[id] = 1;
            }

            result.Add(new InputFile(path, id));
        }

        return result;
    }

    private static bool IsLoop(string link, string target)
    {
        var t = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target, Path.GetDirectoryName(link)!)) + Path.DirectorySeparatorChar;
        return (Path.GetDirectoryName(link) + Path.DirectorySeparatorChar).StartsWith(t, StringComparison.Ordinal);
    }

    private static void Walk(string dir, SortedSet<string> files, SortedDictionary<string, string> skipped)
    {
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(current).EnumerateFileSystemInfos().ToList();
            }
            catch (UnauthorizedAccessException)
            {
                skipped[current] = "permission denied: the folder cannot be listed";
                continue;
            }
            catch (IOException ex)
            {
                skipped[current] = $"cannot list the folder: {ex.Message}";
                continue;
            }

            foreach (var e in entries)
            {
                if (e is DirectoryInfo d)
                {
                    if (d.LinkTarget is not null)
                    {
                        skipped[d.FullName] = d.ResolveLinkTarget(returnFinalTarget: false) is { } t && IsLoop(d.FullName, t.FullName)
                            ? $"symbolic link loop: {d.Name} points back to {t.FullName}; not followed"
                            : "symbolic link to a folder: not followed";
                        continue;
                    }

                    pending.Push(d.FullName);
                }
                else if (e is FileInfo f && Extensions.Contains(f.Extension) && !f.Name.StartsWith('.'))
                {
                    if (f.LinkTarget is not null && f.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
                    {
                        skipped[f.FullName] = "broken or looping symbolic link";
                        continue;
                    }

                    files.Add(f.FullName);
                }
            }
        }
    }
}
