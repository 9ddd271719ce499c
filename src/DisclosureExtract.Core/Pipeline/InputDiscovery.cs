using System.Globalization;

namespace DisclosureExtract.Pipeline;

/// <summary>A path that could not be listed (a link loop, a folder without permission) and why.</summary>
public sealed record SkippedInput(string Path, string Reason);

/// <summary>
/// Expands the command line's files and folders (recursively) into a sorted list of inputs with
/// unique document ids. Symbolic links to folders are not followed, so a link loop cannot trap it.
/// </summary>
public static class InputDiscovery
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md", ".pdf", ".html", ".htm", ".xhtml" };

    public static (IReadOnlyList<InputFile> Files, IReadOnlyList<SkippedInput> Skipped) Discover(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new List<SkippedInput>();
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
                skipped.Add(new SkippedInput(p, "no such file or folder"));
            }
        }

        return (AssignIds(files), skipped);
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

    private static void Walk(string dir, SortedSet<string> files, List<SkippedInput> skipped)
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
                skipped.Add(new SkippedInput(current, "permission denied: the folder cannot be listed"));
                continue;
            }
            catch (IOException ex)
            {
                skipped.Add(new SkippedInput(current, $"cannot list the folder: {ex.Message}"));
                continue;
            }

            foreach (var e in entries)
            {
                if (e is DirectoryInfo d)
                {
                    if (d.LinkTarget is not null)
                    {
                        skipped.Add(new SkippedInput(d.FullName, "symbolic link to a folder: not followed"));
                        continue;
                    }

                    pending.Push(d.FullName);
                }
                else if (e is FileInfo f && Extensions.Contains(f.Extension) && !f.Name.StartsWith('.'))
                {
                    if (f.LinkTarget is not null && f.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
                    {
                        skipped.Add(new SkippedInput(f.FullName, "broken or looping symbolic link"));
                        continue;
                    }

                    files.Add(f.FullName);
                }
            }
        }
    }
}
