using System;

namespace CpOrders.WooClr.Documents.Numbering
{
    /// <summary>
    /// Counterpoint's DOC_ID layout (dbo.fnGenDocId(@StrNo, @StaNo, @DocType, @DocDate, @VarDigit); design 6,
    /// counterpoint-document-model.md 2.1): the decimal concatenation of
    /// <c>[STR_NO mod 10000][STA_NO mod 100, 2 digits][doc-type digit][day of year mod 100, 2 digits][6-digit time field]</c>,
    /// where the time field is seconds since midnight x 10 + a variant digit 0-9 (the SQL function's encoding).
    /// The store part has no leading zeros (it is the id's leading digits), so the id is the number
    /// <c>store x 10^11 + station x 10^9 + type x 10^8 + day x 10^6 + field</c>: 11 digits plus the store's.
    /// Counterpoint's client fills the time field with fraction-of-day x 10^6 instead (most native ids); both share the
    /// prefix. CpOrders composes the SQL function's encoding and, on a collision, advances the variant digit
    /// (<see cref="NextCandidate"/>). Pure: no state, no clock, no culture.
    /// </summary>
    public static class DocIdLayout
    {
        public const long StoreFactor = 100000000000L;   // 10^11
        public const long StationFactor = 1000000000L;   // 10^9
        public const long TypeFactor = 100000000L;       // 10^8
        public const long DayFactor = 1000000L;          // 10^6

        /// <summary>The largest time field the SQL function's encoding can make: 23:59:59 (86,399 s) x 10 + variant 9.</summary>
        public const int MaxSqlTimeField = 863999;

        /// <summary>The largest id the layout can hold: store 9999, station 99, type 9, day 99, field 999999 (15 digits).</summary>
        public const long MaxDocId = 999999999999999L;

        /// <summary>The type digits in order 1..7 (index = digit - 1); every other DOC_TYP is 9.</summary>
        private const string TypeLetters = "OHTVLQR";

        /// <summary>
        /// The doc-type digit: O=1 (order), H=2 (hold), T=3 (ticket), V=4, L=5 (layaway), Q=6 (quote), R=7, anything else 9.
        /// A lower-case letter, a non-ASCII or a control character is refused: whether Counterpoint's
        /// <c>CASE @DocType WHEN 'O'</c> matches 'o' depends on the database's collation, so CpOrders does not guess.
        /// </summary>
        public static int TypeDigit(char docType)
        {
            if (docType >= 'a' && docType <= 'z')
            {
                throw new NumberingException(NumberingException.Param, "document type '" + docType + "' is lower case: pass DOC_TYP in upper case ('"
                    + char.ToUpperInvariant(docType) + "'), because whether Counterpoint's fnGenDocId matches a lower-case letter depends on the database collation");
            }
            if (docType < ' ' || docType > '~')
            {
                throw new NumberingException(NumberingException.Param, "document type U+" + ((int)docType).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
                    + " is not a printable ASCII character");
            }
            int index = TypeLetters.IndexOf(docType);
            return index < 0 ? 9 : index + 1;
        }

        /// <summary>The DOC_TYP letter of a type digit 1..7; null for 9 (any other type) and for 0 and 8 (no type makes them).</summary>
        public static string TypeLetter(int digit)
        {
            return digit >= 1 && digit <= 7 ? TypeLetters.Substring(digit - 1, 1) : null;
        }

        /// <summary>
        /// fnGenDocId: the id of a document of <paramref name="docType"/> at store <paramref name="storeNo"/> (PS_STR.STR_NO)
        /// and station <paramref name="stationNo"/> (PS_STA.STA_NO), dated <paramref name="docDate"/> (the store's local
        /// TKT_DT; only its day of year and whole seconds since midnight count), with variant digit 0-9.
        /// </summary>
        public static long Compose(int storeNo, int stationNo, char docType, DateTime docDate, int variant)
        {
            if (storeNo < 0) throw new NumberingException(NumberingException.Param, "the store number (PS_STR.STR_NO) must not be negative, not " + Text(storeNo));
            if (stationNo < 0) throw new NumberingException(NumberingException.Param, "the station number (PS_STA.STA_NO) must not be negative, not " + Text(stationNo));
            if (variant < 0 || variant > 9) throw new NumberingException(NumberingException.Param, "the variant digit must be 0-9, not " + Text(variant));
            int type = TypeDigit(docType);
            int day = docDate.DayOfYear % 100;
            long seconds = docDate.TimeOfDay.Ticks / TimeSpan.TicksPerSecond;
            long field = seconds * 10 + variant;
            return (storeNo % 10000) * StoreFactor + (stationNo % 100) * StationFactor + type * TypeFactor + day * DayFactor + field;
        }

        /// <summary>
        /// The candidate to probe after <paramref name="docId"/> is taken: the next variant digit. The time field is
        /// seconds x 10 + variant, so variant 9 carries into the next second with variant 0 - the field plus one, i.e. the
        /// id plus one. After 23:59:59 variant 9 (field 863,999) it wraps to field 0 of the same prefix, so the store,
        /// station, type and day digits stay true and the id stays in the SQL function's encoding (a field above 863,999,
        /// which only Counterpoint's client makes, wraps to 0 too). A prefix has 864,000 candidates: the caller bounds its
        /// probe loop (seeing its first candidate again means the prefix is full).
        /// </summary>
        public static long NextCandidate(long docId)
        {
            string problem = LayoutProblem(docId);
            if (problem != null)
            {
                throw new NumberingException(NumberingException.Param, "DOC_ID " + docId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " does not fit fnGenDocId's layout: " + problem);
            }
            long field = docId % DayFactor;
            return field >= MaxSqlTimeField ? docId - field : docId + 1;
        }

        /// <summary>Why <paramref name="docId"/> cannot be an fnGenDocId id, or null when it can.</summary>
        public static string LayoutProblem(long docId)
        {
            if (docId <= 0) return "a DOC_ID of this layout is positive";
            if (docId > MaxDocId) return "a DOC_ID of this layout has at most 15 digits (store number mod 10000)";
            int type = (int)(docId / TypeFactor % 10);
            if (type == 0 || type == 8) return "the doc-type digit (9th from the right) is " + Text(type) + "; fnGenDocId makes only 1-7 and 9";
            return null;
        }

        private static string Text(int value)
        {
            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The parts of <paramref name="docId"/> read with this layout (for operators; see <see cref="DocIdParts"/>).</summary>
        public static DocIdParts Parse(long docId)
        {
            return new DocIdParts(docId);
        }
    }
}
