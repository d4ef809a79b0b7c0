using System.Data.SqlTypes;
using System.Xml;
using CpOrders.WooClr.SqlSurface;

namespace CpOrders.Http.Tests;

/// <summary>
/// Issue 11 point 3 for the write procedures: after their own parameters are checked, nothing throws; an unusable
/// connection setting (here a timeout or budget whose milliseconds overflow an int) comes back in @ErrorCode /
/// @ErrorMessage with no request sent.
/// </summary>
public class WriteProceduresNeverThrowTests : StandInTestBase
{
    private static readonly (int Timeout, int Budget, string Name)[] Settings =
    {
        (int.MaxValue, 60, "@TimeoutSeconds"), (5, int.MaxValue, "@TotalBudgetSeconds"), (2_147_484, 60, "@TimeoutSeconds"),
        (-1, 60, "@TimeoutSeconds"), (5, 0, "@TotalBudgetSeconds"),
    };

    private static void AssertConfigOutcome(string what, SqlInt32 http, SqlString code, SqlString message, SqlInt32 requests, string name)
    {
        TestRun.ProducedTexts.Enqueue(message.IsNull ? "" : message.Value);
        Assert.That(code.IsNull ? null : code.Value, Is.EqualTo("CPO-HTTP-CONFIG"), what);
        Assert.That(message.Value, Does.Contain(name), what);
        Assert.That(requests.Value, Is.EqualTo(0), what);
        Assert.That(http.Value, Is.EqualTo(0), what);
    }

    [Test]
    public void Unusable_timeouts_and_budgets_come_back_in_the_outputs_of_every_write_procedure()
    {
        foreach (var (timeout, budget, name) in Settings)
        {
            SqlInt32 http = default, requests = default;
            SqlString code = default, message = default;
            Assert.DoesNotThrow(() => OrderWriteProcedures.UpdateOrder(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
                new SqlString(TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(timeout), new SqlInt32(budget), SqlBoolean.False,
                SqlString.Null, SqlString.Null, new SqlInt64(1001), new SqlString("completed"), SqlString.Null, SqlString.Null,
                out _, out _, out _, out http, out code, out message, out requests), "UpdateOrder " + name);
            AssertConfigOutcome("UpdateOrder", http, code, message, requests, name);

            Assert.DoesNotThrow(() => OrderWriteProcedures.AddOrderNote(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
                new SqlString(TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(timeout), new SqlInt32(budget), SqlBoolean.False,
                SqlString.Null, SqlString.Null, new SqlInt64(1001), new SqlString("note"), SqlBoolean.False, new SqlString("cpo:test:1"),
                out _, out _, out http, out code, out message, out requests), "AddOrderNote " + name);
            AssertConfigOutcome("AddOrderNote", http, code, message, requests, name);

            Assert.DoesNotThrow(() => OrderWriteProcedures.ListOrderNotes(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
                new SqlString(TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(timeout), new SqlInt32(budget), SqlBoolean.False,
                SqlString.Null, SqlString.Null, new SqlInt64(1001), out _, out http, out code, out message, out requests), "ListOrderNotes " + name);
            AssertConfigOutcome("ListOrderNotes", http, code, message, requests, name);

            var updates = new SqlXml(XmlReader.Create(new StringReader("<orders><order id=\"1001\" status=\"completed\"/></orders>")));
            Assert.DoesNotThrow(() => OrderWriteProcedures.BatchUpdateOrders(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
                new SqlString(TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(timeout), new SqlInt32(budget), SqlBoolean.False,
                SqlString.Null, SqlString.Null, updates, out _, out http, out code, out message, out requests), "BatchUpdateOrders " + name);
            AssertConfigOutcome("BatchUpdateOrders", http, code, message, requests, name);
        }
        Assert.That(Server.Requests, Is.Empty);
    }
}
