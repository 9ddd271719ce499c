using System.Diagnostics;
using System.IO.Compression;

namespace DisclosureExtract.Tests.Outputs;

/// <summary>Headless Chromium (Debian's package; .ci/run installs it), found at /usr/bin/chromium, on PATH, or where
/// DX_CHROMIUM says.</summary>
public static class Chromium
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("DX_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator).Select(d => System.IO.Path.Combine(d, "chromium")));
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }

    /// <summary>Takes a screenshot of a page (PNG) in a fresh profile, with the flags that keep Chromium off the network.</summary>
    public static void Screenshot(string url, string png, int width, int height)
    {
        var profile = TestPaths.TempDir();
        var psi = new ProcessStartInfo(Path!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--hide-scrollbars", $"--user-data-dir={profile}", $"--window-size={width},{height}", $"--screenshot={png}", url,
        })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 120 s");
        }

        Assert.True(File.Exists(png), $"chromium wrote no screenshot (exit {p.ExitCode}): {err.Result}");
    }
}

/// <summary>A [Fact] that is skipped, saying why, only when no Chromium can be found.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "chromium not found (/usr/bin/chromium, PATH, DX_CHROMIUM): install Debian's chromium package (.ci/run does)";
        }
    }
}

[Collection(OutputsCollection.Name)]
public class ReportBrowserTests(OutputsFixture fx)
{
    /// <summary>The culprit cells' fill, #ff4d4f.</summary>
    private static readonly (byte R, byte G, byte B) Culprit = (0xff, 0x4d, 0x4f);

    [ChromiumFact]
    public void In_a_real_browser_the_review_page_shows_the_marked_cells()
    {
        var page = Path.Combine(fx.Dir, "report", "tekes-2023.html");
        var png = Path.Combine(TestPaths.TempDir(), "tekes-2023.png");
        // tall enough for all of tekes's tables: its culprit (表7 21012 对个人和家庭的补助) is in the seventh
        Chromium.Screenshot(new Uri(page).AbsoluteUri, png, 1280, 8000);
        var (width, height, pixels) = Png.Decode(File.ReadAllBytes(png));
        Assert.Equal((1280, 8000), (width, height));
        var marked = 0;
        var rows = new HashSet<int>();
        var text = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixels[(y * width) + x];
                if ((r, g, b) == Culprit)
                {
                    marked++;
                    rows.Add(y / 20);
                }
                else if (r < 80 && g < 80 && b < 80)
                {
                    text++;
                }
            }
        }

        // the marked cell is drawn and the page is not blank
        Assert.True(marked > 300, $"{marked} pixels of the culprit fill");
        Assert.True(rows.Count >= 1, $"culprit fill on {rows.Count} bands of the page");
        Assert.True(text > 10_000, $"{text} dark (text) pixels");
        var keep = Environment.GetEnvironmentVariable("DX_KEEP_SCREENSHOT");
        if (!string.IsNullOrEmpty(keep))
        {
            File.Copy(png, keep, overwrite: true);
        }
    }
}

/// <summary>A PNG decoder for what Chromium writes: 8-bit RGB or RGBA, not interlaced.</summary>
public static class Png
{
    public static (int Width, int Height, (byte R, byte G, byte B)[] Pixels) Decode(byte[] png)
    {
        var width = 0;
        var height = 0;
        var channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
                height = (data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7];
                Assert.Equal(8, data[8]);
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}") };
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[height * (stride + 1)];
        z.ReadExactly(raw);
        var prev = new byte[stride];
        var cur = new byte[stride];
        var pixels = new (byte, byte, byte)[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, cur, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
                cur[i] = (byte)(cur[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = (cur[x * channels], cur[(x * channels) + 1], cur[(x * channels) + 2]);
            }

            (prev, cur) = (cur, prev);
        }

        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
