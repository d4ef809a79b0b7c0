using System;
using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Documents.Skus;
using CpOrders.WooClr.Json;
using CpOrders.WooClr.Woo.Orders;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>
    /// Plans one Counterpoint order document (design 11) from one gathered input: either every problem, or every row with
    /// Counterpoint's column names (PlanContract.md). Pure: no data access, no clock, no HTTP; the same input gives the same
    /// plan. One instance per call (it holds the call's state).
    /// </summary>
    public sealed partial class OrderPlanner
    {
        public const string WebAsCharged = "WEB_AS_CHARGED";
        public const string CounterpointRates = "COUNTERPOINT_RATES";

        // Largest values Counterpoint's decimal(15,2) amounts and decimal(15,4) quantities hold (exclusive).
        // (Properties, not decimal constants: a decimal const compiles to DecimalConstantAttribute, outside the CLR allow-list.)
        private static decimal MaxMoney
        {
            get { return 10000000000000m; }
        }

        private static decimal MaxQty
        {
            get { return 100000000000m; }
        }

        private readonly PlanColumnCatalog _catalog = new PlanColumnCatalog();
        private readonly List<PlanProblem> _problems = new List<PlanProblem>();
        private readonly List<string> _notes = new List<string>();
        private readonly List<string> _truncations = new List<string>();
        private readonly Dictionary<string, List<PlanRow>> _rows = new Dictionary<string, List<PlanRow>>(StringComparer.Ordinal);
        private readonly Dictionary<string, PlanRowFactory> _factories = new Dictionary<string, PlanRowFactory>(StringComparer.Ordinal);
        private TextPolicy _text;

        // Input
        private PlanInputRow _store;
        private PlanInputRow _cfg;
        private PlanInputRow _cust;
        private WooOrderHeader _hdr;
        private JsonElement _orderJson;
        private string _mode;
        private bool _haveNumbers;
        private long? _docId;
        private string _tktNo;
        private string _docGuid;
        private string _newCustNo;
        private DateTime? _tktDt;
        private DateTime? _nowUtc;
        private string _workstation;
        private string _server;
        private string _database;

        // Planned
        private readonly List<LinePlan> _lines = new List<LinePlan>();
        private readonly List<MiscPlan> _miscs = new List<MiscPlan>();
        private readonly Dictionary<string, AuthPlan> _authByKey = new Dictionary<string, AuthPlan>(StringComparer.Ordinal);
        // Authorities in (AUTH_COD, RUL_COD) ordinal order: the PS_DOC_TAX row order and the tie-break of the rounding home.
        private readonly List<AuthPlan> _auths = new List<AuthPlan>();
        private string _shipViaCod;
        private decimal _shipping;
        private decimal _shippingTax;
        private decimal _fees;
        private decimal _feeTax;
        private int _shipMiscNo;
        private int? _feeMiscNo;

        public OrderPlanner()
        {
            _text = new TextPolicy(_problems, _truncations);
            foreach (string key in _catalog.Keys)
            {
                _factories.Add(key, new PlanRowFactory(_catalog.For(key)));
                _rows.Add(key, new List<PlanRow>());
            }
        }

        public PlanColumnCatalog Catalog
        {
            get { return _catalog; }
        }

        public List<PlanProblem> Problems
        {
            get { return _problems; }
        }

        public List<string> Notes
        {
            get { return _notes; }
        }

        public bool Ok
        {
            get { return _problems.Count == 0; }
        }

        public List<PlanRow> Rows(string planKey)
        {
            return _rows[planKey];
        }

        /// <summary>Plans the document and answers the plan's JSON text (PlanContract.md section 2). Never throws for bad input.</summary>
        public string PlanToJson(string inputJson)
        {
            Plan(inputJson);
            return PlanJson.Write(this);
        }

        /// <summary>Plans the document; read the result through <see cref="Ok"/>, <see cref="Problems"/> and <see cref="Rows"/>.</summary>
        public void Plan(string inputJson)
        {
            if (inputJson == null)
            {
                Problem(PlanCodes.Input, "@Input is NULL; pass the gathered input document.", null);
                return;
            }
            JsonDocument doc;
            JsonCheckResult error;
            if (!JsonDocument.TryParse(inputJson, out doc, out error))
            {
                Problem(PlanCodes.Input, "@Input is not valid JSON: " + error.Message + " (character " + (error.Offset + 1).ToString(CultureInfo.InvariantCulture) + ").", null);
                return;
            }
            if (doc.Root.Kind != JsonValueKind.Object)
            {
                Problem(PlanCodes.Input, "@Input must be a JSON object with order, store, counterpoint, customer, numbers and environment.", null);
                return;
            }
            var input = new PlanInputRow(doc.Root, "$", _problems);
            ReadInput(input);
            ReadPaymentInput(input);
            // Without the order, the store or the Counterpoint rows every later check would only repeat the gathering fault.
            if (_hdr == null || !_store.Exists || _cpElement.Kind != JsonValueKind.Object) { ClearRows(); return; }
            PlanLines();
            CheckLineDiscountId();
            PlanShippingAndFees();
            // Amounts already refused (CPO-ORDER) would only repeat themselves as tax and total mismatches.
            if (!_badAmounts) PlanTaxes();
            if (!_badAmounts) CheckTotals();
            PlanPayment();
            // Names, addresses and the new customer do not depend on the lines: their text problems are found in every
            // call, so the answer lists every problem at once.
            BuildPartyRows();
            if (_problems.Count > 0) { ClearRows(); return; }
            BuildRows();
            if (_problems.Count > 0) ClearRows();
        }

        // ------------------------------------------------------------------ input

        private void ReadInput(PlanInputRow input)
        {
            _store = input.Object("store");
            if (!_store.Exists) Problem(PlanCodes.Input, "$.store is missing: pass the woo.Store row and its maps.", null);
            PlanInputRow cp = input.Object("counterpoint");
            _cpElement = cp.Element;
            if (!cp.Exists) Problem(PlanCodes.Input, "$.counterpoint is missing: pass the Counterpoint rows the order needs.", null);
            _cfg = cp.Object("PS_STR_CFG_PS");
            if (cp.Exists && !_cfg.Exists) Problem(PlanCodes.Input, "$.counterpoint.PS_STR_CFG_PS is missing: pass the store's PS_STR_CFG_PS row.", null);
            _cust = cp.Object("AR_CUST");

            foreach (string key in new[] { "Currency", "CpStrId", "CpStaId", "CpDrwId", "CpUsrId", "StkLocId", "PrcLocId", "TaxStrategy" })
            {
                if (_store.Exists) _store.Required(key);
            }
            // Settings copied into Counterpoint columns must fit them (woo.Store declares the same lengths).
            foreach (string key in new[] { "CpStrId", "CpStaId", "CpDrwId", "CpUsrId", "StkLocId", "PrcLocId", "TaxCod" })
            {
                string v = _store.Str(key);
                if (v != null && (v.Length > 10 || !Cp1252(v))) Problem(PlanCodes.Input, "$.store." + key + " '" + v + "' is not a Counterpoint code (at most 10 characters of code page 1252).", null);
            }
            string strategy = _store.Str("TaxStrategy");
            if (strategy != null && strategy != WebAsCharged && strategy != CounterpointRates)
            {
                Problem(PlanCodes.TaxStrategy, "store TaxStrategy '" + strategy + "' is neither WEB_AS_CHARGED nor COUNTERPOINT_RATES.", null);
            }

            // Customer
            PlanInputRow customer = input.Object("customer");
            _mode = customer.Str("mode");
            if (_mode != "EXISTING" && _mode != "CREATE")
            {
                Problem(PlanCodes.Customer, "$.customer.mode must be EXISTING or CREATE (T-SQL resolves the customer before planning), not " + (_mode == null ? "missing" : "'" + _mode + "'") + ".", null);
            }
            if (!_cust.Exists)
            {
                Problem(PlanCodes.Customer, _mode == "CREATE"
                    ? "$.counterpoint.AR_CUST (the template customer's row) is missing: configure the store's customer template (woo.Store.DefaultTemplateCustNo or woo.StoreCustomerClass.TemplateCustNo)."
                    : "$.counterpoint.AR_CUST (the order's customer) is missing.", null);
            }
            else if (_mode == "EXISTING" && _cust.Str("CUST_NO") == null)
            {
                Problem(PlanCodes.Customer, "$.counterpoint.AR_CUST.CUST_NO is missing for an EXISTING customer.", null);
            }

            // Numbers
            PlanInputRow numbers = input.Object("numbers");
            _haveNumbers = numbers.Exists;
            if (_haveNumbers)
            {
                _docId = numbers.Long("DOC_ID");
                _tktNo = numbers.Str("TKT_NO");
                string guid = numbers.Str("DOC_GUID");
                Guid g;
                if (guid != null && Guid.TryParse(guid, out g)) _docGuid = g.ToString("D").ToUpperInvariant();
                else if (guid != null) Problem(PlanCodes.Numbers, "$.numbers.DOC_GUID '" + guid + "' is not a GUID.", null);
                _newCustNo = numbers.Str("CUST_NO");
                _tktDt = numbers.Date("TKT_DT");
                _nowUtc = numbers.Date("nowUtc");
                var missing = new List<string>();
                if (!_docId.HasValue) missing.Add("DOC_ID");
                if (_tktNo == null) missing.Add("TKT_NO");
                if (_docGuid == null) missing.Add("DOC_GUID");
                if (!_tktDt.HasValue) missing.Add("TKT_DT");
                if (!_nowUtc.HasValue) missing.Add("nowUtc");
                if (_mode == "CREATE" && _newCustNo == null) missing.Add("CUST_NO (a new customer is created)");
                if (missing.Count > 0)
                {
                    Problem(PlanCodes.Numbers, "$.numbers is given but lacks " + string.Join(", ", missing.ToArray()) + "; pass all numbers, or none (null) for a validation call.", null);
                }
                if (_tktNo != null && (_tktNo.Length > 15 || !Cp1252(_tktNo))) Problem(PlanCodes.Numbers, "$.numbers.TKT_NO '" + _tktNo + "' is longer than 15 characters or outside code page 1252.", null);
                if (_newCustNo != null && (_newCustNo.Length > 15 || !Cp1252(_newCustNo))) Problem(PlanCodes.Numbers, "$.numbers.CUST_NO '" + _newCustNo + "' is longer than 15 characters or outside code page 1252.", null);
            }

            PlanInputRow env = input.Object("environment");
            _workstation = Truncate128(env.Str("workstation"));
            _server = Truncate128(env.Str("server"));
            _database = Truncate128(env.Str("database"));

            // The order
            JsonElement order = input.Raw("order");
            JsonDocument orderDoc = null;
            if (order.Kind == JsonValueKind.String)
            {
                JsonCheckResult err;
                if (!JsonDocument.TryParse(order.GetString(), out orderDoc, out err))
                {
                    Problem(PlanCodes.Order, "$.order is a string that is not valid JSON: " + err.Message + ".", null);
                    return;
                }
                order = orderDoc.Root;
            }
            if (order.Kind != JsonValueKind.Object)
            {
                Problem(PlanCodes.Input, "$.order is missing or not an object: pass the WooCommerce order JSON (JSON_QUERY of the queue row).", null);
                return;
            }
            WooOrderReader reader;
            try
            {
                reader = new WooOrderReader(order);
                reader.ReadAll();
            }
            catch (JsonParseException ex)
            {
                Problem(PlanCodes.Order, "the WooCommerce order cannot be read: " + ex.Reason + ".", null);
                return;
            }
            _orderJson = order;
            _hdr = reader.ReadHeader();
            _wooLines = reader.ReadLineItems();
            _wooShipping = reader.ReadShippingLines();
            _wooFees = reader.ReadFeeLines();
            _wooTaxLines = reader.ReadTaxLines();
            List<WooRefund> refunds = reader.ReadRefunds();

            string currency = _store.Str("Currency");
            if (currency != null && !string.Equals(currency, _hdr.Currency, StringComparison.OrdinalIgnoreCase))
            {
                Problem(PlanCodes.Currency, "the order is in " + (_hdr.Currency ?? "(no currency)") + " but store " + (_store.Str("StoreId") ?? "?") + " takes " + currency + " (design 10): such orders are not converted.", null);
            }
            if (refunds.Count > 0)
            {
                Problem(PlanCodes.OrderRefunded, "the order carries " + refunds.Count.ToString(CultureInfo.InvariantCulture) + " refund(s) in WooCommerce; a refunded order is not written automatically: enter it by hand or skip it.", null);
            }
            if (!_hdr.Total.HasValue) Problem(PlanCodes.Order, "the order has no total.", null);
            // Every order amount the plan carries must be a 2-decimal amount that fits decimal(15,2): bad input is the
            // order's problem (CPO-ORDER), never a row writer's CPO-INTERNAL.
            OrderAmount("total", _hdr.Total);
            OrderAmount("shipping_total", _hdr.ShippingTotal);
            OrderAmount("total_tax", _hdr.TotalTax);
            for (int i = 0; i < _wooShipping.Count; i++)
            {
                string at = "shipping_lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                OrderAmount(at + ".total", _wooShipping[i].Total);
                OrderAmount(at + ".total_tax", _wooShipping[i].TotalTax);
            }
            for (int i = 0; i < _wooFees.Count; i++)
            {
                string at = "fee_lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                OrderAmount(at + ".total", _wooFees[i].Total);
                OrderAmount(at + ".total_tax", _wooFees[i].TotalTax);
            }
            for (int i = 0; i < _wooTaxLines.Count; i++)
            {
                string at = "tax_lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                OrderAmount(at + ".tax_total", _wooTaxLines[i].TaxTotal);
                OrderAmount(at + ".shipping_tax_total", _wooTaxLines[i].ShippingTaxTotal);
            }
        }

        private bool _badAmounts;

        private void OrderAmount(string what, decimal? v)
        {
            if (!v.HasValue) return;
            if (Scale(v.Value) > 2)
            {
                _badAmounts = true;
                Problem(PlanCodes.Order, "order " + what + " " + Show(v) + " has more than 2 decimals; the shop must send 2-decimal amounts (dp=2).", null);
            }
            else if (Math.Abs(v.Value) >= MaxMoney)
            {
                _badAmounts = true;
                Problem(PlanCodes.Order, "order " + what + " " + Show(v) + " does not fit Counterpoint's decimal(15,2) amounts.", null);
            }
        }

        private List<WooLineItem> _wooLines;
        private List<WooShippingLine> _wooShipping;
        private List<WooFeeLine> _wooFees;
        private List<WooTaxLine> _wooTaxLines;

        private static string Truncate128(string s)
        {
            if (s == null) return null;
            s = TextPolicy.Clean(s);
            if (s == null) return null;
            var sb = new System.Text.StringBuilder(s.Length);
            foreach (char c in s) sb.Append(TextPolicy.InCp1252(c) ? c : '_');
            s = sb.ToString();
            return s.Length > 128 ? s.Substring(0, 128) : s;
        }

        // ------------------------------------------------------------------ lines

        private void PlanLines()
        {
            if (_wooLines.Count == 0)
            {
                Problem(PlanCodes.NoLines, "the order has no line items.", null);
                return;
            }
            // The SKU rule of both directions (issue 14: orders in, stock out share one implementation). Each map and
            // suffix row is read once here, so a wrongly typed value is one CPO-INPUT problem whether or not a line uses it.
            var skuMap = new List<SkuMapEntry>();
            foreach (PlanInputRow r in _store.Array("skuMap"))
            {
                string wooSku = r.Str("WooSku");
                if (wooSku != null) skuMap.Add(new SkuMapEntry(wooSku, r.Str("ItemNo"), r.Str("SellUnit")));
            }
            var suffixes = new List<UnitSuffix>();
            foreach (PlanInputRow r in _store.Array("unitSuffixes"))
            {
                string suffix = r.Str("Suffix");
                if (suffix != null) suffixes.Add(new UnitSuffix(suffix, r.Str("SellUnit")));
            }
            var items = IndexRows(CounterpointArray("IM_ITEM"), "ITEM_NO", null);
            // The order's items are known: a SKU that is an item wins over a unit suffix (review finding 1).
            var skuRule = new SkuRule(skuMap, suffixes, items.Keys);
            string stkLoc = _store.Str("StkLocId");
            string prcLoc = _store.Str("PrcLocId");
            var inv = IndexRows(CounterpointArray("IM_INV"), "ITEM_NO", stkLoc);
            var prcExact = IndexRows(CounterpointArray("IM_PRC"), "ITEM_NO", prcLoc);
            var prcStar = IndexRows(CounterpointArray("IM_PRC"), "ITEM_NO", "*");

            for (int i = 0; i < _wooLines.Count; i++)
            {
                WooLineItem w = _wooLines[i];
                var line = new LinePlan { Seq = i + 1, Woo = w };
                _lines.Add(line);
                line.Taxes = ReadTaxes("line_items", i);

                // Quantity and amounts (design 10: from subtotal/total strings, never price).
                if (!w.Quantity.HasValue || w.Quantity.Value <= 0 || w.Quantity.Value != Math.Floor(w.Quantity.Value) || w.Quantity.Value > 99999999999m)
                {
                    LineProblem(line, PlanCodes.Qty, "quantity " + Show(w.Quantity) + " is not a positive whole number.");
                }
                else line.Qty = w.Quantity.Value;
                if (!w.Subtotal.HasValue || !w.Total.HasValue)
                {
                    LineProblem(line, PlanCodes.LineAmount, "the line has no subtotal or total.");
                }
                else if (w.Subtotal.Value < 0 || w.Total.Value < 0 || w.Total.Value > w.Subtotal.Value)
                {
                    LineProblem(line, PlanCodes.LineAmount, "subtotal " + Show(w.Subtotal) + " and total " + Show(w.Total) + " are not a price before and after discounts (negative, or total above subtotal).");
                }
                else if (w.Subtotal.Value >= MaxMoney)
                {
                    LineProblem(line, PlanCodes.LineAmount, "subtotal " + Show(w.Subtotal) + " does not fit Counterpoint's decimal(15,2) amounts.");
                }
                else if (Scale(w.Subtotal.Value) > 2 || Scale(w.Total.Value) > 2 || (w.TotalTax.HasValue && Scale(w.TotalTax.Value) > 2))
                {
                    LineProblem(line, PlanCodes.LineAmount, "amounts " + Show(w.Subtotal) + "/" + Show(w.Total) + "/" + Show(w.TotalTax) + " have more than 2 decimals; the shop must send 2-decimal amounts (dp=2).");
                }
                else
                {
                    line.Gross = w.Subtotal.Value;
                    line.Net = w.Total.Value;
                    line.Disc = line.Gross - line.Net;
                    line.AmountOk = true;
                    PriceLine(line);
                }

                // SKU -> item and selling unit (SkuRule: trimmed; map, else longest unit suffix, else the SKU; unit 0-5).
                SkuResolution resolved = skuRule.Resolve(w.Sku);
                if (resolved.ProblemCode == SkuProblems.Blank)
                {
                    LineProblem(line, PlanCodes.Sku, "'" + (w.Name ?? "") + "' has no SKU; give the product a SKU that is a Counterpoint item number (or map it in woo.StoreSkuMap).");
                    continue;
                }
                if (!resolved.Ok)
                {
                    LineProblem(line, resolved.ProblemCode == SkuProblems.Unit ? PlanCodes.Unit : resolved.ProblemCode, resolved.Problem);
                    continue;
                }
                string sku = resolved.Sku;
                string itemNo = resolved.ItemNo;
                line.SellUnit = resolved.SellUnit[0];
                PlanInputRow item;
                if (!items.TryGetValue(itemNo, out item))
                {
                    LineProblem(line, PlanCodes.ItemUnknown, "SKU '" + sku + "' is item '" + itemNo + "', which is not in IM_ITEM; create the item in Counterpoint or map the SKU in woo.StoreSkuMap, then requeue.");
                    continue;
                }
                line.Item = item;
                line.ItemNo = item.Str("ITEM_NO");
                if (line.ItemNo.Length > 20) { LineProblem(line, PlanCodes.TextTooLong, "item number '" + line.ItemNo + "' is longer than 20 characters."); continue; }
                line.ItemTyp = item.Str("ITEM_TYP") ?? "I";
                if (line.ItemTyp != "I" && line.ItemTyp != "N" && line.ItemTyp != "S")
                {
                    LineProblem(line, PlanCodes.ItemType, "item '" + line.ItemNo + "' has ITEM_TYP '" + line.ItemTyp + "'; the planner writes inventory (I), non-inventory (N) and service (S) items only.");
                }
                string trk = item.Str("TRK_METH") ?? "N";
                if (trk == "G")
                {
                    LineProblem(line, PlanCodes.ItemGridded, "item '" + line.ItemNo + "' is gridded (TRK_METH 'G'); its grid cell (PS_DOC_LIN_CELL, IM_INV_CELL) is not planned: enter this order by hand.");
                }
                else if (trk == "S")
                {
                    LineProblem(line, PlanCodes.ItemSerialized, "item '" + line.ItemNo + "' is serialized (TRK_METH 'S'); the shop sends no serial numbers: enter this order by hand.");
                }
                else if (trk != "N")
                {
                    LineProblem(line, PlanCodes.ItemType, "item '" + line.ItemNo + "' has TRK_METH '" + trk + "' (expected N, G or S).");
                }
                if (line.SellUnit == '0')
                {
                    line.QtyUnit = item.Str("STK_UNIT");
                }
                else
                {
                    string n = line.SellUnit.ToString();
                    line.QtyUnit = item.Str("ALT_" + n + "_UNIT");
                    decimal? numer = item.Dec("ALT_" + n + "_NUMER");
                    decimal? denom = item.Dec("ALT_" + n + "_DENOM");
                    string unitProblem = SkuRule.UnitProblem(sku, line.ItemNo, n, line.QtyUnit, numer, denom);
                    if (unitProblem != null)
                    {
                        LineProblem(line, PlanCodes.Unit, unitProblem);
                        continue;
                    }
                    line.Numer = numer.Value;
                    line.Denom = denom.Value;
                }
                if (line.QtyUnit != null && line.QtyUnit.Length > 15) { LineProblem(line, PlanCodes.Unit, "unit '" + line.QtyUnit + "' is longer than 15 characters."); continue; }
                PlanInputRow invRow;
                if (inv.TryGetValue(line.ItemNo, out invRow)) line.Inv = invRow;
                PlanInputRow prcRow;
                if (prcExact.TryGetValue(line.ItemNo, out prcRow) || prcStar.TryGetValue(line.ItemNo, out prcRow)) line.Prc = prcRow;
                line.StockQty = Round(line.Qty * line.Numer / line.Denom, 4);
                if (line.StockQty >= MaxQty || line.Qty * line.Numer >= MaxQty) LineProblem(line, PlanCodes.Qty, "quantity " + Show(line.Qty) + " in unit " + (line.QtyUnit ?? "") + " is " + Show(line.StockQty) + " in stocking units, beyond Counterpoint's decimal(15,4) quantities.");
            }
        }

        /// <summary>
        /// PRC and EXT_PRC so that EXT_PRC = ROUND(QTY_SOLD × PRC, 2) as Counterpoint computes it (CDM 6). PRC is the subtotal
        /// ÷ qty rounded to 4 dp; when that does not give the subtotal back (qty ≥ ~100), PRC is the 4-dp ceiling, EXT_PRC the
        /// rounded product (a few cents above the subtotal) and the excess is added to the line's discount: TOT is unchanged.
        /// </summary>
        private void PriceLine(LinePlan line)
        {
            if (line.Qty <= 0m) { line.UnitPrc = 0m; line.Ext = line.Gross; return; }
            decimal prc = Round(line.Gross / line.Qty, 4);
            if (Round(line.Qty * prc, 2) != line.Gross) prc = Math.Ceiling(line.Gross * 10000m / line.Qty) / 10000m;
            line.UnitPrc = prc;
            line.Ext = Round(line.Qty * prc, 2);
            line.RoundDisc = line.Ext - line.Gross;
            if (line.RoundDisc != 0m)
            {
                _notes.Add("Line " + line.Seq.ToString(CultureInfo.InvariantCulture) + ": no 4-decimal price gives subtotal " + Show(line.Gross) + " for quantity " + Show(line.Qty) +
                    "; PRC " + Show(prc) + " gives EXT_PRC " + Show(line.Ext) + " and the " + Show(line.RoundDisc) + " above the subtotal is a line discount (the total is unchanged).");
            }
        }

        /// <summary>
        /// PS_DOC_DISC.DISC_ID names a discount configured in Counterpoint (an integration's samples: "DISC_ID":
        /// "100000000000101", "DISC_COD": "WEBLINE"), so an order with a line discount needs store.LineDiscId.
        /// </summary>
        private void CheckLineDiscountId()
        {
            long? id = _store.Long("LineDiscId");
            _lineDiscId = id;
            if (id.HasValue && id.Value <= 0)
            {
                Problem(PlanCodes.DiscId, "store LineDiscId " + Show(id) + " is not a Counterpoint discount id (a positive number).", null);
                return;
            }
            if (id.HasValue) return;
            int withDisc = 0;
            foreach (LinePlan l in _lines) if (l.AmountOk && l.Disc + l.RoundDisc != 0m) withDisc++;
            if (withDisc > 0)
            {
                Problem(PlanCodes.DiscId, withDisc.ToString(CultureInfo.InvariantCulture) + " line(s) carry a discount (coupon, or price rounding) but the store has no LineDiscId; " +
                    "set the id of the Counterpoint discount that web line discounts are written as (PS_DOC_DISC.DISC_ID), then requeue.", null);
            }
        }

        private long? _lineDiscId;

        private List<PlanInputRow> CounterpointArray(string table)
        {
            return new PlanInputRow(_cpElement, "$.counterpoint", _problems).Array(table);
        }

        private JsonElement _cpElement;

        private Dictionary<string, PlanInputRow> IndexRows(List<PlanInputRow> rows, string keyColumn, string locId)
        {
            var index = new Dictionary<string, PlanInputRow>(StringComparer.OrdinalIgnoreCase);
            foreach (PlanInputRow r in rows)
            {
                string key = r.Str(keyColumn);
                if (key == null) continue;
                if (locId != null && !string.Equals(r.Str("LOC_ID"), locId, StringComparison.OrdinalIgnoreCase)) continue;
                if (!index.ContainsKey(key)) index.Add(key, r);
            }
            return index;
        }

        /// <summary>The "taxes" array of order.section[index]: [{id, total}] with a non-empty total.</summary>
        private List<RateAmount> ReadTaxes(string section, int index)
        {
            var list = new List<RateAmount>();
            JsonElement arr = _orderJson.Property(section);
            if (arr.Kind != JsonValueKind.Array) return list;
            int i = 0;
            foreach (JsonElement e in arr.EnumerateArray())
            {
                if (i++ != index) continue;
                JsonElement taxes = e.Kind == JsonValueKind.Object ? e.Property("taxes") : default(JsonElement);
                if (taxes.Kind != JsonValueKind.Array) return list;
                foreach (JsonElement t in taxes.EnumerateArray())
                {
                    // WooCommerce keeps per-rate line taxes unrounded ("1.92885"): they only say WHICH rates tax the line.
                    var tr = new PlanInputRow(t, "$.order." + section + "[" + index.ToString(CultureInfo.InvariantCulture) + "].taxes", _problems);
                    long? id = tr.Long("id");
                    string total = tr.Str("total");
                    decimal amount = 0m;
                    if (total != null && !decimal.TryParse(total, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out amount))
                    {
                        _problems.Add(new PlanProblem(PlanCodes.Order, "order " + section + "[" + index.ToString(CultureInfo.InvariantCulture) + "].taxes total '" + total + "' is not a number.", null));
                    }
                    string subtotal = tr.Str("subtotal");
                    decimal before = 0m;
                    if (subtotal != null && !decimal.TryParse(subtotal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out before))
                    {
                        _problems.Add(new PlanProblem(PlanCodes.Order, "order " + section + "[" + index.ToString(CultureInfo.InvariantCulture) + "].taxes subtotal '" + subtotal + "' is not a number.", null));
                    }
                    if (id.HasValue) list.Add(new RateAmount { RateId = id.Value, Total = amount, Subtotal = before });
                }
            }
            return list;
        }

        // ------------------------------------------------------------------ shipping, fees, misc charges

        private void PlanShippingAndFees()
        {
            long? shipNo = _store.Long("ShippingMiscChargeNo");
            _shipMiscNo = shipNo.HasValue ? (int)shipNo.Value : 1;
            long? feeNo = _store.Long("FeeMiscChargeNo");
            _feeMiscNo = feeNo.HasValue ? (int?)(int)feeNo.Value : null;

            // Ship-via from the first shipping line.
            var shipVia = _store.Array("shipViaMap");
            for (int i = 0; i < _wooShipping.Count; i++)
            {
                WooShippingLine s = _wooShipping[i];
                if (s.Total.HasValue) _shipping += s.Total.Value;
                if (s.TotalTax.HasValue) _shippingTax += s.TotalTax.Value;
                string code = null;
                string any = null;
                foreach (PlanInputRow m in shipVia)
                {
                    if (!string.Equals(m.Str("WooMethodId"), s.MethodId, StringComparison.OrdinalIgnoreCase)) continue;
                    long inst = m.Long("InstanceId") ?? 0;
                    if (s.InstanceId.HasValue && inst == s.InstanceId.Value && inst != 0) code = m.Str("ShipViaCod");
                    else if (inst == 0) any = m.Str("ShipViaCod");
                }
                code = code ?? any;
                if (code == null)
                {
                    Problem(PlanCodes.ShipVia, "shipping method '" + (s.MethodId ?? "") + "' (instance " + Show(s.InstanceId) + ", '" + (s.MethodTitle ?? "") + "') has no row in woo.StoreShipViaMap; map it to a Counterpoint ship-via code and requeue.", null);
                }
                else if (_shipViaCod == null) _shipViaCod = code;
            }
            if (_wooShipping.Count == 0 && _hdr.ShippingTotal.HasValue) _shipping = _hdr.ShippingTotal.Value;
            if (_hdr.ShippingTotal.HasValue && _hdr.ShippingTotal.Value != _shipping)
            {
                Problem(PlanCodes.Order, "shipping_total " + Show(_hdr.ShippingTotal) + " differs from the shipping lines' sum " + Show(_shipping) + ".", null);
            }
            if (_shipViaCod == null && _cust.Exists) _shipViaCod = _cust.Str("SHIP_VIA_COD");

            foreach (WooFeeLine f in _wooFees)
            {
                decimal amount = f.Total ?? 0m;
                if (amount < 0)
                {
                    Problem(PlanCodes.Fee, "fee '" + (f.Name ?? "") + "' is negative (" + Show(f.Total) + "); discount fees are not planned: enter the order by hand or turn the fee into a coupon in WooCommerce.", null);
                }
                _fees += amount;
                if (f.TotalTax.HasValue) _feeTax += f.TotalTax.Value;
            }
            if (_wooFees.Count > 0 && !_feeMiscNo.HasValue)
            {
                Problem(PlanCodes.Fee, "the order has " + _wooFees.Count.ToString(CultureInfo.InvariantCulture) + " fee line(s) but the store has no FeeMiscChargeNo; set the misc charge (1-5) that carries web fees, then requeue.", null);
            }

            if (!_cfg.Exists) return;
            CheckMiscNo("ShippingMiscChargeNo", _shipMiscNo);
            if (_feeMiscNo.HasValue && _wooFees.Count > 0) CheckMiscNo("FeeMiscChargeNo", _feeMiscNo.Value);
            // One charge carrying shipping and fees would mix taxed and untaxed amounts in one taxable base (TXBL_MISC_CHG_AMT_n).
            if (_feeMiscNo.HasValue && _feeMiscNo.Value == _shipMiscNo && _wooFees.Count > 0 && (_wooShipping.Count > 0 || _shipping != 0m))
            {
                Problem(PlanCodes.MiscCharge, "store FeeMiscChargeNo and ShippingMiscChargeNo are both misc charge " + _shipMiscNo.ToString(CultureInfo.InvariantCulture) +
                    " and the order has shipping and fees; one charge cannot carry both (their taxes differ): choose another misc charge for fees, then requeue.", null);
            }
            for (int n = 1; n <= 5; n++)
            {
                string nn = n.ToString(CultureInfo.InvariantCulture);
                if (_cfg.Str("USE_MISC_" + nn) != "Y") continue;
                var m = new MiscPlan { No = n, Typ = Flag(_cfg.Str("DFLT_ORD_MISC_" + nn + "_TYP"), "A", "PS_STR_CFG_PS.DFLT_ORD_MISC_" + nn + "_TYP") };
                if (n == _shipMiscNo)
                {
                    m.Amount += _shipping;
                    m.TaxAlloc += _shippingTax;
                    for (int i = 0; i < _wooShipping.Count; i++) m.Taxes.AddRange(ReadTaxes("shipping_lines", i));
                }
                if (_feeMiscNo.HasValue && n == _feeMiscNo.Value)
                {
                    m.Amount += _fees;
                    m.TaxAlloc += _feeTax;
                    for (int i = 0; i < _wooFees.Count; i++) m.Taxes.AddRange(ReadTaxes("fee_lines", i));
                }
                _miscs.Add(m);
            }
        }

        private void CheckMiscNo(string what, int n)
        {
            if (n < 1 || n > 5)
            {
                Problem(PlanCodes.MiscCharge, "store " + what + " is " + n.ToString(CultureInfo.InvariantCulture) + "; Counterpoint has misc charges 1-5.", null);
                return;
            }
            if (_cfg.Str("USE_MISC_" + n.ToString(CultureInfo.InvariantCulture)) != "Y")
            {
                Problem(PlanCodes.MiscCharge, "store " + what + " is misc charge " + n.ToString(CultureInfo.InvariantCulture) + ", which is not enabled for Counterpoint store " +
                    (_store.Str("CpStrId") ?? "?") + " (PS_STR_CFG_PS.USE_MISC_" + n.ToString(CultureInfo.InvariantCulture) + " is not 'Y'); enable it in Counterpoint or choose another.", null);
            }
        }

        // ------------------------------------------------------------------ taxes

        private void PlanTaxes()
        {
            string strategy = _store.Str("TaxStrategy");
            var map = new Dictionary<long, TaxMapEntry>();
            foreach (PlanInputRow r in _store.Array("taxMap"))
            {
                long? id = r.Long("WooRateId");
                if (!id.HasValue || map.ContainsKey(id.Value)) continue;
                map.Add(id.Value, new TaxMapEntry { RateId = id.Value, AuthCod = r.Str("AuthCod"), RulCod = r.Str("RulCod"), RatePercent = r.Dec("RatePercent") });
            }
            decimal totalTax = _hdr.TotalTax ?? 0m;
            decimal taxLinesSum = 0m;
            var rateToAuth = new Dictionary<long, AuthPlan>();
            var orderRates = new Dictionary<long, bool>();
            foreach (WooTaxLine t in _wooTaxLines)
            {
                if (t.RateId.HasValue && !orderRates.ContainsKey(t.RateId.Value)) orderRates.Add(t.RateId.Value, true);
                decimal amount = (t.TaxTotal ?? 0m) + (t.ShippingTaxTotal ?? 0m);
                taxLinesSum += amount;
                TaxMapEntry e;
                if (!t.RateId.HasValue || !map.TryGetValue(t.RateId.Value, out e) || e.AuthCod == null || e.RulCod == null)
                {
                    Problem(PlanCodes.TaxUnmapped, "WooCommerce tax rate " + Show(t.RateId) + " ('" + (t.RateCode ?? "") + "', " + Show(amount) + ") has no row in woo.StoreTaxMap; map it to a Counterpoint tax authority and rule, then requeue.", null);
                    continue;
                }
                string key = e.AuthCod + "\u0001" + e.RulCod;
                AuthPlan a;
                if (!_authByKey.TryGetValue(key, out a))
                {
                    a = new AuthPlan { AuthCod = e.AuthCod, RulCod = e.RulCod, RatePercent = e.RatePercent };
                    _authByKey.Add(key, a);
                    int at = 0;
                    while (at < _auths.Count && string.CompareOrdinal(_auths[at].AuthCod + "\u0001" + _auths[at].RulCod, key) < 0) at++;
                    _auths.Insert(at, a);
                }
                if (!rateToAuth.ContainsKey(t.RateId.Value)) rateToAuth.Add(t.RateId.Value, a);
                if (strategy == WebAsCharged) a.TaxAmt += amount;
                if (strategy == CounterpointRates && !e.RatePercent.HasValue)
                {
                    Problem(PlanCodes.TaxRate, "tax authority " + e.AuthCod + "/" + e.RulCod + " (WooCommerce rate " + Show(t.RateId) + ") has no RatePercent in woo.StoreTaxMap; the COUNTERPOINT_RATES strategy computes tax from it.", null);
                }
            }
            // Which lines and misc charges each authority taxes: those the shop taxed with one of its rates.
            foreach (LinePlan l in _lines)
            {
                foreach (RateAmount ra in l.Taxes)
                {
                    // Taxed before coupons counts too: a 100 % coupon leaves a taxable line at 0 tax (IS_TXBL stays 'Y').
                    if (ra.Total == 0m && ra.Subtotal == 0m) continue;
                    AuthPlan a;
                    if (!rateToAuth.TryGetValue(ra.RateId, out a))
                    {
                        if (orderRates.ContainsKey(ra.RateId)) continue;   // the tax line's own CPO-TAX-UNMAPPED says it
                        LineProblem(l, PlanCodes.TaxUnmapped, "the line is taxed by WooCommerce rate " + ra.RateId.ToString(CultureInfo.InvariantCulture) + ", which is not among the order's mapped tax lines.");
                        continue;
                    }
                    l.Taxable = true;
                    if (!a.Lines.Contains(l)) a.Lines.Add(l);
                }
                if ((l.Woo.TotalTax ?? 0m) != 0m || (l.Woo.SubtotalTax ?? 0m) != 0m) l.Taxable = true;
            }
            foreach (MiscPlan m in _miscs)
            {
                foreach (RateAmount ra in m.Taxes)
                {
                    if (ra.Total == 0m) continue;
                    AuthPlan a;
                    if (!rateToAuth.TryGetValue(ra.RateId, out a))
                    {
                        if (orderRates.ContainsKey(ra.RateId)) continue;
                        Problem(PlanCodes.TaxUnmapped, "misc charge " + m.No.ToString(CultureInfo.InvariantCulture) + " is taxed by WooCommerce rate " + ra.RateId.ToString(CultureInfo.InvariantCulture) + ", which is not among the order's mapped tax lines.", null);
                        continue;
                    }
                    if (!a.Miscs.Contains(m)) a.Miscs.Add(m);
                }
            }
            if (taxLinesSum != totalTax)
            {
                Problem(PlanCodes.TaxMismatch, "the order's tax lines add up to " + Show(taxLinesSum) + " but total_tax is " + Show(totalTax) + ".", null);
                return;
            }
            if (_problems.Count > 0 || (strategy != WebAsCharged && strategy != CounterpointRates)) return;
            if (strategy == WebAsCharged)
            {
                decimal pieces = _shippingTax + _feeTax;
                foreach (LinePlan l in _lines)
                {
                    l.TaxAlloc = l.Woo.TotalTax ?? 0m;
                    pieces += l.TaxAlloc;
                }
                if (pieces != totalTax)
                {
                    // "Round tax at subtotal": the shop rounds each line's total_tax from an unrounded amount, so the lines can
                    // be a cent each off total_tax while tax_lines agree with it. Up to 0.01 per taxed piece is that rounding:
                    // it goes to the rounding home (the taxable line with the largest net amount, lowest LIN_SEQ_NO on a tie).
                    decimal webDiff = totalTax - pieces;
                    int taxedPieces = _wooShipping.Count + _wooFees.Count;
                    LinePlan homeLine = null;
                    foreach (LinePlan l in _lines)
                    {
                        if (!l.Taxable) continue;
                        taxedPieces++;
                        if (homeLine == null || l.Net > homeLine.Net) homeLine = l;
                    }
                    decimal webAllowance = 0.01m * taxedPieces;
                    if (homeLine == null || Math.Abs(webDiff) > webAllowance)
                    {
                        Problem(PlanCodes.TaxMismatch, "the line, shipping and fee taxes add up to " + Show(pieces) + " but total_tax is " + Show(totalTax) + "; the difference " + Show(webDiff) +
                            " is more than rounding (" + Show(webAllowance) + ", 0.01 per taxed line, shipping line and fee).", null);
                        return;
                    }
                    homeLine.TaxAlloc += webDiff;
                    _notes.Add("Tax rounding: the shop's line taxes add up to " + Show(pieces) + " and its total_tax is " + Show(totalTax) + "; " + Show(webDiff) +
                        " put on line " + homeLine.Seq.ToString(CultureInfo.InvariantCulture) + " (the largest taxable line) so the allocations equal the document's tax.");
                }
                foreach (AuthPlan a in _auths) a.TaxExact = a.TaxAmt;
                _taxPlanned = true;
                // Misc charges not enabled but carrying tax are caught by CPO-MISC-CHARGE; a misc TaxAlloc is already the shop's.
                decimal miscTax = 0m;
                foreach (MiscPlan m in _miscs) miscTax += m.TaxAlloc;
                if (miscTax != _shippingTax + _feeTax && _problems.Count == 0)
                {
                    Problem(PlanCodes.MiscCharge, "shipping/fee tax " + Show(_shippingTax + _feeTax) + " has no enabled misc charge to carry it.", null);
                }
                return;
            }

            // COUNTERPOINT_RATES: each authority's tax on the document's taxable base, rounded per authority.
            decimal sum = 0m;
            AuthPlan home = null;
            foreach (AuthPlan a in _auths)
            {
                decimal taxBase = 0m;
                foreach (LinePlan l in a.Lines) taxBase += l.Net;
                foreach (MiscPlan m in a.Miscs) taxBase += m.Amount;
                decimal exact = taxBase * (a.RatePercent ?? 0m) / 100m;
                a.TaxExact = Round(exact, 4);
                a.TaxAmt = Round(exact, 2);
                sum += a.TaxAmt;
                if (home == null || a.TaxAmt > home.TaxAmt) home = a;
            }
            decimal diff = totalTax - sum;
            decimal allowance = 0.01m * _auths.Count;
            if (diff != 0m)
            {
                if (home == null || Math.Abs(diff) > allowance)
                {
                    Problem(PlanCodes.TaxMismatch, "Counterpoint's rates give tax " + Show(sum) + " but the shop charged " + Show(totalTax) + "; the difference " + Show(diff) +
                        " is more than rounding (" + Show(allowance) + "): check woo.StoreTaxMap.RatePercent against the shop's tax settings.", null);
                    return;
                }
                home.TaxAmt += diff;
                _notes.Add("Tax rounding: " + Show(diff) + " put on authority " + home.AuthCod + "/" + home.RulCod + " (the largest) so the document's tax equals the shop's " + Show(totalTax) + ".");
            }
            // Allocate each authority's amount over its taxable lines and misc charges (Σ allocations = document tax).
            foreach (MiscPlan m in _miscs) m.TaxAlloc = 0m;
            foreach (AuthPlan a in _auths)
            {
                var weights = new List<decimal>();
                foreach (LinePlan l in a.Lines) weights.Add(l.Net);
                foreach (MiscPlan m in a.Miscs) weights.Add(m.Amount);
                decimal[] shares = Allocate(a.TaxAmt, weights);
                int k = 0;
                foreach (LinePlan l in a.Lines) l.TaxAlloc += shares[k++];
                foreach (MiscPlan m in a.Miscs) m.TaxAlloc += shares[k++];
            }
            _taxPlanned = true;
        }

        /// <summary>
        /// Splits amount (2 dp) in proportion to weights; the cents left by rounding go to the largest weight (the first of
        /// equal ones) - the stated rounding home. Zero total weight: everything on the first.
        /// </summary>
        internal static decimal[] Allocate(decimal amount, List<decimal> weights)
        {
            var shares = new decimal[weights.Count];
            if (weights.Count == 0) return shares;
            decimal total = 0m;
            int largest = 0;
            for (int i = 0; i < weights.Count; i++)
            {
                total += weights[i];
                if (weights[i] > weights[largest]) largest = i;
            }
            decimal given = 0m;
            if (total != 0m)
            {
                for (int i = 0; i < weights.Count; i++)
                {
                    shares[i] = Round(amount * weights[i] / total, 2);
                    given += shares[i];
                }
            }
            shares[largest] += amount - given;
            return shares;
        }

        // ------------------------------------------------------------------ totals

        private bool _taxPlanned;
        private decimal _subTot;
        private decimal _linDisc;
        private decimal _misc;
        private decimal _tax;
        private decimal _tot;
        private decimal _extCost;
        private decimal _weight;
        private decimal _cube;

        private void CheckTotals()
        {
            // Needs every line's amounts; runs even when other problems exist (every problem at once).
            foreach (LinePlan l in _lines)
            {
                if (!l.AmountOk) return;
                _subTot += l.Ext;
                _linDisc += l.Disc + l.RoundDisc;
            }
            if (_lines.Count == 0) return;
            decimal tax = _hdr.TotalTax ?? 0m;
            if (_taxPlanned)
            {
                tax = 0m;
                foreach (AuthPlan a in _auths) tax += a.TaxAmt;
            }
            decimal planned = _subTot - _linDisc + _shipping + _fees + tax;
            decimal shop = _hdr.Total ?? 0m;
            if (planned != shop)
            {
                Problem(PlanCodes.TotalMismatch, "the planned document totals " + Show(planned) + " (SUB_TOT " + Show(_subTot) + " - line discounts " + Show(_linDisc) + " + misc " + Show(_shipping + _fees) +
                    " + tax " + Show(tax) + ") but the shop's order total is " + Show(shop) + "; the order is not written.", null);
            }
        }

        // ------------------------------------------------------------------ rows

        private void BuildRows()
        {
            string strId = _store.Str("CpStrId");
            string staId = _store.Str("CpStaId");
            string drwId = _store.Str("CpDrwId");
            string usrId = _store.Str("CpUsrId");
            string stkLoc = _store.Str("StkLocId");
            string prcLoc = _store.Str("PrcLocId");
            object docId = _docId.HasValue ? (object)_docId.Value : null;
            object tktDt = _tktDt.HasValue ? (object)_tktDt.Value : null;
            string custNo = _mode == "CREATE" ? _newCustNo : _cust.Str("CUST_NO");
            string taxCod = _store.Str("TaxCod") ?? _cust.Str("TAX_COD") ?? _cfg.Str("AR_TAX_COD");
            string number = OrderNumber();
            string reference = _reference;
            string shipVia = _shipVia;
            int ordLins = _lines.Count;
            foreach (MiscPlan m in _miscs) _misc += m.Amount;
            foreach (AuthPlan a in _auths) _tax += a.TaxAmt;
            _tot = _subTot - _linDisc + _misc + _tax;

            // Lines first (totals need costs). TOT_HDR_DISCNTBL_AMT: EXT_PRC of the discountable lines (IS_DISCNTBL not 'N').
            decimal discntbl = 0m;
            foreach (LinePlan l in _lines)
            {
                bool discountable = l.Item.Str("IS_DISCNTBL") != "N";
                if (discountable) discntbl += l.Ext;
                else if (l.Disc != 0m)
                {
                    _notes.Add("Line " + l.Seq.ToString(CultureInfo.InvariantCulture) + ": item " + l.ItemNo + " is not discountable in Counterpoint (IS_DISCNTBL 'N') but the shop's coupon took " +
                        Show(l.Disc) + " off it; the discount is written as the shop charged it.");
                }
                PlanRow r = New("PS_DOC_LIN");
                decimal prc = l.UnitPrc;
                decimal unitCost = UnitCost(l);
                decimal extCost = Round(l.Qty * unitCost, 2);
                _extCost += extCost;
                decimal? unitWeight = UnitMeasure(l, "WEIGHT");
                decimal? unitCube = UnitMeasure(l, "CUBE");
                _weight += Round(l.Qty * (unitWeight ?? 0m), 4);
                _cube += Round(l.Qty * (unitCube ?? 0m), 4);
                string descr = _text.Fit(l.Item.Str("DESCR") ?? l.Woo.Name, 50, false, "line " + l.Seq.ToString(CultureInfo.InvariantCulture) + " DESCR", l.Seq);
                r.Set("DOC_ID", docId).Set("LIN_SEQ_NO", l.Seq).Set("STR_ID", strId).Set("STA_ID", staId).Set("TKT_NO", _tktNo)
                 .Set("LIN_TYP", "O").Set("PRC", prc).Set("ITEM_NO", l.ItemNo).Set("UNIT_RETL_VAL", Price1(l)).Set("CALC_PRC", prc)
                 .Set("EXT_COST", extCost).Set("STK_LOC_ID", stkLoc).Set("REG_PRC", RegPrice(l)).Set("PRC_LOC_ID", prcLoc).Set("DESCR", descr)
                 .Set("CATEG_COD", Code(l.Item.Str("CATEG_COD"), 10)).Set("SUBCAT_COD", Code(l.Item.Str("SUBCAT_COD"), 10))
                 .Set("ITEM_VEND_NO", Code(l.Item.Str("ITEM_VEND_NO"), 15)).Set("QTY_SOLD", l.Qty).Set("QTY_NUMER", l.Numer).Set("QTY_DENOM", l.Denom)
                 .Set("QTY_UNIT", l.QtyUnit).Set("SELL_UNIT", l.SellUnit.ToString()).Set("EXT_PRC", l.Ext).Set("IS_TXBL", l.Taxable ? "Y" : "N")
                 .Set("SLS_REP", usrId).Set("ITEM_TYP", l.ItemTyp).Set("PRC_1", Price1(l)).Set("QTY_DECS", 0).Set("PRC_DECS", 2)
                 .Set("BARCOD", Code(l.Item.Str("BARCOD"), 20)).Set("IS_SINGLE_CELL", "N").Set("NORM_IS_TXBL", l.Taxable ? "Y" : "N")
                 .Set("TRK_METH", l.Item.Str("TRK_METH") ?? "N").Set("ORIG_QTY", l.Qty).Set("QTY_SHIPPED", 0m).Set("IS_FOOD_STMP_ELIG", "N")
                 .Set("UNIT_WEIGHT", unitWeight.HasValue ? (object)Round(unitWeight.Value, 4) : null)
                 .Set("UNIT_CUBE", unitCube.HasValue ? (object)Round(unitCube.Value, 4) : null)
                 .Set("DIM_1_UPR", "*").Set("UNIT_COST", unitCost).Set("QTY_RET", 0m).Set("IS_VAL_RET", "N").Set("GROSS_EXT_PRC", l.Ext)
                 .Set("DISP_EXT_PRC", l.Ext).Set("IS_KIT_PAR", "N").Set("HAS_PRC_OVRD", "N").Set("MIX_MATCH_COD", Code(l.Item.Str("MIX_MATCH_COD"), 10))
                 .Set("MIX_MATCH_PRC_BASED_ON", "!").Set("USR_ENTD_PRC", "N").Set("GROSS_DISP_EXT_PRC", l.Ext)
                 .Set("IS_DISCNTBL", Flag(l.Item.Str("IS_DISCNTBL"), "Y", "IM_ITEM.IS_DISCNTBL of " + l.ItemNo)).Set("CALC_EXT_PRC", l.Ext).Set("QTY_ENTD", l.Qty).Set("QTY_PCKD", 0m)
                 .Set("QTY_PCKVRFD", 0m).Set("QTY_INVCD", 0m).Set("QTY_TO_FILL", 0m).Set("QTY_TO_REL", l.Qty).Set("QTY_TO_LEAVE", 0m)
                 .Set("IS_MAN_ENTD_WGHT", "N").Set("IS_WEIGHED", "N").Set("TAX_AMT_ALLOC", l.TaxAlloc).Set("NORM_TAX_AMT_ALLOC", l.TaxAlloc);

                PlanRow p = New("PS_DOC_LIN_PRICE");
                p.Set("DOC_ID", docId).Set("LIN_SEQ_NO", l.Seq).Set("PRC_JUST_STR", "Web price").Set("PRC_GRP_TYP", "!").Set("PRC_RUL_SEQ_NO", -1)
                 .Set("PRC_SEQ_NO", 1).Set("QTY_PRCD", l.Qty).Set("UNIT_PRC", prc).Set("DIM_1_UPR", "*");

                if (l.Disc + l.RoundDisc != 0m)
                {
                    int seq = _rows["PS_DOC_DISC"].Count + 1;
                    New("PS_DOC_DISC").Set("DOC_ID", docId).Set("DISC_SEQ_NO", seq).Set("LIN_SEQ_NO", l.Seq).Set("DISC_ID", _lineDiscId)
                        .Set("APPLY_TO", "L").Set("DISC_TYP", "A").Set("DISC_AMT", l.Disc + l.RoundDisc).Set("DISC_PCT", 0m).Set("DISC_AMT_SHIPPED", 0m);
                }
            }

            // Header.
            PlanRow h = New("PS_DOC_HDR");
            h.Set("DOC_ID", docId).Set("STR_ID", strId).Set("STA_ID", staId).Set("TKT_NO", _tktNo).Set("DOC_TYP", "O").Set("SAL_LINS", 0)
             .Set("ORD_LINS", ordLins).Set("SAL_LIN_TOT", 0m).Set("GFC_LINS", 0).Set("BO_LINS", 0).Set("SO_LINS", 0).Set("DRW_ID", drwId)
             .Set("CUST_NO", custNo).Set("RET_LINS", 0).Set("SHIP_VIA_COD", shipVia).Set("RET_LIN_TOT", 0m)
             .Set("SHIP_ZONE_COD", Code(_cust.Str("SHIP_ZONE_COD"), 10)).Set("TAX_COD", Code(taxCod, 10)).Set("TERMS_COD", Code(_cust.Str("TERMS_COD"), 10))
             .Set("TKT_TYP", "T").Set("USR_ID", usrId).Set("SLS_REP", usrId).Set("STK_LOC_ID", stkLoc).Set("PRC_LOC_ID", prcLoc).Set("SVC_LINS", 0)
             .Set("DOC_GUID", _docGuid).Set("BILL_TO_CONTACT_ID", 1).Set("SHIP_TO_CONTACT_ID", 2).Set("REQ_REPRICE", "N")
             .Set("RS_UTC_DT", _nowUtc.HasValue ? (object)_nowUtc.Value : null).Set("IS_DOC_COMMITTED", "N").Set("FOOD_STMP_AMT", 0m)
             .Set("FOOD_STMP_LINS", 0).Set("FOOD_STMP_TAX_AMT", 0m).Set("TIMES_PRTD", 0).Set("TKT_DT", tktDt).Set("IS_REL_TKT", "N")
             .Set("FOOD_STMP_NORM_TAX_AMT", 0m).Set("NORM_TAX_COD", Code(taxCod, 10)).Set("REF", reference).Set("HAS_ENTD_LINS", "Y")
             .Set("HAS_PCKD_LINS", "N").Set("HAS_PCKVRFD_LINS", "N").Set("HAS_INVCD_LINS", "N").Set("HAS_RLSD_LINS", "N")
             .Set("TO_REL_LINS", ordLins).Set("TO_LEAVE_LINS", 0).Set("LST_MAINT_DT", tktDt).Set("LST_MAINT_USR_ID", usrId)
             .Set("IS_OFFLINE", false).Set("RS_STAT", 1).Set("DS_LINS", 0);

            // Totals O, R, V and their audit snapshots.
            // A deposit (payments, issue 15) is tendered on the order's 'O' row and relieves the amount due of the lines to
            // release ('R' holds every line of a new web order; CDM 5: order 70039 R AMT_DUE = R TOT - deposit).
            Totals(docId, "O", ordLins, _subTot, discntbl, _linDisc, _misc, _tax, _extCost, _weight, _cube, _deposit, _deposit, _deposit);
            Totals(docId, "R", ordLins, _subTot, discntbl, _linDisc, 0m, 0m, _extCost, _weight, _cube, 0m, _deposit, 0m);
            Totals(docId, "V", 0, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m);

            // A charge that carries an amount is an amount ('A'): a percent type ('P') with MISC_PCT 0 would be recomputed to 0.
            foreach (MiscPlan m in _miscs)
            {
                New("PS_DOC_HDR_MISC_CHRG").Set("DOC_ID", docId).Set("TOT_TYP", "O").Set("MISC_CHRG_NO", m.No).Set("MISC_TYP", m.Amount != 0m ? "A" : m.Typ)
                    .Set("MISC_AMT", m.Amount).Set("MISC_PCT", 0m).Set("MISC_AMT_SHIPPED", 0m).Set("MISC_TAX_AMT_ALLOC", m.TaxAlloc).Set("MISC_NORM_TAX_AMT_ALLOC", m.TaxAlloc);
            }

            decimal linAmt = 0m;
            foreach (LinePlan l in _lines) linAmt += l.Net;
            foreach (AuthPlan a in _auths)
            {
                decimal txblLin = 0m;
                decimal txblQty = 0m;
                foreach (LinePlan l in a.Lines) { txblLin += l.Net; txblQty += l.Qty; }
                PlanRow t = New("PS_DOC_TAX");
                decimal txblMisc = 0m;
                for (int n = 1; n <= 5; n++)
                {
                    decimal v = 0m;
                    foreach (MiscPlan m in a.Miscs) if (m.No == n) v += m.Amount;
                    t.Set("TXBL_MISC_CHG_AMT_" + n.ToString(CultureInfo.InvariantCulture), v);
                    txblMisc += v;
                }
                t.Set("DOC_ID", docId).Set("AUTH_COD", Code(a.AuthCod, 10)).Set("RUL_COD", Code(a.RulCod, 10)).Set("TAX_DOC_PART", "O").Set("LIN_AMT", linAmt)
                 .Set("TXBL_LIN_AMT", txblLin).Set("TXBL_GFC_AMT", 0m).Set("TXBL_SVC_AMT", 0m).Set("TXBL_TAX_AMT", 0m).Set("TXBL_QTY", txblQty)
                 .Set("TAX_AMT", a.TaxAmt).Set("NORM_TAX_AMT", a.TaxAmt).Set("TAX_AMT_EXACT", a.TaxExact).Set("NORM_TAX_AMT_EXACT", a.TaxExact)
                 .Set("TOT_TXBL_AMT", txblLin + txblMisc);
            }

            // The customer's order counters.
            New("AR_CUST_ORD").Set("CUST_NO", custNo).Set("NO_OF_ORDS", 1).Set("ORD_BAL", _tot - _deposit);

            // Notes (after every Fit, so truncations are known).
            var noteTexts = new List<KeyValuePair<string, string>>();
            noteTexts.Add(new KeyValuePair<string, string>("WEB ORDER", WebOrderNote(number)));
            if (_treatment != PaymentOff) noteTexts.Add(new KeyValuePair<string, string>("PAYMENT", PaymentNoteText()));
            string customerNote = TextPolicy.Clean(_hdr.CustomerNote) == null ? null : TextPolicy.NoteText(_hdr.CustomerNote.Trim());
            if (customerNote != null) noteTexts.Add(new KeyValuePair<string, string>("CUSTOMER NOTE", customerNote));
            if (_truncations.Count > 0) noteTexts.Add(new KeyValuePair<string, string>("TEXT TRUNCATED", TextPolicy.NoteText(string.Join("\n", _truncations.ToArray()))));
            int noteSeq = 0;
            foreach (KeyValuePair<string, string> n in noteTexts)
            {
                noteSeq++;
                New("PS_DOC_NOTE").Set("DOC_ID", docId).Set("NOTE_SEQ_NO", noteSeq).Set("NOTE_ID", n.Key).Set("NOTE_DAT", tktDt).Set("USR_ID", usrId)
                    .Set("NOTE", TextPolicy.Rtf(n.Value)).Set("NOTE_TXT", n.Value).Set("LIN_GUID", null);
            }
            foreach (string t in _truncations) _notes.Add(t);

            New("PS_DOC_AUDIT_LOG").Set("DOC_ID", docId).Set("LOG_SEQ_NO", 1).Set("DOC_TYP", "O").Set("DOC_GUID", _docGuid).Set("CURR_DT", tktDt)
                .Set("CURR_STR_ID", strId).Set("CURR_STA_ID", staId).Set("CURR_DRW_ID", drwId).Set("CURR_USR_ID", usrId)
                .Set("CURR_WKSTN_NAM", _workstation).Set("CURR_SERV_NAM", _server).Set("CURR_DB_NAM", _database).Set("ACTIV", "N")
                .Set("LOG_ENTRY", "Entered a new order");

            New("PS_DOC_HDR_DOC_STAT").Set("DOC_ID", docId).Set("LST_DOC_ACTIV", "N").Set("DOC_AS_TKT_SEQ_NO", 0).Set("DOC_STAT", "O")
                .Set("LST_CANCEL_DEP_REFUNDED", 0m).Set("LST_CANCEL_DEP_FORFEIT", 0m).Set("TOT_DEP_RECEIVED", _deposit).Set("TOT_DEP_APPLIED", 0m)
                .Set("TOT_DEP_REFUNDED", 0m).Set("TOT_DEP_FORFEIT", 0m).Set("IS_SUSPENDED", "N");

            // IM_INV: inventory items, per item, sorted OrdinalIgnoreCase (stable; not the collation's order: the writer locks in key order).
            var invFirst = new Dictionary<string, LinePlan>(StringComparer.OrdinalIgnoreCase);
            var qty = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            foreach (LinePlan l in _lines)
            {
                if (l.ItemTyp != "I") continue;
                if (!invFirst.ContainsKey(l.ItemNo))
                {
                    invFirst.Add(l.ItemNo, l);
                    qty.Add(l.ItemNo, 0m);
                    int at = 0;
                    while (at < order.Count && StringComparer.OrdinalIgnoreCase.Compare(order[at], l.ItemNo) < 0) at++;
                    order.Insert(at, l.ItemNo);
                }
                qty[l.ItemNo] += l.StockQty;
            }
            foreach (string itemNo in order)
            {
                LinePlan l = invFirst[itemNo];
                New("IM_INV").Set("ITEM_NO", l.ItemNo).Set("LOC_ID", stkLoc).Set("QTY_COMMIT", qty[itemNo]).Set("QTY_ON_ORD", qty[itemNo]);
                _newInvRows.Add(l.Inv == null);
            }

            // Payment rows (issue 15): the order's payment record, and for a deposit the deposit ticket (after the order's
            // rows, so every array holds the order's rows first).
            BuildPaymentRows(docId, tktDt, strId, staId, drwId, usrId);
        }

        private readonly List<bool> _newInvRows = new List<bool>();
        private string _reference;
        private string _shipVia;

        private string OrderNumber()
        {
            return _hdr.Number ?? (_hdr.Id.HasValue ? _hdr.Id.Value.ToString(CultureInfo.InvariantCulture) : null);
        }

        /// <summary>The rows and values that come from names and addresses: contacts, the new customer, REF, SHIP_VIA_COD.</summary>
        private void BuildPartyRows()
        {
            object docId = _docId.HasValue ? (object)_docId.Value : null;
            object tktDt = _tktDt.HasValue ? (object)_tktDt.Value : null;
            _reference = _text.Fit(OrderNumber(), 50, true, "WooCommerce order number", null);
            _shipVia = _text.Fit(_shipViaCod, 10, true, "ship-via code", null);
            // Contacts: 1 billing, 2 shipping (billing when the order has no shipping address).
            WooAddress bill = _hdr.Billing;
            WooAddress ship = _hdr.Shipping;
            bool shipEmpty = NoAddress(ship);
            if (NoAddress(bill) && shipEmpty)
            {
                Problem(PlanCodes.Customer, "the order has neither a billing nor a shipping name or address; the document's contacts would be empty: enter the order by hand.", null);
                return;
            }
            if (NoAddress(bill)) Contact(docId, 1, ship, bill.Email, "billing (shipping copied)");
            else Contact(docId, 1, bill, bill.Email, "billing");
            Contact(docId, 2, shipEmpty ? bill : ship, null, shipEmpty ? "shipping (billing copied)" : "shipping");
            if (_mode == "CREATE" && _cust.Exists) Customer(_newCustNo, tktDt, _store.Str("CpUsrId"), _store.Str("CpStrId"));
        }

        private static bool NoAddress(WooAddress a)
        {
            return TextPolicy.Clean(a.Address1) == null && TextPolicy.Clean(a.FirstName) == null && TextPolicy.Clean(a.LastName) == null && TextPolicy.Clean(a.Company) == null;
        }

        /// <summary>IS_NEW_ROW of each IM_INV row, in row order.</summary>
        public List<bool> NewInventoryRows
        {
            get { return _newInvRows; }
        }

        private string WebOrderNote(string number)
        {
            var sb = new System.Text.StringBuilder();
            sb.Append("WooCommerce order ").Append(number ?? "?");
            if (_hdr.Id.HasValue) sb.Append(" (id ").Append(_hdr.Id.Value.ToString(CultureInfo.InvariantCulture)).Append(')');
            if (_store.Str("StoreId") != null) sb.Append(", store ").Append(_store.Str("StoreId"));
            if (_hdr.DateCreatedGmt.HasValue) sb.Append("\nCreated ").Append(_hdr.DateCreatedGmt.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC");
            if (TextPolicy.Clean(_hdr.PaymentMethodTitle) != null || TextPolicy.Clean(_hdr.PaymentMethod) != null) sb.Append("\nPayment: ").Append(TextPolicy.Clean(_hdr.PaymentMethodTitle) ?? _hdr.PaymentMethod);
            if (TextPolicy.Clean(_hdr.TransactionId) != null) sb.Append(", transaction ").Append(_hdr.TransactionId);
            sb.Append("\nShop total ").Append(Show(_hdr.Total)).Append(' ').Append(_hdr.Currency ?? "");
            decimal couponDisc = 0m;
            foreach (LinePlan l in _lines) couponDisc += l.Disc;
            if (couponDisc != 0m)
            {
                sb.Append("\nCoupons: ");
                JsonElement coupons = _orderJson.Property("coupon_lines");
                bool first = true;
                if (coupons.Kind == JsonValueKind.Array)
                {
                    foreach (JsonElement c in coupons.EnumerateArray())
                    {
                        JsonElement code = c.Kind == JsonValueKind.Object ? c.Property("code") : default(JsonElement);
                        if (code.Kind != JsonValueKind.String) continue;
                        if (!first) sb.Append(", ");
                        sb.Append(code.GetString());
                        first = false;
                    }
                }
                sb.Append(" (").Append(Show(couponDisc)).Append(" as line discounts)");
            }
            return TextPolicy.NoteText(sb.ToString());
        }

        private void Contact(object docId, int id, WooAddress a, string email, string what)
        {
            string company = _text.Fit(a.Company, 40, false, what + " company", null);
            string first = TextPolicy.Clean(a.FirstName);
            string last = TextPolicy.Clean(a.LastName);
            string person = first == null ? last : (last == null ? first : first + " " + last);
            string nam = company ?? _text.Fit(person, 40, false, what + " name", null);
            PlanRow r = New("PS_DOC_CONTACT");
            r.Set("DOC_ID", docId).Set("CONTACT_ID", id).Set("NAM", nam).Set("FST_NAM", _text.Fit(first, 15, false, what + " first name", null))
             .Set("LST_NAM", _text.Fit(last, 25, false, what + " last name", null)).Set("ADRS_1", _text.Fit(a.Address1, 40, false, what + " address 1", null))
             .Set("ADRS_2", _text.Fit(a.Address2, 40, false, what + " address 2", null)).Set("CITY", _text.Fit(a.City, 20, false, what + " city", null))
             .Set("STATE", _text.Fit(a.State, 10, true, what + " state", null)).Set("ZIP_COD", _text.Fit(a.Postcode, 15, true, what + " postcode", null))
             .Set("CNTRY", _text.Fit(a.Country, 20, true, what + " country", null)).Set("PHONE_1", _text.Fit(a.Phone, 25, false, what + " phone", null))
             .Set("NAM_TYP", company != null ? "B" : "P").Set("EMAIL_ADRS_1", _text.Fit(email, 50, true, what + " e-mail", null));
        }

        /// <summary>
        /// A new shopper's AR_CUST row. IS_ECOMM_CUST 'N': Counterpoint will not merge an e-commerce-flagged customer with a
        /// non-e-commerce one (Rapid's BigCommerce integration notes, Nov 2025, moved to 'N' for that reason), and staff
        /// merge web shoppers with store customers.
        /// </summary>
        private void Customer(string custNo, object tktDt, string usrId, string strId)
        {
            WooAddress b = _hdr.Billing;
            string company = _text.Fit(b.Company, 40, false, "new customer company", null);
            string first = _text.Fit(b.FirstName, 15, false, "new customer first name", null);
            string last = _text.Fit(b.LastName, 25, false, "new customer last name", null);
            string fullFirst = TextPolicy.Clean(b.FirstName);
            string fullLast = TextPolicy.Clean(b.LastName);
            string person = fullFirst == null ? fullLast : (fullLast == null ? fullFirst : fullFirst + " " + fullLast);
            string nam = company ?? _text.Fit(person, 40, false, "new customer name", null);
            if (nam == null)
            {
                Problem(PlanCodes.Customer, "a new customer must be created but the order's billing address has no name or company.", null);
                return;
            }
            PlanRow r = New("AR_CUST");
            r.Set("CUST_NO", custNo).Set("NAM", nam).Set("NAM_UPR", Upper(nam)).Set("FST_NAM", first).Set("FST_NAM_UPR", Upper(first))
             .Set("LST_NAM", last).Set("LST_NAM_UPR", Upper(last))
             .Set("CUST_TYP", Flag(_cust.Str("CUST_TYP"), "C", "template CUST_TYP"))
             .Set("ADRS_1", _text.Fit(b.Address1, 40, false, "new customer address 1", null)).Set("ADRS_2", _text.Fit(b.Address2, 40, false, "new customer address 2", null))
             .Set("CITY", _text.Fit(b.City, 20, false, "new customer city", null)).Set("STATE", _text.Fit(b.State, 10, true, "new customer state", null))
             .Set("ZIP_COD", _text.Fit(b.Postcode, 15, true, "new customer postcode", null)).Set("CNTRY", _text.Fit(b.Country, 20, true, "new customer country", null))
             .Set("PHONE_1", _text.Fit(b.Phone, 25, false, "new customer phone", null)).Set("EMAIL_ADRS_1", _text.Fit(b.Email, 50, true, "new customer e-mail", null))
             .Set("PROMPT_NAM_ADRS", Flag(_cust.Str("PROMPT_NAM_ADRS"), "S", "template PROMPT_NAM_ADRS")).Set("SLS_REP", Code(_cust.Str("SLS_REP"), 10) ?? usrId)
             .Set("CATEG_COD", Code(_cust.Str("CATEG_COD"), 10)).Set("SHIP_VIA_COD", Code(_cust.Str("SHIP_VIA_COD"), 10))
             .Set("SHIP_ZONE_COD", Code(_cust.Str("SHIP_ZONE_COD"), 10)).Set("STR_ID", strId).Set("STMNT_COD", Code(_cust.Str("STMNT_COD"), 10))
             .Set("TAX_COD", Code(_cust.Str("TAX_COD"), 10)).Set("TERMS_COD", Code(_cust.Str("TERMS_COD"), 10))
             .Set("ALLOW_AR_CHRG", Flag(_cust.Str("ALLOW_AR_CHRG"), "N", "template ALLOW_AR_CHRG")).Set("ALLOW_TKTS", Flag(_cust.Str("ALLOW_TKTS"), "Y", "template ALLOW_TKTS"))
             .Set("NO_CR_LIM", Flag(_cust.Str("NO_CR_LIM"), "N", "template NO_CR_LIM")).Set("CR_LIM", RoundOrNull(_cust.Dec("CR_LIM"), 2)).Set("BAL_METH", Flag(_cust.Str("BAL_METH"), "O", "template BAL_METH"))
             .Set("AR_ACCT_NO", Code(_cust.Str("AR_ACCT_NO"), 20)).Set("ALLOW_ORDS", Flag(_cust.Str("ALLOW_ORDS"), "Y", "template ALLOW_ORDS")).Set("ALLOW_LWYS", Flag(_cust.Str("ALLOW_LWYS"), "Y", "template ALLOW_LWYS"))
             .Set("IS_ECOMM_CUST", "N").Set("CUST_NAM_TYP", company != null ? "B" : "P")
             .Set("INCLUDE_IN_MARKETING_MAILOUTS", Flag(_cust.Str("INCLUDE_IN_MARKETING_MAILOUTS"), "N", "template INCLUDE_IN_MARKETING_MAILOUTS")).Set("EMAIL_STATEMENT", Flag(_cust.Str("EMAIL_STATEMENT"), "N", "template EMAIL_STATEMENT"))
             .Set("LST_MAINT_DT", tktDt).Set("LST_MAINT_USR_ID", usrId);
        }

        private void Totals(object docId, string typ, int lins, decimal subTot, decimal discntbl, decimal linDisc, decimal misc, decimal tax, decimal extCost, decimal weight, decimal cube,
            decimal tendered, decimal depositShare, decimal depositChange)
        {
            decimal tot = subTot - linDisc + misc + tax;
            decimal due = tot - depositShare;
            New("PS_DOC_HDR_TOT").Set("DOC_ID", docId).Set("TOT_TYP", typ).Set("INITIAL_MIN_DUE", 0m).Set("HAS_TAX_OVRD", "!").Set("TAX_AMT_SHIPPED", 0m)
                .Set("LINS", lins).Set("TOT_GFC_AMT", 0m).Set("TOT_SVC_AMT", 0m).Set("SUB_TOT", subTot).Set("TAX_OVRD_LINS", 0).Set("TOT_EXT_COST", extCost)
                .Set("TOT_MISC", misc).Set("TAX_AMT", tax).Set("NORM_TAX_AMT", tax).Set("TOT_TND", tendered).Set("TOT_CHNG", 0m).Set("TOT_WEIGHT", weight)
                .Set("TOT_CUBE", cube).Set("TOT", tot).Set("AMT_DUE", due).Set("TOT_HDR_DISC", 0m).Set("TOT_LIN_DISC", linDisc)
                .Set("TOT_HDR_DISCNTBL_AMT", discntbl).Set("TOT_TIP_AMT", 0m);
            New("PS_DOC_AUDIT_LOG_TOT").Set("DOC_ID", docId).Set("LOG_SEQ_NO", 1).Set("TOT_TYP", typ).Set("TOT_GFC_AMT", 0m).Set("LINS", lins)
                .Set("SUB_TOT", subTot).Set("TOT_MISC", misc).Set("NORM_TAX_AMT", tax).Set("TAX_AMT", tax).Set("TOT_EXT_COST", extCost).Set("TOT_TND", tendered)
                .Set("TOT_CHNG", 0m).Set("AMT_DUE", due).Set("TOT_SVC_AMT", 0m).Set("DEP_NET_CHANGE", depositChange).Set("TOT", tot);
        }

        private decimal UnitCost(LinePlan l)
        {
            decimal? cost = null;
            if (l.Inv != null)
            {
                cost = l.Inv.Dec("LST_AVG_COST");
                if (!cost.HasValue || cost.Value == 0m) cost = l.Inv.Dec("LST_COST") ?? cost;
            }
            if (!cost.HasValue || cost.Value == 0m) cost = l.Item.Dec("LST_COST") ?? cost;
            return Round((cost ?? 0m) * l.Numer / l.Denom, 4);
        }

        private decimal? UnitMeasure(LinePlan l, string what)
        {
            if (l.SellUnit != '0')
            {
                decimal? alt = l.Item.Dec("ALT_" + l.SellUnit.ToString() + "_" + what);
                if (alt.HasValue) return alt;
            }
            decimal? v = l.Item.Dec(what);
            return v.HasValue ? (decimal?)(v.Value * l.Numer / l.Denom) : null;
        }

        private object Price1(LinePlan l)
        {
            decimal? p = l.Prc != null ? l.Prc.Dec("PRC_1") : null;
            if (!p.HasValue) p = l.Item.Dec("PRC_1");
            if (l.SellUnit != '0')
            {
                decimal? alt = l.Item.Dec("ALT_" + l.SellUnit.ToString() + "_PRC_1");
                p = alt ?? (p.HasValue ? (decimal?)(p.Value * l.Numer / l.Denom) : null);
            }
            return RoundOrNull(p, 4);
        }

        private object RegPrice(LinePlan l)
        {
            decimal? p = l.Prc != null ? l.Prc.Dec("REG_PRC") : null;
            if (!p.HasValue) p = l.Item.Dec("REG_PRC");
            if (l.SellUnit != '0')
            {
                decimal? alt = l.Item.Dec("ALT_" + l.SellUnit.ToString() + "_REG_PRC");
                p = alt ?? (p.HasValue ? (decimal?)(p.Value * l.Numer / l.Denom) : null);
            }
            return RoundOrNull(p, 4);
        }

        // ------------------------------------------------------------------ helpers

        private PlanRow New(string key)
        {
            PlanRow r = _factories[key].NewRow();
            _rows[key].Add(r);
            return r;
        }

        private void ClearRows()
        {
            foreach (List<PlanRow> list in _rows.Values) list.Clear();
            _newInvRows.Clear();
        }

        /// <summary>A code read from Counterpoint: written as is when it fits, else refused (a cut code would name another row).</summary>
        private string Code(string value, int max)
        {
            if (value == null) return null;
            return _text.Fit(value, max, true, "code '" + value + "'", null);
        }

        /// <summary>Upper case that stays in code page 1252 (µ has no 1252 capital: it stays µ).</summary>
        private static string Upper(string v)
        {
            if (v == null) return null;
            var sb = new System.Text.StringBuilder(v.Length);
            foreach (char c in v)
            {
                char u = char.ToUpperInvariant(c);
                sb.Append(TextPolicy.InCp1252(u) ? u : c);
            }
            return sb.ToString();
        }

        private static bool Cp1252(string v)
        {
            foreach (char c in v) if (!TextPolicy.InCp1252(c)) return false;
            return true;
        }

        /// <summary>A one-character flag copied from a Counterpoint row (Y/N, a type letter); longer is a gathering fault.</summary>
        private string Flag(string value, string fallback, string what)
        {
            if (value == null) return fallback;
            if (value.Length != 1 || !TextPolicy.InCp1252(value[0]))
            {
                Problem(PlanCodes.Input, what + " '" + value + "' is not a one-character Counterpoint flag.", null);
                return fallback;
            }
            return value;
        }

        private void Problem(string code, string message, int? line)
        {
            _problems.Add(new PlanProblem(code, message, line));
        }

        private void LineProblem(LinePlan l, string code, string message)
        {
            l.Ok = false;
            _problems.Add(new PlanProblem(code, "line " + l.Seq.ToString(CultureInfo.InvariantCulture) + " (" + (l.Woo.Sku ?? l.Woo.Name ?? "") + "): " + message, l.Seq));
        }

        internal static decimal Round(decimal value, int decimals)
        {
            return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        }

        private static object RoundOrNull(decimal? value, int decimals)
        {
            return value.HasValue ? (object)Round(value.Value, decimals) : null;
        }

        private static int Scale(decimal d)
        {
            return (decimal.GetBits(d)[3] >> 16) & 0xFF;
        }

        internal static string Show(decimal? d)
        {
            return d.HasValue ? d.Value.ToString(CultureInfo.InvariantCulture) : "(none)";
        }

        internal static string Show(long? d)
        {
            return d.HasValue ? d.Value.ToString(CultureInfo.InvariantCulture) : "(none)";
        }
    }
}
