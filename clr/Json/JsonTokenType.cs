namespace CpOrders.WooClr.Json
{
    /// <summary>What <see cref="JsonReader.Read"/> found. <see cref="None"/>: before the first read, or the end of the text.</summary>
    public enum JsonTokenType : byte
    {
        None = 0,
        StartObject,
        EndObject,
        StartArray,
        EndArray,
        PropertyName,
        String,
        Number,
        True,
        False,
        Null,
    }
}
