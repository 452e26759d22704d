namespace OnlineRecs.Core.Data;

/// <summary>Turns MovieLens user rows (gender, age, occupation) into user features.</summary>
internal sealed class UserMetadataBuilder
{
    private readonly FeatureTableBuilder _features = new();

    public void AddUser(int id, string gender, string ageBucket, string occupation, string file, int line)
    {
        if (gender is not ("M" or "F"))
            throw new DataFormatException(file, line, $"gender '{gender}' is not M or F");
        _features.Add(id, FeatureKeys.Gender, gender);
        _features.Add(id, FeatureKeys.Age, ageBucket);
        _features.Add(id, FeatureKeys.Occupation, occupation);
    }

    public Dictionary<int, string[]> BuildFeatures() => _features.Build();
}
