using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OnlineRecs.Cluster.Tests.EndToEnd;

/// <summary>
/// The real silo, started with the README's command on free loopback ports and its own data folder, and
/// stopped the hard way (SIGKILL to the whole process tree) to test what survives a crash.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SiloProcess(string dataDirectory, int httpPort, int gatewayPort, int siloPort, string[] extra)
    {
        HttpPort = httpPort;
        GatewayPort = gatewayPort;
        _process = Process.Start(DotnetCommand.Run("silo", [
            "--data-dir", dataDirectory, "--http-port", $"{httpPort}", "--gateway-port", $"{gatewayPort}", "--silo-port", $"{siloPort}", .. extra]))!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public string Gateway => $"127.0.0.1:{GatewayPort}";

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output.TakeLast(60)); }
    }

    /// <summary>Starts a silo and waits until its HTTP API answers, which is after it replayed its log.</summary>
    public static async Task<SiloProcess> Start(string dataDirectory, params string[] extra)
    {
        await DotnetCommand.OneAtATime.WaitAsync();
        try
        {
            return await StartAlone(dataDirectory, extra);
        }
        finally
        {
            DotnetCommand.OneAtATime.Release();
        }
    }

    private static async Task<SiloProcess> StartAlone(string dataDirectory, string[] extra)
    {
        var silo = new SiloProcess(dataDirectory, FreePort(), FreePort(), FreePort(), extra);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (silo._process.HasExited) throw new InvalidOperationException($"The silo exited with {silo._process.ExitCode}:\n{silo.Output}");
            try
            {
                if ((await http.GetAsync("/model")).IsSuccessStatusCode) return silo;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await silo.DisposeAsync();
        throw new TimeoutException($"The silo did not answer within 3 minutes:\n{silo.Output}");
    }

    /// <summary>SIGKILL to the silo and everything it started: no shutdown code runs.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 500) _output.RemoveRange(0, 250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
