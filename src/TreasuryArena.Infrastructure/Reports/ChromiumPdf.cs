using System.Diagnostics;
using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// Prints an HTML page to PDF with headless Chromium (<c>chromium --headless --no-sandbox --print-to-pdf=FILE file://page.html</c>)
/// from a temporary directory that is removed afterwards. A missing executable, a failed run or a timeout is
/// <see cref="Outcome.PdfUnavailable"/> (503, exit code 1).
/// </summary>
public sealed class ChromiumPdf(BoardReportOptions options)
{
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        var exe = options.ChromiumPath;
        if (string.IsNullOrWhiteSpace(exe) || !File.Exists(exe))
        {
            throw new DomainException(Outcome.PdfUnavailable, $"PDF printing needs headless Chromium at {exe} (Reports:ChromiumPath; on Debian: apt-get install chromium); the HTML report is available");
        }

        var dir = Directory.CreateTempSubdirectory("arena-pdf-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(exe)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-extensions", "--no-first-run",
                "--user-data-dir=" + Path.Combine(dir.FullName, "profile"), "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new DomainException(Outcome.PdfUnavailable, $"could not start {exe}");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.PdfTimeout);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new DomainException(Outcome.PdfUnavailable, string.Create(CultureInfo.InvariantCulture, $"{exe} did not print the PDF within {options.PdfTimeout.TotalSeconds:0} s"));
            }

            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                var err = (await stderr).Trim();
                throw new DomainException(Outcome.PdfUnavailable, string.Create(CultureInfo.InvariantCulture,
                    $"{exe} exited with code {process.ExitCode} without a PDF{(err.Length > 0 ? ": " + err[..Math.Min(err.Length, 300)] : "")}"));
            }

            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a Chromium child still closing a file: the temporary directory is left for the OS to clean
            }
        }
    }
}
