using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.SqlTypes;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Documents.Numbering;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// Counterpoint's numbering rules (design 6, 11) as deterministic functions: no data access, no HTTP, fine inside the
    /// order's transaction. The T-SQL that takes a number under lock and probes DOC_ID is its caller. A NULL argument gives
    /// NULL (no rows for DocIdParts), except where each function says otherwise; a wrong argument raises an error whose
    /// message starts with CPO-PARAM: (or CPO-NEXT-NUMBER: for a next-number value CpOrders will not increment) and says why.
    /// </summary>
    public static class NumberingFunctions
    {
        /// <summary>
        /// wooclr.GenDocId(@StoreNo, @StationNo, @DocType, @DocDate, @VariantDigit): Counterpoint's dbo.fnGenDocId layout
        /// with the SQL function's time encoding (seconds since midnight x 10 + variant digit).
        /// @DocType is one character (O order, H, T, V, L, Q, R; any other upper-case or printable ASCII character gives type 9);
        /// @DocDate is the store's local TKT_DT (pass the value the row stores).
        /// </summary>
        [SqlFunction(Name = "GenDocId", IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None)]
        public static SqlInt64 GenDocId(SqlInt32 StoreNo, SqlInt32 StationNo, [SqlFacet(MaxSize = 10)] SqlString DocType,
            DateTime? DocDate, SqlInt32 VariantDigit)
        {
            if (StoreNo.IsNull || StationNo.IsNull || DocType.IsNull || !DocDate.HasValue || VariantDigit.IsNull) return SqlInt64.Null;
            string type = DocType.Value;
            if (type.Length != 1)
            {
                throw new NumberingException(NumberingException.Param, "@DocType must be exactly one character (DOC_TYP), not '" + type + "'");
            }
            return new SqlInt64(DocIdLayout.Compose(StoreNo.Value, StationNo.Value, type[0], DocDate.Value, VariantDigit.Value));
        }

        /// <summary>
        /// wooclr.NextDocIdCandidate(@DocId): the id to probe when @DocId is taken - the next variant digit, which past 9
        /// is the next second (the id plus one); after 23:59:59 variant 9 it wraps to 00:00:00 variant 0 of the same
        /// store, station, type and day. Raises for an id that does not fit the layout.
        /// </summary>
        [SqlFunction(Name = "NextDocIdCandidate", IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None)]
        public static SqlInt64 NextDocIdCandidate(SqlInt64 DocId)
        {
            if (DocId.IsNull) return SqlInt64.Null;
            return new SqlInt64(DocIdLayout.NextCandidate(DocId.Value));
        }

        /// <summary>
        /// wooclr.DocIdParts(@DocId): one row reading the id with fnGenDocId's layout, for operators. Never raises: an id
        /// that does not fit has matches_layout 0 and the reason in explanation. A NULL @DocId gives no rows.
        /// </summary>
        [SqlFunction(Name = "DocIdParts", FillRowMethodName = nameof(FillDocIdPartsRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "doc_id bigint, matches_layout bit, store_no int, station_no int, type_digit int, doc_type nvarchar(1), " +
                "day_of_year_mod_100 int, time_field int, sql_seconds int, sql_variant int, sql_time nvarchar(8), " +
                "client_seconds int, client_time nvarchar(8), explanation nvarchar(400)")]
        public static IEnumerable DocIdParts(SqlInt64 DocId)
        {
            if (DocId.IsNull) return new object[0];
            return new object[] { DocIdLayout.Parse(DocId.Value) };
        }

        public static void FillDocIdPartsRow(object row, out SqlInt64 doc_id, out SqlBoolean matches_layout, out SqlInt32 store_no,
            out SqlInt32 station_no, out SqlInt32 type_digit, out SqlString doc_type, out SqlInt32 day_of_year_mod_100,
            out SqlInt32 time_field, out SqlInt32 sql_seconds, out SqlInt32 sql_variant, out SqlString sql_time,
            out SqlInt32 client_seconds, out SqlString client_time, out SqlString explanation)
        {
            var p = (DocIdParts)row;
            doc_id = new SqlInt64(p.DocId);
            matches_layout = new SqlBoolean(p.MatchesLayout);
            store_no = Int32(p.StoreNo);
            station_no = Int32(p.StationNo);
            type_digit = Int32(p.TypeDigit);
            doc_type = SqlValues.String(p.DocType);
            day_of_year_mod_100 = Int32(p.DayOfYearMod100);
            time_field = Int32(p.TimeField);
            sql_seconds = Int32(p.SqlSeconds);
            sql_variant = Int32(p.SqlVariant);
            sql_time = SqlValues.String(p.SqlTime);
            client_seconds = Int32(p.ClientSeconds);
            client_time = SqlValues.String(p.ClientTime);
            explanation = SqlValues.String(p.Explanation);
        }

        /// <summary>
        /// wooclr.NextDocNumber(@Value, @MaxChars): Counterpoint's dbo.fnGetNextDocNumber_EX rule (NULL @MaxChars = 15):
        /// 'O101-000365' -> 'O101-000366', '70039' -> '70040', '999' -> '1000', 'ZZ' -> '1'. A NULL @Value gives NULL.
        /// </summary>
        [SqlFunction(Name = "NextDocNumber", IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None)]
        [return: SqlFacet(MaxSize = 4000)]
        public static SqlString NextDocNumber([SqlFacet(MaxSize = 4000)] SqlString Value, SqlInt32 MaxChars)
        {
            if (Value.IsNull) return SqlString.Null;
            int max = MaxChars.IsNull ? DocNumber.DefaultMaxChars : MaxChars.Value;
            if (max > 4000) throw new NumberingException(NumberingException.Param, "@MaxChars must be 1-4000, not " + max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new SqlString(DocNumber.Next(Value.Value, max));
        }

        /// <summary>
        /// wooclr.OrderNumberProblems(@Number): NULL when @Number can be a Counterpoint order number (1-12 ASCII letters,
        /// digits and - _ . /, at least one letter or digit), else every problem in one text, separated by '; '.
        /// A NULL @Number is a problem (a NULL answer means valid).
        /// </summary>
        [SqlFunction(Name = "OrderNumberProblems", IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None)]
        [return: SqlFacet(MaxSize = 4000)]
        public static SqlString OrderNumberProblems([SqlFacet(MaxSize = -1)] SqlString Number)
        {
            List<string> problems = DocNumber.OrderNumberProblems(Number.IsNull ? null : Number.Value);
            if (problems.Count == 0) return SqlString.Null;
            string text = string.Join("; ", problems.ToArray());
            return new SqlString(text.Length > 4000 ? text.Substring(0, 4000) : text);
        }

        private static SqlInt32 Int32(int? value)
        {
            return value.HasValue ? new SqlInt32(value.Value) : SqlInt32.Null;
        }
    }
}
