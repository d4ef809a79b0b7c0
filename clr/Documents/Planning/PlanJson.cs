using System;
using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>
    /// Writes a plan as PlanContract.md section 2 says. Every value is checked against its column: a decimal not already at
    /// the column's scale, a string longer than the column, or a value of the wrong kind is a planner bug
    /// (InvalidOperationException, reported as CPO-INTERNAL by the SQL entry point), never silently rounded or cut.
    /// </summary>
    public static class PlanJson
    {
        public static string Write(OrderPlanner planner)
        {
            var w = new JsonWriter(4096);
            w.StartObject();
            w.Name("ok").Boolean(planner.Ok);
            w.Name("problems").StartArray();
            foreach (PlanProblem p in planner.Problems)
            {
                w.StartObject();
                w.Name("code").String(p.Code);
                w.Name("message").String(p.Message);
                w.Name("line");
                if (p.Line.HasValue) w.Number(p.Line.Value); else w.Null();
                w.EndObject();
            }
            w.EndArray();
            w.Name("notes").StartArray();
            foreach (string n in planner.Notes) w.String(n);
            w.EndArray();
            // What T-SQL must know before it takes numbers: whether a deposit ticket is planned (issue 15, contract section 11).
            w.Name("payment").StartObject().Name("treatment").String(planner.PaymentTreatment).Name("depositTicket").Boolean(planner.NeedsDepositTicket)
             .Name("deposit").RawValue(planner.DepositAmount.ToString("F2", CultureInfo.InvariantCulture)).EndObject();
            foreach (string key in planner.Catalog.Keys)
            {
                w.Name(key).StartArray();
                List<PlanRow> rows = planner.Rows(key);
                for (int r = 0; r < rows.Count; r++)
                {
                    PlanRow row = rows[r];
                    w.StartObject();
                    for (int i = 0; i < row.Columns.Count; i++)
                    {
                        PlanColumn c = row.Columns[i];
                        w.Name(c.Column);
                        WriteValue(w, c, row.ValueAt(i));
                    }
                    if (key == "IM_INV") w.Name("IS_NEW_ROW").String(planner.NewInventoryRows[r] ? "Y" : "N");
                    w.EndObject();
                }
                w.EndArray();
            }
            w.EndObject();
            return w.ToString();
        }

        /// <summary>The problem-only answer (used for CPO-INTERNAL when planning itself failed).</summary>
        public static string Problem(string code, string message)
        {
            var w = new JsonWriter(512);
            w.StartObject();
            w.Name("ok").Boolean(false);
            w.Name("problems").StartArray().StartObject().Name("code").String(code).Name("message").String(message).Name("line").Null().EndObject().EndArray();
            w.Name("notes").StartArray().EndArray();
            w.EndObject();
            return w.ToString();
        }

        private static void WriteValue(JsonWriter w, PlanColumn c, object v)
        {
            if (v == null)
            {
                w.Null();
                return;
            }
            switch (c.SqlType)
            {
                case "varchar":
                case "text":
                case "uniqueidentifier":
                    var s = v as string;
                    if (s == null) throw Bug(c, v, "a string");
                    if (c.MaxLength.HasValue && c.MaxLength.Value > 0 && s.Length > c.MaxLength.Value) throw new InvalidOperationException(c.Table + "." + c.Column + " value is longer than " + c.MaxLength.Value.ToString(CultureInfo.InvariantCulture) + ": " + s);
                    w.String(s);
                    return;
                case "decimal":
                case "money":
                    decimal d;
                    if (v is decimal) d = (decimal)v;
                    else if (v is int) d = (int)v;
                    else if (v is long) d = (long)v;
                    else throw Bug(c, v, "a number");
                    int scale = c.NumericScale;
                    if (Math.Round(d, scale, MidpointRounding.AwayFromZero) != d) throw new InvalidOperationException(c.Table + "." + c.Column + " value " + d.ToString(CultureInfo.InvariantCulture) + " is not rounded to " + scale.ToString(CultureInfo.InvariantCulture) + " decimals");
                    if (c.Precision.HasValue && Math.Abs(d) >= Pow10(c.Precision.Value - scale)) throw new InvalidOperationException(c.Table + "." + c.Column + " value " + d.ToString(CultureInfo.InvariantCulture) + " does not fit decimal(" + c.Precision.Value.ToString(CultureInfo.InvariantCulture) + "," + scale.ToString(CultureInfo.InvariantCulture) + ")");
                    w.RawValue(d.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                    return;
                case "int":
                case "bigint":
                case "smallint":
                case "tinyint":
                    if (v is int) { w.Number((int)v); return; }
                    if (v is long) { w.Number((long)v); return; }
                    throw Bug(c, v, "an integer");
                case "bit":
                    if (v is bool) { w.Boolean((bool)v); return; }
                    throw Bug(c, v, "a boolean");
                case "datetime":
                    if (v is DateTime) { w.String(((DateTime)v).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)); return; }
                    throw Bug(c, v, "a date-time");
                default:
                    throw new InvalidOperationException("no JSON form for SQL type " + c.SqlType + " (" + c.Table + "." + c.Column + ")");
            }
        }

        private static decimal Pow10(int n)
        {
            decimal p = 1m;
            for (int i = 0; i < n; i++) p *= 10m;
            return p;
        }

        private static InvalidOperationException Bug(PlanColumn c, object v, string expected)
        {
            return new InvalidOperationException(c.Table + "." + c.Column + " (" + c.SqlType + ") was given " + v.GetType().Name + ", expected " + expected);
        }
    }
}
