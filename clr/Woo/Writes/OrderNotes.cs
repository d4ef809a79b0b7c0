using System;
using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Json;
using CpOrders.WooClr.Woo.Orders;

namespace CpOrders.WooClr.Woo.Writes
{
    /// <summary>One order note as WooCommerce lists it (GET orders/{id}/notes).</summary>
    public sealed class OrderNoteRecord
    {
        public long? Id { get; set; }
        public string Author { get; set; }
        public DateTime? DateCreatedGmt { get; set; }
        public string Note { get; set; }
        public bool? CustomerNote { get; set; }
    }

    /// <summary>What wooclr.AddOrderNote reports besides the common outputs.</summary>
    public sealed class AddNoteOutcome : WriteOutcome
    {
        /// <summary>The note carrying the marker: the one found, or the one just added; null on failure.</summary>
        public long? NoteId { get; set; }

        /// <summary>True when a note with the marker already existed and nothing was posted.</summary>
        public bool AlreadyPresent { get; set; }
    }

    /// <summary>What wooclr.ListOrderNotes reports besides the common outputs.</summary>
    public sealed class ListNotesOutcome : WriteOutcome
    {
        /// <summary>The notes array's JSON text as WooCommerce sent it; null on failure.</summary>
        public string NotesJson { get; set; }
    }

    /// <summary>
    /// Order notes: list them, and add one exactly once. A note is posted with a marker appended to its text - a new
    /// line, then <c>[marker]</c> - and a note is added only when no existing note of the order contains
    /// <c>[marker]</c>. POST is not idempotent (WooCommerce adds a second note), so a rerun after a lost answer must
    /// find the first one: that is what the marker is for. Markers are plain text (letters, digits, '-', '_', '.', ':'),
    /// which WordPress's kses filtering, wptexturize and wpautop leave unchanged.
    /// </summary>
    public sealed class OrderNoteWriter
    {
        public const int MaxMarkerLength = 100;

        private readonly WooWriteSession _session;

        public OrderNoteWriter(WooWriteSession session)
        {
            _session = session;
        }

        /// <summary>The text WooCommerce receives: the note, a new line, then [marker].</summary>
        public static string TextWithMarker(string note, string marker)
        {
            return note + "\n" + Token(marker);
        }

        /// <summary>What an existing note must contain to count as this one: <c>[marker]</c> (brackets included, so
        /// marker cp-1 does not match a note marked cp-10).</summary>
        public static string Token(string marker)
        {
            return "[" + marker + "]";
        }

        /// <summary>Throws CPO-PARAM unless the marker is 1..100 plain characters: letters, digits, '-', '_', '.', ':'.</summary>
        public static string CheckMarker(string marker)
        {
            if (marker == null || marker.Length == 0)
                throw new WooWriteParameterException("@Marker is required: a unique text per note (e.g. 'cpo-ship-48211'); it makes a rerun find the note instead of adding it twice.");
            bool ok = marker.Length <= MaxMarkerLength;
            for (int i = 0; ok && i < marker.Length; i++)
            {
                char c = marker[i];
                ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
            }
            if (!ok)
                throw new WooWriteParameterException("@Marker '" + OrderUpdate.Shorten(marker) + "' must be 1 to " + MaxMarkerLength.ToString(CultureInfo.InvariantCulture) +
                    " characters of A-Z, a-z, 0-9, '-', '_', '.', ':' (plain text that WordPress's formatting leaves unchanged).");
            return marker;
        }

        public ListNotesOutcome List(long orderId)
        {
            OrderUpdate.CheckOrderId(orderId);
            var outcome = new ListNotesOutcome();
            string path = NotesPath(orderId);
            WooHttpResult got = _session.Send(WooRequest.Get(path));
            if (!got.Succeeded)
            {
                outcome.Fail(_session, got);
                return outcome;
            }
            string problem;
            ReadNotes(got.Body, out problem);
            if (problem != null)
            {
                outcome.Fail(_session, WooWriteErrors.Response, WooWriteErrors.Response + ": GET " + path + " answered " +
                    got.StatusCode.ToString(CultureInfo.InvariantCulture) + " but " + problem + ".");
                return outcome;
            }
            outcome.NotesJson = got.Body;
            outcome.Done(_session);
            return outcome;
        }

        public AddNoteOutcome Add(long orderId, string note, bool customerNote, string marker)
        {
            OrderUpdate.CheckOrderId(orderId);
            if (string.IsNullOrEmpty(note) || note.Trim().Length == 0)
                throw new WooWriteParameterException("@Note is required: the text of the note.");
            CheckMarker(marker);
            var outcome = new AddNoteOutcome();
            string path = NotesPath(orderId);
            string token = Token(marker);

            WooHttpResult got = _session.Send(WooRequest.Get(path));
            if (!got.Succeeded)
            {
                outcome.Fail(_session, got);
                return outcome;
            }
            string problem;
            IList<OrderNoteRecord> notes = ReadNotes(got.Body, out problem);
            if (problem != null)
            {
                outcome.Fail(_session, WooWriteErrors.Response, WooWriteErrors.Response + ": GET " + path + " answered " +
                    got.StatusCode.ToString(CultureInfo.InvariantCulture) + " but " + problem + ". Nothing was posted.");
                return outcome;
            }
            long? found = null;
            foreach (OrderNoteRecord n in notes)
            {
                // WooCommerce lists newest first; the oldest note with the marker is the original.
                if (n.Note != null && n.Id.HasValue && n.Note.IndexOf(token, StringComparison.Ordinal) >= 0 && (!found.HasValue || n.Id.Value < found.Value))
                    found = n.Id;
            }
            if (found.HasValue)
            {
                outcome.NoteId = found;
                outcome.AlreadyPresent = true;
                outcome.Done(_session);
                return outcome;
            }

            string body = new JsonWriter().StartObject()
                .Name("note").String(TextWithMarker(note, marker))
                .Name("customer_note").Boolean(customerNote)
                .EndObject().ToString();
            WooHttpResult posted = _session.Send(WooRequest.Post(path, body));
            if (!posted.Succeeded)
            {
                outcome.Fail(_session, posted);
                return outcome;
            }
            JsonDocument doc;
            JsonCheckResult error;
            long id;
            if (!JsonDocument.TryParse(posted.Body, out doc, out error) || doc.Root.Kind != JsonValueKind.Object
                || doc.Root.Property("id").Kind != JsonValueKind.Number
                || !long.TryParse(doc.Root.Property("id").GetNumberText(), NumberStyles.None, CultureInfo.InvariantCulture, out id))
            {
                outcome.Fail(_session, WooWriteErrors.Response, WooWriteErrors.Response + ": POST " + path + " answered " +
                    posted.StatusCode.ToString(CultureInfo.InvariantCulture) + " but not with a note object with a numeric id. " +
                    "The note may have been added: call again with the same marker (it will be found, not added twice).");
                return outcome;
            }
            outcome.NoteId = id;
            outcome.AlreadyPresent = false;
            outcome.Done(_session);
            return outcome;
        }

        private static string NotesPath(long orderId)
        {
            return "orders/" + orderId.ToString(CultureInfo.InvariantCulture) + "/notes";
        }

        /// <summary>The notes of a GET orders/{id}/notes answer; <paramref name="problem"/> set when it is not a notes array.</summary>
        internal static IList<OrderNoteRecord> ReadNotes(string body, out string problem)
        {
            problem = null;
            try
            {
                return OrderNotesReader.Read(body);
            }
            catch (JsonParseException ex)
            {
                problem = "the body is not a list of notes (" + ex.Message + ")";
                return new OrderNoteRecord[0];
            }
        }
    }

    /// <summary>
    /// wooclr.OrderNotes' parser: the JSON array of GET orders/{id}/notes as records. Pure; throws
    /// <see cref="JsonParseException"/> with the position for malformed JSON or a field of the wrong form. Text over its
    /// column (author: 200 characters) is an error, never truncated.
    /// </summary>
    public static class OrderNotesReader
    {
        public const int MaxAuthorLength = 200;

        public static IList<OrderNoteRecord> Read(string notesJson)
        {
            JsonDocument doc = JsonDocument.Parse(notesJson);
            JsonElement root = doc.Root;
            if (root.Kind != JsonValueKind.Array)
                throw new JsonParseException("expected the notes array of GET orders/{id}/notes, found " + JsonElement.Describe(root.Kind), root.Offset);
            var notes = new List<OrderNoteRecord>();
            int n = 0;
            foreach (JsonElement item in root.EnumerateArray())
            {
                n++;
                if (item.Kind != JsonValueKind.Object)
                    throw new JsonParseException("notes line " + n.ToString(CultureInfo.InvariantCulture) + " is " + JsonElement.Describe(item.Kind) + ", not an object", item.Offset);
                var scope = new FieldScope("notes", n);
                notes.Add(new OrderNoteRecord
                {
                    Id = WooFields.Id(item, "id", scope),
                    Author = WooFields.Text(item, "author", scope, MaxAuthorLength),
                    DateCreatedGmt = WooFields.Date(item, "date_created_gmt", scope),
                    Note = WooFields.Text(item, "note", scope, 0),
                    CustomerNote = WooFields.Boolean(item, "customer_note", scope),
                });
            }
            return notes;
        }
    }
}
