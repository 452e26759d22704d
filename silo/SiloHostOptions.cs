namespace OnlineRecs.Silo;

/// <summary>Where the silo listens and who may write; bound from the <c>OnlineRecs:Silo</c> configuration section.</summary>
public sealed class SiloHostOptions
{
    public const string Section = "OnlineRecs:Silo";

    /// <summary>Loopback unless configured: the API is not exposed by accident.</summary>
    public string HttpAddress { get; set; } = "127.0.0.1";

    public int HttpPort { get; set; } = 5080;

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>When set, every write endpoint requires it in the <c>X-Api-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The largest request body accepted (10,000 NDJSON events fit with room to spare).</summary>
    public long MaxRequestBytes { get; set; } = 8 << 20;

    /// <summary>Command-line switches and the configuration keys they set.</summary>
    public static Dictionary<string, string> SwitchMappings { get; } = new()
    {
        ["--data-dir"] = "OnlineRecs:Ingest:DataDirectory",
        ["--http-address"] = $"{Section}:HttpAddress",
        ["--http-port"] = $"{Section}:HttpPort",
        ["--silo-port"] = $"{Section}:SiloPort",
        ["--gateway-port"] = $"{Section}:GatewayPort",
        ["--api-key"] = $"{Section}:ApiKey",
        ["--loss"] = "OnlineRecs:Learning:Loss",
        ["--replays"] = "OnlineRecs:Learning:ReplaysPerPositive",
        ["--retrain-algorithm"] = "OnlineRecs:Retrain:Algorithm",
        ["--retrain-every-events"] = "OnlineRecs:Retrain:EveryEvents",
        ["--retrain-every-minutes"] = "OnlineRecs:Retrain:EveryMinutes",
    };
}
