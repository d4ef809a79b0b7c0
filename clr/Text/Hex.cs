namespace CpOrders.WooClr.Text
{
    /// <summary>Lower-case hexadecimal text of bytes (nonces, key tokens).</summary>
    public static class Hex
    {
        public static string Lower(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            const string digits = "0123456789abcdef";
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            return new string(chars);
        }
    }
}
