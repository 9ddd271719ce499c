using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DisclosureExtract.Pipeline;

/// <summary>
/// The i-th of n deterministic slices of an input list, chosen by a hash of each file's document id
/// (so every machine agrees, however the collection is mounted). Any batch scheduler (a Kubernetes
/// Indexed Job, a Slurm job array, GNU parallel) can run one slice per task; `merge` joins the outputs.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses "i/n" with 1 ≤ i ≤ n.</summary>
    public static bool TryParse(string? text, out Shard shard)
    {
        shard = All;
        var parts = text?.Split('/') ?? [];
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i >= 1 && i <= n)
        {
            shard = new Shard(i, n);
            return true;
        }

        return false;
    }

    public bool Contains(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Count == 1)
        {
            return true;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(file.DocumentId), hash);
        var value = BitConverter.ToUInt64(hash[..8]);
        return (int)(value % (ulong)Count) == Index - 1;
    }

    public IReadOnlyList<InputFile> Select(IReadOnlyList<InputFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Where(Contains).ToList();
    }
}
