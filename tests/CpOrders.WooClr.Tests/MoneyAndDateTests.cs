using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Tests;

public class MoneyAndDateTests
{
    [TestCase("12.50", "12.5")]
    [TestCase("-10.00", "-10")]
    [TestCase("0", "0")]
    [TestCase("-0.00", "0")]
    [TestCase("007.5", "7.5")]
    [TestCase("0.0001", "0.0001")]
    [TestCase("12.50000000", "12.5")]
    [TestCase("999999999999999.9999", "999999999999999.9999")]
    [TestCase("-999999999999999.9999", "-999999999999999.9999")]
    public void Money_strings_parse_exactly(string text, string expected)
    {
        Assert.That(Money.TryParseString(text, out decimal v, out string? error), Is.True, error);
        Assert.That(v, Is.EqualTo(decimal.Parse(expected, CultureInfo.InvariantCulture)));
    }

    [TestCase("1e3", "plain decimal")]
    [TestCase("+1", "plain decimal")]
    [TestCase(" 1", "plain decimal")]
    [TestCase("1,000.00", "plain decimal")]
    [TestCase(".5", "plain decimal")]
    [TestCase("5.", "plain decimal")]
    [TestCase("-", "plain decimal")]
    [TestCase("", "empty")]
    [TestCase("12.34567", "more than 4 decimal places")]
    [TestCase("0.00001", "more than 4 decimal places")]
    [TestCase("1000000000000000", "more than 15 digits")]
    [TestCase("1,5", "plain decimal")]
    [TestCase("١٢", "plain decimal")]
    public void Money_strings_that_would_change_or_are_not_plain_decimals_are_errors(string text, string reason)
    {
        Assert.That(Money.TryParseString(text, out _, out string? error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [TestCase("1e3", "1000")]
    [TestCase("1.5E-2", "0.015")]
    [TestCase("-0.5e-3", "-0.0005")]
    [TestCase("9.975", "9.975")]
    [TestCase("0e999999999999", "0")]
    [TestCase("12345678901234.5e-0", "12345678901234.5")]
    public void Json_number_text_parses_exactly_with_exponents(string text, string expected)
    {
        Assert.That(Money.TryParseNumberText(text, out decimal v, out string? error), Is.True, error);
        Assert.That(v, Is.EqualTo(decimal.Parse(expected, CultureInfo.InvariantCulture)));
    }

    [TestCase("8.333333333333334")]
    [TestCase("1e16")]
    [TestCase("1e-5")]
    [TestCase("1e999999999999")]
    [TestCase("1e-999999999999")]
    [TestCase("1e")]
    [TestCase("0x10")]
    public void Json_number_text_that_does_not_fit_decimal_19_4_is_an_error(string text)
    {
        Assert.That(Money.TryParseNumberText(text, out _, out _), Is.False);
    }

    [Test]
    public void Money_agrees_with_decimal_Parse_on_random_plain_decimals()
    {
        var random = new Random(424242);
        for (int i = 0; i < 20000; i++)
        {
            int intDigits = random.Next(1, 17);
            int fracDigits = random.Next(0, 7);
            string text = (random.Next(4) == 0 ? "-" : "") + Digits(random, intDigits) + (fracDigits > 0 ? "." + Digits(random, fracDigits) : "");
            decimal exact = decimal.Parse(text, CultureInfo.InvariantCulture);
            bool fits = Math.Abs(exact) < 1_000_000_000_000_000m && decimal.Round(exact, 4) == exact;
            bool ok = Money.TryParseString(text, out decimal v, out _);
            Assert.That(ok, Is.EqualTo(fits), text);
            if (ok) Assert.That(v, Is.EqualTo(exact), text);
        }
    }

    private static string Digits(Random random, int n)
    {
        var chars = new char[n];
        for (int i = 0; i < n; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    [TestCase("2024-03-01T14:05:09", "2024-03-01T14:05:09.0000000Z")]
    [TestCase("2024-03-01T14:05:09Z", "2024-03-01T14:05:09.0000000Z")]
    [TestCase("2024-03-01T14:05:09+00:00", "2024-03-01T14:05:09.0000000Z")]
    [TestCase("2024-02-29T23:59:59.5", "2024-02-29T23:59:59.5000000Z")]
    [TestCase("0001-01-01T00:00:00", "0001-01-01T00:00:00.0000000Z")]
    [TestCase("9999-12-31T23:59:59.9999999", "9999-12-31T23:59:59.9999999Z")]
    public void Gmt_dates_parse_as_utc(string text, string expected)
    {
        Assert.That(GmtDate.TryParse(text, out DateTime v, out string? error), Is.True, error);
        Assert.That(v.ToString("o", CultureInfo.InvariantCulture), Is.EqualTo(expected));
        Assert.That(v.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [TestCase("2023-02-29T00:00:00")]
    [TestCase("2024-13-01T00:00:00")]
    [TestCase("2024-03-01T24:00:00")]
    [TestCase("2024-03-01T23:60:00")]
    [TestCase("2024-03-01T23:59:60")]
    [TestCase("0000-01-01T00:00:00")]
    [TestCase("2024-03-01 14:05:09")]
    [TestCase("2024-03-01")]
    [TestCase("2024-03-01T14:05:09+01:00")]
    [TestCase("2024-03-01T14:05:09.")]
    [TestCase("2024-03-01T14:05:09.12345678")]
    [TestCase("2024-03-01T14:05:09 ")]
    [TestCase("２０２４-03-01T14:05:09")]
    public void Invalid_or_non_utc_dates_are_errors(string text)
    {
        Assert.That(GmtDate.TryParse(text, out _, out string? error), Is.False);
        Assert.That(error, Is.Not.Null.And.Not.Empty);
    }
}
