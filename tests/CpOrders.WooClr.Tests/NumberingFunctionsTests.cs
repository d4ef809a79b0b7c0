using System.Collections;
using System.Data.SqlTypes;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using CpOrders.WooClr.SqlSurface;
using Microsoft.SqlServer.Server;

namespace CpOrders.WooClr.Tests;

/// <summary>
/// wooclr.GenDocId, NextDocIdCandidate, DocIdParts, NextDocNumber and OrderNumberProblems, called as SQL Server calls them
/// (SqlTypes in and out, NULLs, DateTime? for datetime2, table functions through FillRow). Expected values are written out
/// by hand from counterpoint-document-model.md 2.1/2.3 and seed-system.md, never computed with the code under test.
/// </summary>
public class NumberingFunctionsTests
{
    // ------------------------------------------------------------------ helpers: calls as SQL Server makes them

    private static long? GenDocId(int? store, int? station, string? type, DateTime? date, int? variant)
    {
        SqlInt64 r = NumberingFunctions.GenDocId(
            store.HasValue ? new SqlInt32(store.Value) : SqlInt32.Null,
            station.HasValue ? new SqlInt32(station.Value) : SqlInt32.Null,
            type == null ? SqlString.Null : new SqlString(type),
            date,
            variant.HasValue ? new SqlInt32(variant.Value) : SqlInt32.Null);
        return r.IsNull ? null : r.Value;
    }

    private static long? Next(long? id)
    {
        SqlInt64 r = NumberingFunctions.NextDocIdCandidate(id.HasValue ? new SqlInt64(id.Value) : SqlInt64.Null);
        return r.IsNull ? null : r.Value;
    }

    private static string? NextNumber(string? value, int? maxChars = null)
    {
        SqlString r = NumberingFunctions.NextDocNumber(value == null ? SqlString.Null : new SqlString(value),
            maxChars.HasValue ? new SqlInt32(maxChars.Value) : SqlInt32.Null);
        return r.IsNull ? null : r.Value;
    }

    private static string? Problems(string? number)
    {
        SqlString r = NumberingFunctions.OrderNumberProblems(number == null ? SqlString.Null : new SqlString(number));
        return r.IsNull ? null : r.Value;
    }

    /// <summary>wooclr.DocIdParts(@DocId): the method, then FillRow per row, columns keyed by the out parameters' names.</summary>
    private static List<Dictionary<string, object?>> Parts(long? id)
    {
        MethodInfo fill = typeof(NumberingFunctions).GetMethod(nameof(NumberingFunctions.FillDocIdPartsRow))!;
        ParameterInfo[] outs = fill.GetParameters();
        var rows = new List<Dictionary<string, object?>>();
        foreach (object row in NumberingFunctions.DocIdParts(id.HasValue ? new SqlInt64(id.Value) : SqlInt64.Null))
        {
            var args = new object?[outs.Length];
            args[0] = row;
            fill.Invoke(null, args);
            var values = new Dictionary<string, object?>();
            for (int i = 1; i < outs.Length; i++) values.Add(outs[i].Name!, ToClr(args[i]));
            rows.Add(values);
        }
        return rows;
    }

    private static object? ToClr(object? sqlValue) => sqlValue switch
    {
        INullable n when n.IsNull => null,
        SqlInt64 v => v.Value,
        SqlInt32 v => v.Value,
        SqlBoolean v => v.Value,
        SqlString v => v.Value,
        _ => throw new InvalidOperationException("unexpected " + sqlValue?.GetType()),
    };

    private static DateTime At(string text) => DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ GenDocId: native ids (document model 2.1)

    /// <summary>
    /// Every native id of counterpoint-document-model.md 2.1 whose inputs are known: store and station numbers from the
    /// PS_STR/PS_STA rows named there, the type, and the document date. These ids carry the client's time encoding
    /// (fraction of day), so the SQL function's encoding reproduces their prefix (the first digits, all but the last six),
    /// which is what both encodings share.
    /// </summary>
    [TestCase(201126152631L, 2, 1, "O", "2020-05-05 03:40:10", TestName = "order 70039, MAIN (STR_NO 2), station 1, O, 2020-05-05 = day 126")]
    [TestCase(201326152630L, 2, 1, "T", "2020-05-05 03:40:10", TestName = "deposit ticket of order 70039: same, type 3")]
    [TestCase(201561552436L, 2, 1, "L", "2015-03-02 12:00:00", TestName = "layaway, type 5, 2015-03-02 = day 61")]
    [TestCase(101163492218L, 1, 1, "O", "2025-12-29 12:00:00", TestName = "Woody's order O101-000365, store 1, station 01, 2025-12-29 = day 363")]
    [TestCase(103398648477L, 1, 3, "T", "2025-07-17 15:33:50", TestName = "Woody's quote Q103-000059, station 03, begun as a ticket (3), 2025-07-17 = day 198")]
    [TestCase(701315942121L, 7, 1, "T", "2016-04-24 12:00:00", TestName = "NCR GET sample, store 7, T, 2016-04-24 = day 115 (leap year)")]
    [TestCase(201346426533L, 2, 1, "T", "2001-02-15 12:00:00", TestName = "AR open item, MAIN, T, 2001-02-15 = day 46")]
    public void GenDocId_reproduces_the_prefix_of_every_native_example(long nativeId, int store, int station, string type, string date)
    {
        long id = GenDocId(store, station, type, At(date), 0)!.Value;
        Assert.That(id / 1000000, Is.EqualTo(nativeId / 1000000), $"prefix of {id} vs native {nativeId}");
        Assert.That(id.ToString(CultureInfo.InvariantCulture), Has.Length.EqualTo(12));
    }

    [Test]
    public void GenDocId_station_numbers_count_mod_100_as_Woodys_stations_101_and_103_show()
    {
        // Woody's O101-000365 (station 101) and Q103-000059 (station 103) carry station digits 01 and 03 (seed-system.md).
        Assert.That(GenDocId(1, 101, "O", At("2025-12-29 12:00:00"), 0)! / 1000000, Is.EqualTo(101163492218L / 1000000));
        Assert.That(GenDocId(1, 103, "T", At("2025-07-17 15:33:50"), 0)! / 1000000, Is.EqualTo(103398648477L / 1000000));
    }

    [Test]
    public void GenDocId_time_field_is_seconds_since_midnight_times_10_plus_the_variant_digit()
    {
        // 03:40:10 = 13,210 s -> 132100 + variant; worked by hand.
        Assert.That(GenDocId(2, 1, "O", At("2020-05-05 03:40:10"), 0), Is.EqualTo(201126132100L));
        Assert.That(GenDocId(2, 1, "O", At("2020-05-05 03:40:10"), 7), Is.EqualTo(201126132107L));
        // Fractions of a second are dropped (datetime2, or a datetime's 1/300 s).
        Assert.That(GenDocId(2, 1, "O", At("2020-05-05 03:40:10.9999999"), 0), Is.EqualTo(201126132100L));
        Assert.That(GenDocId(2, 1, "O", At("2020-05-05 00:00:00"), 0), Is.EqualTo(201126000000L));
        Assert.That(GenDocId(2, 1, "O", At("2020-05-05 23:59:59.9999999"), 9), Is.EqualTo(201126863999L));
        // The 2015 order of 2.1 that fits the SQL function's form: 13:05:10 = 47,110 s -> field 471100 (+ variant).
        Assert.That(GenDocId(2, 1, "O", At("2015-03-02 13:05:10"), 0) % 1000000, Is.EqualTo(471100L));
    }

    [Test]
    public void GenDocId_does_not_reproduce_the_client_encoded_time_of_order_70039()
    {
        // 70039's field 152631 is the client's fraction of day (03:39:47, before TKT_DT 03:40:10); the SQL encoding of
        // TKT_DT is 132100. This is why only the prefix of native ids is comparable.
        Assert.That(GenDocId(2, 1, "O", At("2020-05-05 03:40:10"), 1), Is.Not.EqualTo(201126152631L));
    }

    [TestCase("2020-01-01 00:00:00", 1)]
    [TestCase("2020-04-09 00:00:00", 0)]   // day 100
    [TestCase("2020-04-10 00:00:00", 1)]   // day 101
    [TestCase("2020-12-31 00:00:00", 66)]  // day 366 of a leap year
    [TestCase("2021-12-31 00:00:00", 65)]  // day 365
    [TestCase("2025-12-29 00:00:00", 63)]
    public void GenDocId_day_part_is_the_day_of_year_mod_100(string date, int day)
    {
        Assert.That(GenDocId(2, 1, "O", At(date), 0)! / 1000000 % 100, Is.EqualTo(day));
    }

    [TestCase("O", 1)]
    [TestCase("H", 2)]
    [TestCase("T", 3)]
    [TestCase("V", 4)]
    [TestCase("L", 5)]
    [TestCase("Q", 6)]
    [TestCase("R", 7)]
    [TestCase("X", 9)]
    [TestCase("A", 9)]
    [TestCase("1", 9)]
    [TestCase("-", 9)]
    [TestCase(" ", 9)]
    public void GenDocId_type_digit(string type, int digit)
    {
        Assert.That(GenDocId(2, 1, type, At("2020-05-05 00:00:00"), 0)! / 100000000 % 10, Is.EqualTo(digit));
    }

    [Test]
    public void GenDocId_store_part_has_no_leading_zeros_and_counts_mod_10000()
    {
        // [STR_NO mod 10000] leads the number: store 0 leaves an 10-digit id ("0" "01" "1" "26" "000000" read as a number).
        Assert.That(GenDocId(0, 1, "O", At("2020-05-05 00:00:00"), 0), Is.EqualTo(1126000000L));
        Assert.That(GenDocId(10002, 1, "O", At("2020-05-05 00:00:00"), 0), Is.EqualTo(201126000000L));
        Assert.That(GenDocId(202, 1, "O", At("2020-05-05 00:00:00"), 0), Is.EqualTo(20201126000000L));   // Rapid's web store 202
        Assert.That(GenDocId(9999, 99, "Z", At("2020-04-09 23:59:59"), 9), Is.EqualTo(999999900863999L));
        Assert.That(GenDocId(2, 0, "O", At("2020-05-05 00:00:00"), 0), Is.EqualTo(200126000000L));
        Assert.That(GenDocId(2, 100, "O", At("2020-05-05 00:00:00"), 0), Is.EqualTo(200126000000L));
        Assert.That(GenDocId(2, 32767, "O", At("2020-05-05 00:00:00"), 0), Is.EqualTo(267126000000L));   // smallint max mod 100 = 67
    }

    [Test]
    public void GenDocId_NULL_in_any_argument_gives_NULL()
    {
        DateTime d = At("2020-05-05 00:00:00");
        Assert.That(GenDocId(null, 1, "O", d, 0), Is.Null);
        Assert.That(GenDocId(2, null, "O", d, 0), Is.Null);
        Assert.That(GenDocId(2, 1, null, d, 0), Is.Null);
        Assert.That(GenDocId(2, 1, "O", null, 0), Is.Null);
        Assert.That(GenDocId(2, 1, "O", d, null), Is.Null);
    }

    [TestCase(-1, 1, "O", 0, "store number")]
    [TestCase(2, -1, "O", 0, "station number")]
    [TestCase(2, 1, "O", 10, "variant digit")]
    [TestCase(2, 1, "O", -1, "variant digit")]
    [TestCase(2, 1, "o", 0, "lower case")]
    [TestCase(2, 1, "OR", 0, "exactly one character")]
    [TestCase(2, 1, "", 0, "exactly one character")]
    [TestCase(2, 1, "\u00D6", 0, "printable ASCII")]
    [TestCase(2, 1, "\t", 0, "printable ASCII")]
    public void GenDocId_refuses_what_Counterpoint_would_turn_into_a_wrong_or_collation_dependent_id(int store, int station, string type, int variant, string message)
    {
        var ex = Assert.Catch<ArgumentException>(() => GenDocId(store, station, type, At("2020-05-05 00:00:00"), variant));
        Assert.That(ex!.Message, Does.StartWith("CPO-PARAM: ").And.Contain(message));
    }

    // ------------------------------------------------------------------ NextDocIdCandidate

    [Test]
    public void NextDocIdCandidate_advances_the_variant_digit()
    {
        Assert.That(Next(201126132100L), Is.EqualTo(201126132101L));
        Assert.That(Next(201126132108L), Is.EqualTo(201126132109L));
    }

    [Test]
    public void NextDocIdCandidate_past_variant_9_is_the_next_second_with_variant_0()
    {
        Assert.That(Next(201126132109L), Is.EqualTo(201126132110L));
        Assert.That(Next(201126132109L), Is.EqualTo(GenDocId(2, 1, "O", At("2020-05-05 03:40:11"), 0)));
    }

    [Test]
    public void NextDocIdCandidate_after_23_59_59_variant_9_wraps_to_midnight_of_the_same_prefix()
    {
        Assert.That(Next(201126863999L), Is.EqualTo(201126000000L));
        // A client-encoded field above 863999 (the NCR sample) wraps the same way: back into the SQL encoding.
        Assert.That(Next(701315942121L), Is.EqualTo(701315000000L));
        Assert.That(Next(999999999999999L), Is.EqualTo(999999999000000L));
    }

    [Test]
    public void NextDocIdCandidate_walks_all_864000_candidates_of_a_prefix_once_then_returns_to_the_first()
    {
        long start = 201126132100L;
        long id = start;
        int steps = 0;
        do
        {
            long next = Next(id)!.Value;
            Assert.That(next / 1000000, Is.EqualTo(start / 1000000), "the prefix never changes");
            Assert.That(next % 1000000, Is.LessThanOrEqualTo(863999), "always in the SQL function's encoding");
            id = next;
            steps++;
        } while (id != start && steps <= 864000);
        Assert.That(steps, Is.EqualTo(864000));
    }

    [TestCase(0L)]
    [TestCase(-201126132100L)]
    [TestCase(1000000000000000L)]
    [TestCase(long.MaxValue)]
    [TestCase(201826132100L)]   // type digit 8: no DOC_TYP makes it
    [TestCase(201026132100L)]   // type digit 0
    public void NextDocIdCandidate_refuses_an_id_outside_the_layout(long id)
    {
        var ex = Assert.Catch<ArgumentException>(() => Next(id));
        Assert.That(ex!.Message, Does.StartWith("CPO-PARAM: DOC_ID ").And.Contain("does not fit"));
    }

    [Test]
    public void NextDocIdCandidate_NULL_gives_NULL()
    {
        Assert.That(Next(null), Is.Null);
    }

    // ------------------------------------------------------------------ DocIdParts

    [Test]
    public void DocIdParts_explains_order_70039_in_both_encodings()
    {
        var rows = Parts(201126152631L);
        Assert.That(rows, Has.Count.EqualTo(1));
        var r = rows[0];
        Assert.That(r["doc_id"], Is.EqualTo(201126152631L));
        Assert.That(r["matches_layout"], Is.EqualTo(true));
        Assert.That(r["store_no"], Is.EqualTo(2));
        Assert.That(r["station_no"], Is.EqualTo(1));
        Assert.That(r["type_digit"], Is.EqualTo(1));
        Assert.That(r["doc_type"], Is.EqualTo("O"));
        Assert.That(r["day_of_year_mod_100"], Is.EqualTo(26));
        Assert.That(r["time_field"], Is.EqualTo(152631));
        Assert.That(r["sql_seconds"], Is.EqualTo(15263));
        Assert.That(r["sql_variant"], Is.EqualTo(1));
        Assert.That(r["sql_time"], Is.EqualTo("04:14:23"));
        // 0.152631 x 86400 = 13187.3 s = 03:39:47, 23 s before TKT_DT 03:40:10: the client started the document then.
        Assert.That(r["client_seconds"], Is.EqualTo(13187));
        Assert.That(r["client_time"], Is.EqualTo("03:39:47"));
        Assert.That(r["explanation"], Does.Contain("store 2 | station 01 | type 1 (O) | day of year mod 100 = 26"));
    }

    [Test]
    public void DocIdParts_client_time_of_Woodys_quote_is_just_before_its_TKT_DT()
    {
        // 103398648477, TKT_DT 2025-07-17 15:33:50 (seed-system.md): 0.648477 x 86400 = 56028.4 s = 15:33:48.
        var r = Parts(103398648477L)[0];
        Assert.That(r["store_no"], Is.EqualTo(1));
        Assert.That(r["station_no"], Is.EqualTo(3));
        Assert.That(r["doc_type"], Is.EqualTo("T"));
        Assert.That(r["day_of_year_mod_100"], Is.EqualTo(98));
        Assert.That(r["client_time"], Is.EqualTo("15:33:48"));
    }

    [Test]
    public void DocIdParts_field_above_863999_can_only_be_the_clients_encoding()
    {
        var r = Parts(701315942121L)[0];
        Assert.That(r["matches_layout"], Is.EqualTo(true));
        Assert.That(r["store_no"], Is.EqualTo(7));
        Assert.That(r["doc_type"], Is.EqualTo("T"));
        Assert.That(r["day_of_year_mod_100"], Is.EqualTo(15));
        Assert.That(r["sql_seconds"], Is.Null);
        Assert.That(r["sql_variant"], Is.Null);
        Assert.That(r["sql_time"], Is.Null);
        Assert.That(r["client_time"], Is.EqualTo("22:36:39"));   // 0.942121 x 86400 = 81399.25 s
        Assert.That(r["explanation"], Does.Contain("client 22:36:39 only"));
    }

    [Test]
    public void DocIdParts_type_9_and_the_impossible_digits()
    {
        var nine = Parts(GenDocId(2, 1, "X", At("2020-05-05 00:00:00"), 0))[0];
        Assert.That(nine["type_digit"], Is.EqualTo(9));
        Assert.That(nine["doc_type"], Is.Null);
        Assert.That(nine["matches_layout"], Is.EqualTo(true));
        var eight = Parts(201826132100L)[0];
        Assert.That(eight["matches_layout"], Is.EqualTo(false));
        Assert.That(eight["type_digit"], Is.EqualTo(8));
        Assert.That(eight["explanation"], Does.Contain("not an fnGenDocId id"));
    }

    [TestCase(0L)]
    [TestCase(-5L)]
    [TestCase(1000000000000000L)]
    public void DocIdParts_never_raises_for_an_id_out_of_range(long id)
    {
        var r = Parts(id)[0];
        Assert.That(r["matches_layout"], Is.EqualTo(false));
        Assert.That(r["store_no"], Is.Null);
        Assert.That(r["time_field"], Is.Null);
        Assert.That(r["explanation"], Does.Contain("does not fit"));
    }

    [Test]
    public void DocIdParts_NULL_gives_no_rows()
    {
        Assert.That(Parts(null), Is.Empty);
    }

    [Test]
    public void DocIdParts_reads_back_what_GenDocId_composed_for_seeded_random_inputs()
    {
        var random = new Random(13013);
        const string types = "OHTVLQRX";
        for (int i = 0; i < 20000; i++)
        {
            int store = random.Next(0, 32768);
            int station = random.Next(0, 32768);
            char type = types[random.Next(types.Length)];
            DateTime date = new DateTime(2000, 1, 1).AddDays(random.Next(0, 36600)).AddTicks(random.NextInt64(TimeSpan.TicksPerDay));
            int variant = random.Next(0, 10);
            long id = GenDocId(store, station, type.ToString(), date, variant)!.Value;
            var r = Parts(id)[0];
            string what = $"store {store} station {station} type {type} {date:o} variant {variant} -> {id}";
            Assert.That(r["matches_layout"], Is.EqualTo(true), what);
            Assert.That(r["store_no"], Is.EqualTo(store % 10000), what);
            Assert.That(r["station_no"], Is.EqualTo(station % 100), what);
            Assert.That(r["doc_type"], Is.EqualTo(type == 'X' ? null : type.ToString()), what);
            Assert.That(r["day_of_year_mod_100"], Is.EqualTo(date.DayOfYear % 100), what);
            Assert.That(r["sql_seconds"], Is.EqualTo((int)(date.TimeOfDay.Ticks / TimeSpan.TicksPerSecond)), what);
            Assert.That(r["sql_variant"], Is.EqualTo(variant), what);
        }
    }

    // ------------------------------------------------------------------ NextDocNumber (fnGetNextDocNumber_EX)

    [TestCase("70039", "70040", TestName = "order 70039 -> NXT_ORD_NO 70040 (demo store)")]
    [TestCase("100483", "100484", TestName = "NXT_TKT_NO 100483")]
    [TestCase("O101-000365", "O101-000366", TestName = "Woody's O101-000365")]
    [TestCase("Q103-000059", "Q103-000060", TestName = "Woody's Q103-000059: carry across digits")]
    [TestCase("M-700000", "M-700001", TestName = "offline counter M-700000")]
    [TestCase("O101-000999", "O101-001000", TestName = "carry stops before the separator")]
    [TestCase("O101-999999", "O102-000000", TestName = "carry skips the separator")]
    [TestCase("999", "1000", TestName = "numeric overflow gets a leading 1")]
    [TestCase("9", "10", TestName = "9 -> 10")]
    [TestCase("0", "1", TestName = "0 -> 1")]
    [TestCase("8", "9", TestName = "8 -> 9")]
    [TestCase("Y", "Z", TestName = "Y -> Z")]
    [TestCase("A9Z", "B0A", TestName = "A9Z: Z -> A and 9 -> 0 carry, A -> B")]
    [TestCase("AZ", "BA", TestName = "AZ -> BA")]
    [TestCase("ZZ", "1", TestName = "ZZ: non-numeric overflow resets to 1")]
    [TestCase("Z9", "1", TestName = "Z9: non-numeric overflow resets to 1")]
    [TestCase("9Z", "1", TestName = "9Z: non-numeric overflow resets to 1")]
    [TestCase("99-99", "1", TestName = "99-99: a separator makes it non-numeric, overflow resets to 1")]
    [TestCase("-", "1", TestName = "a lone separator resets to 1")]
    [TestCase("--", "1", TestName = "separators only reset to 1")]
    [TestCase("", "1", TestName = "empty resets to 1")]
    [TestCase("A-9", "B-0", TestName = "A-9 -> B-0")]
    [TestCase("12-99", "13-00", TestName = "12-99 -> 13-00")]
    [TestCase("70039  ", "70040", TestName = "trailing spaces are not part of the number")]
    [TestCase("999 ", "1000", TestName = "trailing spaces ignored before the numeric test")]
    [TestCase("web-100", "web-101", TestName = "lower case left of the carry is kept")]
    [TestCase("web9-100", "web9-101", TestName = "lower case and digits left of the carry are kept")]
    public void NextDocNumber_examples(string value, string expected)
    {
        Assert.That(NextNumber(value), Is.EqualTo(expected));
        Assert.That(NextNumber(value, 15), Is.EqualTo(expected), "a NULL @MaxChars is 15");
    }

    [Test]
    public void NextDocNumber_overflow_at_MaxChars_resets_to_1()
    {
        Assert.That(NextNumber("99999999999999"), Is.EqualTo("100000000000000"), "14 nines: 15 characters fit");
        Assert.That(NextNumber("999999999999999"), Is.EqualTo("1"), "15 nines: a 16th character does not fit");
        Assert.That(NextNumber("999999999999999", 15), Is.EqualTo("1"));
        // Order numbers are kept to 12 characters (release tickets append -01): call it with @MaxChars = 12.
        Assert.That(NextNumber("99999999999", 12), Is.EqualTo("100000000000"));
        Assert.That(NextNumber("999999999999", 12), Is.EqualTo("1"));
        Assert.That(NextNumber("999999999999", 13), Is.EqualTo("1000000000000"));
        Assert.That(NextNumber("9", 1), Is.EqualTo("1"));
    }

    [Test]
    public void NextDocNumber_NULL_value_gives_NULL()
    {
        Assert.That(NextNumber(null), Is.Null);
        Assert.That(NextNumber(null, 12), Is.Null);
    }

    [TestCase("1234567890123456", null, "CPO-NEXT-NUMBER: ", "more than @MaxChars (15)")]
    [TestCase("1234567890123", 12, "CPO-NEXT-NUMBER: ", "more than @MaxChars (12)")]
    [TestCase("1", 0, "CPO-PARAM: ", "at least 1")]
    [TestCase("1", -3, "CPO-PARAM: ", "at least 1")]
    [TestCase("1", 4001, "CPO-PARAM: ", "1-4000")]
    [TestCase("web-999", null, "CPO-NEXT-NUMBER: ", "'b' at position 3")]
    [TestCase("z", null, "CPO-NEXT-NUMBER: ", "'z' at position 1")]
    [TestCase("A\u00C49", null, "CPO-NEXT-NUMBER: ", "U+00C4")]
    public void NextDocNumber_refuses_with_a_code_and_a_reason(string value, int? maxChars, string code, string message)
    {
        var ex = Assert.Catch<ArgumentException>(() => NextNumber(value, maxChars));
        Assert.That(ex!.Message, Does.StartWith(code).And.Contain(message));
    }

    /// <summary>
    /// An independent model of the rule: the ASCII letters and digits of the value form a mixed-radix number (base 10 where
    /// a digit stands, base 26 where a letter stands); the next number adds one to it, keeps every other character, and
    /// keeps each position a digit or a letter. Overflow (all digits 9 and letters Z) follows the reset rules.
    /// </summary>
    [Test]
    public void NextDocNumber_property_seeded_random_upper_case_values()
    {
        var random = new Random(70039);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789999999ZZZ-/. _#";
        int overflows = 0;
        for (int n = 0; n < 50000; n++)
        {
            int length = random.Next(0, 16);
            var s = new StringBuilder();
            for (int i = 0; i < length; i++) s.Append(alphabet[random.Next(alphabet.Length)]);
            string value = s.ToString().TrimEnd(' ');
            string result = NextNumber(value)!;
            string what = $"'{value}' -> '{result}'";
            Assert.That(result, Is.Not.EqualTo(value), what);

            bool overflow = value.All(c => !char.IsAsciiLetterOrDigit(c) || c == '9' || c == 'Z');
            if (overflow)
            {
                overflows++;
                bool numeric = value.Length > 0 && value.All(char.IsAsciiDigit);
                string expected = numeric && value.Length < 15 ? "1" + new string('0', value.Length) : "1";
                Assert.That(result, Is.EqualTo(expected), what);
                continue;
            }
            Assert.That(result, Has.Length.EqualTo(value.Length), what);
            for (int i = 0; i < value.Length; i++)
            {
                char a = value[i], b = result[i];
                if (!char.IsAsciiLetterOrDigit(a)) Assert.That(b, Is.EqualTo(a), what + ": the separators stay where they are");
                else if (char.IsAsciiDigit(a)) Assert.That(char.IsAsciiDigit(b), what + ": a digit stays a digit");
                else Assert.That(char.IsAsciiLetterUpper(b), what + ": a letter stays a letter");
            }
            Assert.That(MixedRadix(result, value), Is.EqualTo(MixedRadix(value, value) + 1), what);
            if (value.All(char.IsAsciiDigit))
            {
                Assert.That(BigInteger.Parse(result), Is.EqualTo(BigInteger.Parse(value) + 1), what + ": a numeric value counts up by one");
            }
        }
        Assert.That(overflows, Is.GreaterThan(100), "the generator reaches the overflow rules");
    }

    /// <summary>Numeric values: the next number is greater (as Counterpoint orders them, by value) unless it resets at 15 characters.</summary>
    [Test]
    public void NextDocNumber_property_numeric_values_count_up()
    {
        var random = new Random(100483);
        for (int n = 0; n < 20000; n++)
        {
            int length = random.Next(1, 16);
            var s = new StringBuilder();
            bool allNines = random.Next(10) == 0;   // the overflow: 1..15 nines
            for (int i = 0; i < length; i++) s.Append(allNines || random.Next(4) == 0 ? '9' : (char)('0' + random.Next(10)));
            string value = s.ToString();
            string result = NextNumber(value)!;
            if (allNines && value.Length == 15)
            {
                Assert.That(result, Is.EqualTo("1"), "15 nines: a 16th character does not fit, so the number resets to 1");
                continue;
            }
            Assert.That(BigInteger.Parse(result), Is.EqualTo(BigInteger.Parse(value) + 1), $"'{value}' -> '{result}'");
            Assert.That(result.Length, Is.LessThanOrEqualTo(15));
        }
    }

    /// <summary>Lower case and non-ASCII: the answer is the same as if they were separators unless the carry reaches one, which raises.</summary>
    [Test]
    public void NextDocNumber_property_collation_dependent_characters_raise_only_when_the_carry_reaches_them()
    {
        var random = new Random(365);
        const string alphabet = "0123456789AZ9Z-az\u00C4\u00E9";
        for (int n = 0; n < 20000; n++)
        {
            int length = random.Next(1, 12);
            var s = new StringBuilder();
            for (int i = 0; i < length; i++) s.Append(alphabet[random.Next(alphabet.Length)]);
            string value = s.ToString();
            int stop = value.Length - 1;   // the position where the carry stops: the right-most 0-8 or A-Y
            while (stop >= 0 && !(value[stop] is >= '0' and <= '8' or >= 'A' and <= 'Y')) stop--;
            int uncertain = value.Length - 1;   // the right-most lower-case or non-ASCII character
            while (uncertain >= 0 && !(value[uncertain] is >= 'a' and <= 'z' or > '\u007F')) uncertain--;
            bool reaches = uncertain >= 0 && uncertain > stop;
            if (reaches)
            {
                var ex = Assert.Catch<ArgumentException>(() => NextNumber(value), $"'{value}'");
                Assert.That(ex!.Message, Does.StartWith("CPO-NEXT-NUMBER: "), $"'{value}'");
            }
            else if (stop >= 0)
            {
                string result = NextNumber(value)!;
                Assert.That(result, Has.Length.EqualTo(value.Length), $"'{value}' -> '{result}'");
                Assert.That(result.Substring(0, stop), Is.EqualTo(value.Substring(0, stop)), $"'{value}' -> '{result}'");
            }
        }
    }

    private static BigInteger MixedRadix(string digits, string pattern)
    {
        BigInteger value = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char p = pattern[i];
            if (char.IsAsciiDigit(p)) value = value * 10 + (digits[i] - '0');
            else if (char.IsAsciiLetterUpper(p)) value = value * 26 + (digits[i] - 'A');
        }
        return value;
    }

    // ------------------------------------------------------------------ OrderNumberProblems

    [TestCase("70039")]
    [TestCase("O101-000365")]
    [TestCase("WC-1234")]
    [TestCase("wc_12.3/4")]
    [TestCase("123456789012")]
    [TestCase("A")]
    public void OrderNumberProblems_NULL_means_usable(string number)
    {
        Assert.That(Problems(number), Is.Null);
        Assert.That((number + "-01").Length, Is.LessThanOrEqualTo(15), "its release ticket number fits TKT_NO");
    }

    [Test]
    public void OrderNumberProblems_thirteen_characters_leave_no_room_for_the_release_suffix()
    {
        Assert.That(Problems("1234567890123"), Does.Contain("13 characters long, more than 12").And.Contain("-01"));
    }

    [Test]
    public void OrderNumberProblems_NULL_and_empty_are_problems()
    {
        Assert.That(Problems(null), Does.Contain("missing"));
        Assert.That(Problems(""), Does.Contain("empty"));
    }

    [TestCase("-", "no letter or digit")]
    [TestCase("._/", "no letter or digit")]
    [TestCase(" 123", "a space at position 1")]
    [TestCase("123 ", "a space at position 4")]
    [TestCase("#123", "'#' at position 1")]
    [TestCase("N\u00BA12", "U+00BA")]
    [TestCase("12\u00A034", "U+00A0")]
    [TestCase("1\t2", "U+0009")]
    public void OrderNumberProblems_characters(string number, string message)
    {
        Assert.That(Problems(number), Does.Contain(message));
    }

    [Test]
    public void OrderNumberProblems_reports_every_problem_at_once()
    {
        string text = Problems("# 1234567890 \u00FC")!;
        Assert.That(text, Does.Contain("14 characters long"));
        Assert.That(text, Does.Contain("'#' at position 1, a space at position 2, a space at position 13, '\u00FC' (U+00FC) at position 14"));
        Assert.That(text.Split("; "), Has.Length.EqualTo(2), text);
        Assert.That(Problems("## "), Does.Contain("no letter or digit").And.Contain("'#' at position 2"));
    }

    [Test]
    public void OrderNumberProblems_caps_the_listed_characters_at_ten()
    {
        Assert.That(Problems(new string('#', 14)), Does.Contain("'#' at position 10 and 4 more"));
    }

    /// <summary>A usable order number taken from the store's next-number field stays usable when incremented with @MaxChars = 12.</summary>
    [Test]
    public void NextDocNumber_with_MaxChars_12_keeps_usable_order_numbers_usable()
    {
        var random = new Random(12);
        const string alphabet = "0123456789999ABCZZ-_./";
        for (int n = 0; n < 20000; n++)
        {
            int length = random.Next(1, 13);
            var s = new StringBuilder();
            for (int i = 0; i < length; i++) s.Append(alphabet[random.Next(alphabet.Length)]);
            string value = s.ToString();
            if (Problems(value) != null) continue;
            string next = NextNumber(value, 12)!;
            Assert.That(Problems(next), Is.Null, $"'{value}' -> '{next}'");
        }
    }

    // ------------------------------------------------------------------ the entry points as declared

    [TestCase(nameof(NumberingFunctions.GenDocId))]
    [TestCase(nameof(NumberingFunctions.NextDocIdCandidate))]
    [TestCase(nameof(NumberingFunctions.DocIdParts))]
    [TestCase(nameof(NumberingFunctions.NextDocNumber))]
    [TestCase(nameof(NumberingFunctions.OrderNumberProblems))]
    public void Every_numbering_function_is_deterministic_precise_and_reads_no_data(string method)
    {
        var a = typeof(NumberingFunctions).GetMethod(method)!.GetCustomAttribute<SqlFunctionAttribute>()!;
        Assert.That(a.Name, Is.EqualTo(method));
        Assert.That(a.IsDeterministic, Is.True);
        Assert.That(a.IsPrecise, Is.True);
        Assert.That(a.DataAccess, Is.EqualTo(DataAccessKind.None));
        Assert.That(a.SystemDataAccess, Is.EqualTo(SystemDataAccessKind.None));
    }
}
