using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OnlineRecs.Client.Commands;

namespace OnlineRecs.Client.Cluster;

/// <summary>The options every cluster command shares (where the cluster is, how to reach it) and opening what they name.</summary>
public sealed class ConnectionOptions
{
    private readonly Option<string> _gateway = new("--gateway")
    {
        Description = "The Orleans gateway as host:port (the default transport).", DefaultValueFactory = _ => "127.0.0.1:30000",
    };

    private readonly Option<string?> _url = new("--url") { Description = "Use the silo's HTTP API at this address instead, e.g. http://127.0.0.1:5080." };

    private readonly Option<string?> _apiKey = new("--api-key") { Description = "With --url: sent as X-Api-Key, for silos that guard writes." };

    public void AddTo(Command command)
    {
        command.Options.Add(_gateway);
        command.Options.Add(_url);
        command.Options.Add(_apiKey);
    }

    /// <summary>
    /// Opens the connection, runs <paramref name="action"/> on it and closes it; what the cluster refuses and a
    /// cluster that cannot be reached end as one line on stderr and exit code 2.
    /// </summary>
    /// <param name="concurrency">Requests the action may have outstanding at once.</param>
    public async Task<int> Run(ParseResult result, int concurrency, Func<IClusterConnection, Task<int>> action, CancellationToken cancellation)
    {
        try
        {
            await using var connection = await Open(result, concurrency, cancellation);
            return await action(connection);
        }
        catch (ClusterException e)
        {
            return EvalCommand.Fail(e.Message);
        }
    }

    private async Task<IClusterConnection> Open(ParseResult result, int concurrency, CancellationToken cancellation)
    {
        var url = result.GetValue(_url);
        var apiKey = result.GetValue(_apiKey);
        if (url is null)
        {
            if (apiKey is not null) throw new ClusterException("--api-key goes with --url: the Orleans gateway takes no API key.");
            return await GatewayConnection.Open(await Resolve(result.GetValue(_gateway)!, cancellation), cancellation);
        }
        if (result.GetResult(_gateway) is { Implicit: false }) throw new ClusterException("give --gateway or --url, not both.");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw new ClusterException($"--url must be an http:// or https:// address, not '{url}'.");
        return HttpConnection.Open(address, apiKey, concurrency);
    }

    /// <summary>host:port to an address Orleans can dial; a name is looked up, preferring IPv4 as the silo listens on it.</summary>
    private static async Task<IPEndPoint> Resolve(string text, CancellationToken cancellation)
    {
        if (IPEndPoint.TryParse(text, out var literal) && literal.Port != 0) return literal;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > IPEndPoint.MaxPort)
            throw new ClusterException($"--gateway must be host:port, not '{text}'.");
        var host = text[..colon];
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellation);
            var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
            return new IPEndPoint(address, port);
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException)
        {
            throw new ClusterUnreachableException($"cannot resolve the gateway host '{host}': {e.Message}", e);
        }
    }
}
