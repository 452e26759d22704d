namespace OnlineRecs.Grains.Ingest;

/// <summary>What the ingest path accepts and how it logs; bound from the <c>OnlineRecs:Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string Section = "OnlineRecs:Ingest";

    /// <summary>Where the event log lives; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public float MinRating { get; set; } = 0f;

    public float MaxRating { get; set; } = 5f;

    public float MaxWeight { get; set; } = 100f;

    /// <summary>The most events one request may carry.</summary>
    public int MaxEventsPerRequest { get; set; } = 10_000;

    /// <summary>
    /// The most events one log frame (one fsync) gathers from waiting requests, and one learning group from waiting frames.
    /// A group's cost is mostly fixed (replayed positives reach nearly every user, negatives nearly every item, a call
    /// each), so a learner that fell behind catches up fastest in large groups: on the synthetic million, unpaced, groups
    /// of up to 32,768 learned 71k events/s where groups of up to 8,192 learned 50k.
    /// </summary>
    public int MaxEventsPerGroup { get; set; } = 32_768;

    /// <summary>
    /// How many logged events may wait for the learner besides the group it is learning; the writer, and so
    /// acknowledgements, wait beyond it. Two groups' worth lets the writer go on through one slow group: at one group's
    /// worth every group that took longer to learn than the next took to arrive stalled acknowledgements (over HTTP at
    /// 50,000 events/s of new users, stalls of 0.3-1.6 s and ack p99 83-187 ms, against 60-74 ms with it). It also bounds
    /// how long a user's query waits for its acknowledged events to be learned (read-your-writes): about a second and a
    /// half at worst, for a learner at its limit.
    /// </summary>
    public int MaxUnlearnedEvents { get; set; } = 65_536;

    /// <summary>
    /// Events waiting for the learner from which it takes the waiting frames together, to catch up (a larger group costs
    /// less per event); below it the learner takes them one by one, which learns better (each group learns against the
    /// items as the group before left them).
    /// </summary>
    public int CatchUpBacklog { get; set; } = 1_024;

    /// <summary>
    /// Whether the silo compiles and activates its event path as it starts (<see cref="EventPathWarmUp"/>): about half a
    /// second more at start, and a fresh silo's first acknowledgements in ~40 ms instead of 150-200.
    /// </summary>
    public bool WarmUpOnStart { get; set; } = true;

    /// <summary>Requests waiting for the log writer; producers wait when it is full.</summary>
    public int QueueCapacity { get; set; } = 256;

    public const int MaxFeaturesPerEntity = 256;
    public const int MaxFeatureLength = 128;
    public const int MaxTitleLength = 512;
}
