using System;

namespace CpOrders.WooClr.Json
{
    /// <summary>
    /// WooCommerce's *_gmt dates: ISO-8601 without a zone, "2024-03-01T14:05:09", meaning UTC. Also accepted: fractions
    /// of a second (up to 7 digits), and a trailing "Z" or "+00:00". Any other offset is an error (a *_gmt value in
    /// another zone is a broken plugin, not something to convert silently). Parsed by hand: no culture, no calendar
    /// settings. The result has Kind Utc.
    /// </summary>
    public static class GmtDate
    {
        public static bool TryParse(string s, out DateTime value, out string error)
        {
            value = default(DateTime);
            error = null;
            if (s == null || s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
            {
                error = Bad(s);
                return false;
            }
            int year = Number(s, 0, 4);
            int month = Number(s, 5, 2);
            int day = Number(s, 8, 2);
            int hour = Number(s, 11, 2);
            int minute = Number(s, 14, 2);
            int second = Number(s, 17, 2);
            if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
            {
                error = Bad(s);
                return false;
            }
            int i = 19;
            long ticks = 0;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                int digits = 0;
                while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                {
                    if (++digits > 7)
                    {
                        error = "'" + s + "' has more than 7 digits of fractional seconds";
                        return false;
                    }
                    ticks = ticks * 10 + (s[i] - '0');
                    i++;
                }
                if (digits == 0)
                {
                    error = Bad(s);
                    return false;
                }
                for (int k = digits; k < 7; k++) ticks *= 10;
            }
            string zone = s.Substring(i);
            if (zone.Length != 0 && zone != "Z" && zone != "+00:00")
            {
                error = "'" + s + "' is not UTC: a *_gmt date has no zone, 'Z' or '+00:00'";
                return false;
            }
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                error = "'" + s + "' is not a valid date and time";
                return false;
            }
            value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
            return true;
        }

        private static int Number(string s, int start, int length)
        {
            int v = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
            return v;
        }

        private static string Bad(string s)
        {
            if (s == null) return "a date is missing";
            return "'" + (s.Length <= 40 ? s : s.Substring(0, 40) + "...") + "' is not a date and time in the form yyyy-MM-ddTHH:mm:ss";
        }
    }
}
