using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.SqlTypes;
using System.IO;
using System.Xml;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Woo.Writes;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// The WooCommerce write side: wooclr.UpdateOrder, wooclr.AddOrderNote, wooclr.ListOrderNotes,
    /// wooclr.BatchUpdateOrders (procedures), and wooclr.OrderNotes (a pure table function). Each procedure takes the
    /// connection first, then its own parameters, then its own OUTPUT parameters, then @HttpStatus, @ErrorCode,
    /// @ErrorMessage, @Requests. A shop's or a network's failure, and an unusable connection setting (CPO-HTTP-CONFIG),
    /// come back in those OUTPUT parameters; only a procedure parameter that cannot be used throws (CPO-PARAM), before
    /// any request. Each is idempotent by itself. Call them with no transaction open (design 4).
    /// </summary>
    public static class OrderWriteProcedures
    {
        // ---------------------------------------------------------------- UpdateOrder

        /// <summary>wooclr.UpdateOrder: GET the order; unless its status is outside @OnlyIfStatusIn or it already has the
        /// wanted status and meta values, PUT orders/{id} with them.</summary>
        [SqlProcedure(Name = "UpdateOrder")]
        public static void UpdateOrder(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent,
            SqlInt64 OrderId,
            [SqlFacet(MaxSize = 40)] SqlString Status,
            [SqlFacet(MaxSize = -1)] SqlString MetaJson,
            [SqlFacet(MaxSize = 400)] SqlString OnlyIfStatusIn,
            out SqlBoolean Applied,
            [SqlFacet(MaxSize = 40)] out SqlString CurrentStatus,
            [SqlFacet(MaxSize = -1)] out SqlString ResponseJson,
            out SqlInt32 HttpStatus,
            [SqlFacet(MaxSize = 100)] out SqlString ErrorCode,
            [SqlFacet(MaxSize = 4000)] out SqlString ErrorMessage,
            out SqlInt32 Requests)
        {
            Applied = SqlBoolean.False;
            CurrentStatus = SqlString.Null;
            ResponseJson = SqlString.Null;
            if (OrderId.IsNull) throw new WooWriteParameterException("@OrderId is required.");
            OrderUpdate update = OrderUpdate.Create(OrderId.Value, Text(Status), Text(MetaJson), Text(OnlyIfStatusIn));

            var outcome = new UpdateOrderOutcome();
            WooWriteSession session = Session(BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, TimeoutSeconds, TotalBudgetSeconds,
                AllowPlainHttp, ProxyUrl, UserAgent, outcome);
            if (session != null)
            {
                try { outcome = new OrderUpdater(session).Run(update); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { outcome = Unexpected(new UpdateOrderOutcome(), session, ex); }
            }

            Applied = new SqlBoolean(outcome.Applied);
            CurrentStatus = outcome.CurrentStatus == null ? SqlString.Null : new SqlString(Truncate(outcome.CurrentStatus, 40));
            ResponseJson = outcome.ResponseJson == null ? SqlString.Null : new SqlString(outcome.ResponseJson);
            Common(outcome, out HttpStatus, out ErrorCode, out ErrorMessage, out Requests);
        }

        // ---------------------------------------------------------------- AddOrderNote

        /// <summary>wooclr.AddOrderNote: adds the note once. When a note of the order already contains [@Marker], posts
        /// nothing and returns that note's id with @AlreadyPresent = 1; else posts @Note + a new line + [@Marker].</summary>
        [SqlProcedure(Name = "AddOrderNote")]
        public static void AddOrderNote(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent,
            SqlInt64 OrderId,
            [SqlFacet(MaxSize = -1)] SqlString Note,
            SqlBoolean CustomerNote,
            [SqlFacet(MaxSize = 100)] SqlString Marker,
            out SqlInt64 NoteId,
            out SqlBoolean AlreadyPresent,
            out SqlInt32 HttpStatus,
            [SqlFacet(MaxSize = 100)] out SqlString ErrorCode,
            [SqlFacet(MaxSize = 4000)] out SqlString ErrorMessage,
            out SqlInt32 Requests)
        {
            NoteId = SqlInt64.Null;
            AlreadyPresent = SqlBoolean.False;
            if (OrderId.IsNull) throw new WooWriteParameterException("@OrderId is required.");
            OrderUpdate.CheckOrderId(OrderId.Value);
            if (Note.IsNull || Note.Value.Trim().Length == 0) throw new WooWriteParameterException("@Note is required: the text of the note.");
            OrderNoteWriter.CheckMarker(Text(Marker));

            var outcome = new AddNoteOutcome();
            WooWriteSession session = Session(BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, TimeoutSeconds, TotalBudgetSeconds,
                AllowPlainHttp, ProxyUrl, UserAgent, outcome);
            if (session != null)
            {
                try { outcome = new OrderNoteWriter(session).Add(OrderId.Value, Note.Value, !CustomerNote.IsNull && CustomerNote.Value, Marker.Value); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { outcome = Unexpected(new AddNoteOutcome(), session, ex); }
            }

            NoteId = outcome.NoteId.HasValue ? new SqlInt64(outcome.NoteId.Value) : SqlInt64.Null;
            AlreadyPresent = new SqlBoolean(outcome.AlreadyPresent);
            Common(outcome, out HttpStatus, out ErrorCode, out ErrorMessage, out Requests);
        }

        // ---------------------------------------------------------------- ListOrderNotes

        /// <summary>wooclr.ListOrderNotes: the JSON text of GET orders/{id}/notes (read it with wooclr.OrderNotes).</summary>
        [SqlProcedure(Name = "ListOrderNotes")]
        public static void ListOrderNotes(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent,
            SqlInt64 OrderId,
            [SqlFacet(MaxSize = -1)] out SqlString NotesJson,
            out SqlInt32 HttpStatus,
            [SqlFacet(MaxSize = 100)] out SqlString ErrorCode,
            [SqlFacet(MaxSize = 4000)] out SqlString ErrorMessage,
            out SqlInt32 Requests)
        {
            NotesJson = SqlString.Null;
            if (OrderId.IsNull) throw new WooWriteParameterException("@OrderId is required.");
            OrderUpdate.CheckOrderId(OrderId.Value);

            var outcome = new ListNotesOutcome();
            WooWriteSession session = Session(BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, TimeoutSeconds, TotalBudgetSeconds,
                AllowPlainHttp, ProxyUrl, UserAgent, outcome);
            if (session != null)
            {
                try { outcome = new OrderNoteWriter(session).List(OrderId.Value); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { outcome = Unexpected(new ListNotesOutcome(), session, ex); }
            }

            NotesJson = outcome.NotesJson == null ? SqlString.Null : new SqlString(outcome.NotesJson);
            Common(outcome, out HttpStatus, out ErrorCode, out ErrorMessage, out Requests);
        }

        // ---------------------------------------------------------------- BatchUpdateOrders

        /// <summary>wooclr.BatchUpdateOrders: one POST orders/batch for up to 100 orders; @Results has one
        /// &lt;result/&gt; per order, read from every item of WooCommerce's answer.</summary>
        [SqlProcedure(Name = "BatchUpdateOrders")]
        public static void BatchUpdateOrders(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent,
            SqlXml Updates,
            out SqlXml Results,
            out SqlInt32 HttpStatus,
            [SqlFacet(MaxSize = 100)] out SqlString ErrorCode,
            [SqlFacet(MaxSize = 4000)] out SqlString ErrorMessage,
            out SqlInt32 Requests)
        {
            Results = SqlXml.Null;
            if (Updates == null || Updates.IsNull) throw new WooWriteParameterException("@Updates is required: <orders><order id=\"123\" status=\"completed\"/>...</orders>.");
            IList<BatchOrder> orders;
            using (XmlReader reader = Updates.CreateReader())
            {
                orders = BatchOrderUpdater.Parse(reader);
            }

            var outcome = new BatchOutcome();
            WooWriteSession session = Session(BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, TimeoutSeconds, TotalBudgetSeconds,
                AllowPlainHttp, ProxyUrl, UserAgent, outcome);
            if (session != null)
            {
                try { outcome = new BatchOrderUpdater(session).Run(orders); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { outcome = Unexpected(new BatchOutcome(), session, ex); }
            }
            if (session == null || outcome.Items.Count == 0)
            {
                foreach (BatchOrder o in orders)
                    outcome.Items.Add(new BatchItemResult { Id = o.Id, ErrorCode = outcome.ErrorCode, ErrorMessage = outcome.ErrorMessage });
            }

            Results = new SqlXml(XmlReader.Create(new StringReader(outcome.ResultsXml())));
            Common(outcome, out HttpStatus, out ErrorCode, out ErrorMessage, out Requests);
        }

        // ---------------------------------------------------------------- OrderNotes (table function)

        /// <summary>wooclr.OrderNotes(@NotesJson): the notes array (wooclr.ListOrderNotes' @NotesJson) as rows. Pure; a
        /// NULL gives no rows; malformed JSON raises "JSON error at character N: ...".</summary>
        [SqlFunction(Name = "OrderNotes", FillRowMethodName = nameof(FillNoteRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "id bigint, author nvarchar(200), date_created_gmt datetime2, note nvarchar(max), customer_note bit")]
        public static IEnumerable OrderNotes([SqlFacet(MaxSize = -1)] SqlString NotesJson)
        {
            if (NotesJson.IsNull) return new object[0];
            return OrderNotesReader.Read(NotesJson.Value);
        }

        public static void FillNoteRow(object row, out SqlInt64 id, out SqlString author, out DateTime? date_created_gmt,
            out SqlString note, out SqlBoolean customer_note)
        {
            var n = (OrderNoteRecord)row;
            id = n.Id.HasValue ? new SqlInt64(n.Id.Value) : SqlInt64.Null;
            author = n.Author == null ? SqlString.Null : new SqlString(n.Author);
            date_created_gmt = n.DateCreatedGmt;
            note = n.Note == null ? SqlString.Null : new SqlString(n.Note);
            customer_note = n.CustomerNote.HasValue ? new SqlBoolean(n.CustomerNote.Value) : SqlBoolean.Null;
        }

        // ---------------------------------------------------------------- shared

        /// <summary>The call's session, or null with <paramref name="outcome"/> set to the configuration problem (CPO-HTTP-CONFIG).</summary>
        internal static WooWriteSession Session(SqlString baseUrl, SqlString consumerKey, SqlString consumerSecret, SqlString authMode,
            SqlInt32 timeoutSeconds, SqlInt32 totalBudgetSeconds, SqlBoolean allowPlainHttp, SqlString proxyUrl, SqlString userAgent,
            WriteOutcome outcome)
        {
            try
            {
                WooHttpOptions options = OrderPullFunctions.OptionsFrom(baseUrl, consumerKey, consumerSecret, authMode, timeoutSeconds,
                    totalBudgetSeconds, SqlInt32.Null, allowPlainHttp, proxyUrl, userAgent);
                return new WooWriteSession(options);
            }
            catch (WooHttpException ex)
            {
                outcome.HttpStatus = 0;
                outcome.Requests = 0;
                outcome.ErrorCode = ex.Code;
                outcome.ErrorMessage = ex.Message;
                return null;
            }
        }

        /// <summary>Once the parameters are checked nothing throws: an unforeseen exception (a bug) is the call's
        /// outcome, CPO-INTERNAL in @ErrorCode, with the requests it had sent.</summary>
        internal static T Unexpected<T>(T outcome, WooWriteSession session, Exception ex) where T : WriteOutcome
        {
            outcome.Fail(session, WooWriteErrors.Internal, WooWriteErrors.Internal + ": unexpected " + ex.GetType().Name +
                " after the parameters were checked: " + ex.Message + " Whether the shop applied the change is unknown; the procedure is idempotent: call it again.");
            return outcome;
        }

        internal static void Common(WriteOutcome outcome, out SqlInt32 httpStatus, out SqlString errorCode, out SqlString errorMessage, out SqlInt32 requests)
        {
            httpStatus = new SqlInt32(outcome.HttpStatus);
            errorCode = outcome.ErrorCode == null ? SqlString.Null : new SqlString(Truncate(outcome.ErrorCode, 100));
            errorMessage = outcome.ErrorMessage == null ? SqlString.Null : new SqlString(Truncate(outcome.ErrorMessage, 4000));
            requests = new SqlInt32(outcome.Requests);
        }

        private static string Text(SqlString s)
        {
            return s.IsNull ? null : s.Value;
        }

        private static string Truncate(string s, int max)
        {
            return s.Length <= max ? s : s.Substring(0, max);
        }
    }
}
