using System.Globalization;

namespace CpOrders.WooClr.Documents.Numbering
{
    /// <summary>
    /// A DOC_ID read with fnGenDocId's layout, for operators: which store, station, type and day its digits claim, and what
    /// its 6-digit time field means in either encoding (SQL function: seconds x 10 + variant; Counterpoint's client:
    /// fraction of the day x 10^6). Digits cannot say which encoding made an id; a field above 863,999 can only be the client's.
    /// The layout also cannot tell an NCR API id (a different, 15-digit scheme) from a store number of four digits.
    /// Immutable.
    /// </summary>
    public sealed class DocIdParts
    {
        internal DocIdParts(long docId)
        {
            DocId = docId;
            LayoutProblem = DocIdLayout.LayoutProblem(docId);
            if (docId <= 0 || docId > DocIdLayout.MaxDocId) return;
            int type = (int)(docId / DocIdLayout.TypeFactor % 10);
            int field = (int)(docId % DocIdLayout.DayFactor);
            StoreNo = (int)(docId / DocIdLayout.StoreFactor);
            StationNo = (int)(docId / DocIdLayout.StationFactor % 100);
            TypeDigit = type;
            DocType = DocIdLayout.TypeLetter(type);
            DayOfYearMod100 = (int)(docId / DocIdLayout.DayFactor % 100);
            TimeField = field;
            if (field <= DocIdLayout.MaxSqlTimeField)
            {
                SqlSeconds = field / 10;
                SqlVariant = field % 10;
            }
            // fraction of the day x 10^6 -> seconds: field x 86400 / 10^6 = field x 0.0864 (floor)
            ClientSeconds = (int)((long)field * 864 / 10000);
        }

        public long DocId { get; }

        /// <summary>Why the id cannot come from fnGenDocId (null when it can); the parts below are null when it is out of range.</summary>
        public string LayoutProblem { get; }

        public bool MatchesLayout => LayoutProblem == null;

        /// <summary>STR_NO mod 10000 (the id's leading digits).</summary>
        public int? StoreNo { get; }

        /// <summary>STA_NO mod 100.</summary>
        public int? StationNo { get; }

        public int? TypeDigit { get; }

        /// <summary>O, H, T, V, L, Q or R for digits 1-7; null for 9 (another type) and for the impossible 0 and 8.</summary>
        public string DocType { get; }

        /// <summary>The day of the year mod 100 (repeats every 100 days: day 26 is also day 126, 226, 326).</summary>
        public int? DayOfYearMod100 { get; }

        /// <summary>The last six digits.</summary>
        public int? TimeField { get; }

        /// <summary>SQL function encoding: seconds since midnight (null when the field is above 863,999).</summary>
        public int? SqlSeconds { get; }

        /// <summary>SQL function encoding: the variant digit (null when the field is above 863,999).</summary>
        public int? SqlVariant { get; }

        /// <summary>Client encoding: whole seconds since midnight of field / 10^6 of a day.</summary>
        public int? ClientSeconds { get; }

        /// <summary>hh:mm:ss of <see cref="SqlSeconds"/>, or null.</summary>
        public string SqlTime => Clock(SqlSeconds);

        /// <summary>hh:mm:ss of <see cref="ClientSeconds"/>, or null.</summary>
        public string ClientTime => Clock(ClientSeconds);

        /// <summary>One sentence an operator can read.</summary>
        public string Explanation
        {
            get
            {
                if (StoreNo == null) return "DOC_ID " + Text(DocId) + " does not fit fnGenDocId's layout: " + LayoutProblem + ".";
                string type = DocType != null ? "type " + TypeDigit.Value.ToString(CultureInfo.InvariantCulture) + " (" + DocType + ")"
                    : TypeDigit == 9 ? "type 9 (a DOC_TYP other than O, H, T, V, L, Q, R)"
                    : "type " + TypeDigit.Value.ToString(CultureInfo.InvariantCulture) + " (no DOC_TYP makes it)";
                string text = "store " + StoreNo.Value.ToString(CultureInfo.InvariantCulture)
                    + " | station " + StationNo.Value.ToString("00", CultureInfo.InvariantCulture)
                    + " | " + type
                    + " | day of year mod 100 = " + DayOfYearMod100.Value.ToString("00", CultureInfo.InvariantCulture)
                    + " | time field " + TimeField.Value.ToString("000000", CultureInfo.InvariantCulture) + ": ";
                text += SqlSeconds != null
                    ? "SQL function " + SqlTime + " variant " + SqlVariant.Value.ToString(CultureInfo.InvariantCulture) + ", or client " + ClientTime
                    : "client " + ClientTime + " only (above 863999, the SQL function cannot make it)";
                return LayoutProblem == null ? text : text + "; not an fnGenDocId id: " + LayoutProblem;
            }
        }

        private static string Clock(int? seconds)
        {
            if (seconds == null) return null;
            int s = seconds.Value;
            return (s / 3600).ToString("00", CultureInfo.InvariantCulture) + ":"
                + (s / 60 % 60).ToString("00", CultureInfo.InvariantCulture) + ":"
                + (s % 60).ToString("00", CultureInfo.InvariantCulture);
        }

        private static string Text(long value)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
