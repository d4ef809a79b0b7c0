using System;
using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>
    /// Payments (issue 15, PlanContract.md section 11): how the shop's payment is recorded on the document, per store
    /// (woo.StorePaymentRule): OFF (nothing beyond the WEB ORDER note), NOTE (a PAYMENT note), DEPOSIT (a captured payment
    /// as Counterpoint records an order deposit: a deposit ticket with 'U' mirror lines, payment rows on both documents,
    /// the ticket-to-order link; CDM 7.3), FINAL (a final-payment record, FINAL_PMT 'Y', charged at release; no deposit).
    /// </summary>
    public sealed partial class OrderPlanner
    {
        public const string PaymentOff = "OFF";
        public const string PaymentNote = "NOTE";
        public const string PaymentDeposit = "DEPOSIT";
        public const string PaymentFinal = "FINAL";
        /// <summary>SY_PAY_COD.PAY_TYP of a credit card/EDC pay code, the only kind a final payment works with (CDM 3, 7.3).</summary>
        public const string CreditPayType = "E";

        private string _payMode = PaymentOff;
        private string _uncapturedMode = PaymentNote;
        private string _defaultPayCod;
        private List<PlanInputRow> _payCodeMap = new List<PlanInputRow>();
        private List<PlanInputRow> _payCodes = new List<PlanInputRow>();
        private long? _drwSessionId;
        private DateTime? _paidLocal;
        private long? _depDocId;
        private string _depTktNo;
        private string _depDocGuid;
        private DateTime? _depTktDt;
        private string _treatment = PaymentOff;
        private string _payCod;
        private PlanInputRow _payCodRow;
        private decimal _deposit;

        /// <summary>How this order's payment is recorded: OFF, NOTE, DEPOSIT or FINAL (set once the order is read).</summary>
        public string PaymentTreatment
        {
            get { return _treatment; }
        }

        /// <summary>True when the plan holds a deposit ticket, whose numbers T-SQL must take (numbers.DEP_*).</summary>
        public bool NeedsDepositTicket
        {
            get { return _treatment == PaymentDeposit; }
        }

        /// <summary>The deposit amount planned (0 unless DEPOSIT).</summary>
        public decimal DepositAmount
        {
            get { return _deposit; }
        }

        /// <summary>
        /// The treatment of one order's payment (pure). A store's mode applies to orders that carry a payment (a payment
        /// method and a total above zero); others get the PAYMENT note only. DEPOSIT records captured payments (date_paid
        /// set) as deposits and the others as the store's UncapturedMode (NOTE or FINAL); FINAL records every payment as a
        /// final payment.
        /// </summary>
        public static string Treatment(string mode, string uncapturedMode, bool captured, bool hasPayment)
        {
            if (mode == null || mode == PaymentOff) return PaymentOff;
            if (!hasPayment) return PaymentNote;
            if (mode == PaymentDeposit) return captured ? PaymentDeposit : (uncapturedMode == PaymentFinal ? PaymentFinal : PaymentNote);
            if (mode == PaymentFinal) return PaymentFinal;
            return PaymentNote;
        }

        private void ReadPaymentInput(PlanInputRow input)
        {
            PlanInputRow pay = input.Object("payment");
            if (pay.Exists)
            {
                _payMode = pay.Str("Mode") ?? PaymentOff;
                _uncapturedMode = pay.Str("UncapturedMode") ?? PaymentNote;
                _defaultPayCod = pay.Str("DefaultPayCod");
                _paidLocal = pay.Date("DatePaidLocal");
                _payCodeMap = pay.Array("payCodeMap");
                if (_payMode != PaymentOff && _payMode != PaymentNote && _payMode != PaymentDeposit && _payMode != PaymentFinal)
                {
                    Problem(PlanCodes.PayMode, "$.payment.Mode '" + _payMode + "' is not OFF, NOTE, DEPOSIT or FINAL (woo.usp_SetPaymentRule).", null);
                    _payMode = PaymentOff;
                }
                if (_uncapturedMode != PaymentNote && _uncapturedMode != PaymentFinal)
                {
                    Problem(PlanCodes.PayMode, "$.payment.UncapturedMode '" + _uncapturedMode + "' is not NOTE or FINAL (woo.usp_SetPaymentRule).", null);
                    _uncapturedMode = PaymentNote;
                }
            }
            PlanInputRow cp = input.Object("counterpoint");
            if (cp.Exists)
            {
                _payCodes = cp.Array("SY_PAY_COD");
                PlanInputRow session = cp.Object("PS_DRW_SESSION");
                if (session.Exists) _drwSessionId = session.Long("DRW_SESSION_ID");
            }
            PlanInputRow numbers = input.Object("numbers");
            if (numbers.Exists)
            {
                _depDocId = numbers.Long("DEP_DOC_ID");
                _depTktNo = numbers.Str("DEP_TKT_NO");
                _depTktDt = numbers.Date("DEP_TKT_DT");
                string guid = numbers.Str("DEP_DOC_GUID");
                Guid g;
                if (guid != null && Guid.TryParse(guid, out g)) _depDocGuid = g.ToString("D").ToUpperInvariant();
                else if (guid != null) Problem(PlanCodes.Numbers, "$.numbers.DEP_DOC_GUID '" + guid + "' is not a GUID.", null);
                if (_depTktNo != null && (_depTktNo.Length > 15 || !Cp1252(_depTktNo))) Problem(PlanCodes.Numbers, "$.numbers.DEP_TKT_NO '" + _depTktNo + "' is longer than 15 characters or outside code page 1252.", null);
            }
        }

        /// <summary>Decides the order's treatment and checks what it needs: the pay code, the open drawer session, the ticket's numbers.</summary>
        private void PlanPayment()
        {
            decimal total = _hdr.Total ?? 0m;
            string method = TextPolicy.Clean(_hdr.PaymentMethod);
            bool hasPayment = method != null && total > 0m;
            bool captured = _hdr.DatePaidGmt.HasValue;
            _treatment = Treatment(_payMode, _uncapturedMode, captured, hasPayment);
            if (_treatment != PaymentDeposit && _treatment != PaymentFinal) return;

            // The pay code: the method's woo.StorePayCodeMap row, else the rule's default.
            foreach (PlanInputRow m in _payCodeMap)
            {
                if (string.Equals(TextPolicy.Clean(m.Str("WooPaymentMethod")), method, StringComparison.OrdinalIgnoreCase)) { _payCod = m.Str("PayCod"); break; }
            }
            if (_payCod == null) _payCod = _defaultPayCod;
            if (_payCod == null)
            {
                Problem(PlanCodes.PayCode, "payment method '" + method + "' has no Counterpoint pay code (woo.StorePayCodeMap) and the store's payment rule has no DefaultPayCod; map it with woo.usp_SetPayCodeMap, then requeue.", null);
            }
            else
            {
                foreach (PlanInputRow r in _payCodes)
                {
                    if (string.Equals(r.Str("PAY_COD"), _payCod, StringComparison.OrdinalIgnoreCase)) { _payCodRow = r; break; }
                }
                if (_payCodRow == null)
                {
                    Problem(PlanCodes.PayCode, "pay code '" + _payCod + "' (for payment method '" + method + "') is not in SY_PAY_COD; fix woo.StorePayCodeMap or the rule's DefaultPayCod, then requeue.", null);
                }
                else if (_payCodRow.Str("ALLOW_FOR_ORDS") != "Y")
                {
                    Problem(PlanCodes.PayCode, "pay code '" + _payCod + "' is not allowed on orders (SY_PAY_COD.ALLOW_FOR_ORDS is not Y).", null);
                }
                else if (_payCod.Length > 10)
                {
                    Problem(PlanCodes.PayCode, "pay code '" + _payCod + "' is longer than 10 characters.", null);
                }
                else if (_treatment == PaymentFinal && _payCodRow.Str("PAY_TYP") != CreditPayType)
                {
                    // NCR: a final payment works only with credit-type pay codes (CDM 7.3 [doc I-43]); PAY_TYP 'E' is credit
                    // card/EDC (CDM 3 [doc G-PAY]). Parked, never written: a release may refuse or ignore it (review r15 MINOR 7).
                    Problem(PlanCodes.PayCode, "pay code '" + _payCod + "' has SY_PAY_COD.PAY_TYP '" + (_payCodRow.Str("PAY_TYP") ?? "") +
                        "', not E (credit card/EDC): Counterpoint takes a final payment only with a credit-type pay code; map the payment method to a credit-card tender (woo.usp_SetPayCodeMap), then requeue.", null);
                }
            }
            if (_treatment != PaymentDeposit) return;
            _deposit = total;
            if (!_drwSessionId.HasValue)
            {
                Problem(PlanCodes.DrawerClosed, "the order's payment is a deposit, which Counterpoint records on a ticket in the web drawer's open session, but drawer " +
                    (_store.Str("CpDrwId") ?? "?") + " of store " + (_store.Str("CpStrId") ?? "?") + " has no open session (PS_DRW_SESSION STAT 'A'); the order waits and is retried until the drawer is opened in Counterpoint.", null);
            }
            if (_haveNumbers)
            {
                var missing = new List<string>();
                if (!_depDocId.HasValue) missing.Add("DEP_DOC_ID");
                if (_depTktNo == null) missing.Add("DEP_TKT_NO");
                if (_depDocGuid == null) missing.Add("DEP_DOC_GUID");
                if (missing.Count > 0)
                {
                    Problem(PlanCodes.Numbers, "$.numbers lacks " + string.Join(", ", missing.ToArray()) + ": a deposit ticket is planned (woo.usp_TakeDocumentNumbers @NeedDepositTicket = 'Y').", null);
                }
            }
        }

        /// <summary>The PAYMENT note: what the shop says about the payment, and how the document records it.</summary>
        private string PaymentNoteText()
        {
            var sb = new System.Text.StringBuilder();
            string title = TextPolicy.Clean(_hdr.PaymentMethodTitle);
            string method = TextPolicy.Clean(_hdr.PaymentMethod);
            sb.Append("Payment method: ").Append(title ?? method ?? "(none)");
            if (title != null && method != null) sb.Append(" (").Append(method).Append(')');
            sb.Append("\nAmount: ").Append(Show(_hdr.Total)).Append(' ').Append(_hdr.Currency ?? "");
            sb.Append("\nTransaction id: ").Append(TextPolicy.Clean(_hdr.TransactionId) ?? "(none)");
            sb.Append("\nDate paid: ").Append(_hdr.DatePaidGmt.HasValue
                ? _hdr.DatePaidGmt.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
                : "not paid in the shop yet (authorized or awaiting payment)");
            switch (_treatment)
            {
                case PaymentDeposit:
                    sb.Append("\nRecorded as a deposit of ").Append(Show(_deposit)).Append(" with pay code ").Append(_payCod)
                      .Append(" on deposit ticket ").Append(_depTktNo ?? "(number taken when written)").Append('.');
                    break;
                case PaymentFinal:
                    sb.Append("\nRecorded as a final payment with pay code ").Append(_payCod).Append(": charged when the order is released (no deposit).");
                    break;
                default:
                    sb.Append("\nNot recorded as a Counterpoint payment: take payment when the order is released.");
                    break;
            }
            return TextPolicy.NoteText(sb.ToString());
        }

        private void BuildPaymentRows(object docId, object tktDt, string strId, string staId, string drwId, string usrId)
        {
            if (_treatment != PaymentDeposit && _treatment != PaymentFinal) return;
            string payTyp = Flag(_payCodRow.Str("PAY_TYP"), "!", "SY_PAY_COD.PAY_TYP of " + _payCod);
            string descr = _text.Fit(_payCodRow.Str("DESCR"), 30, true, "SY_PAY_COD.DESCR of " + _payCod, null);
            string payCod = Code(_payCod, 10);
            if (_treatment == PaymentFinal)
            {
                // NCR: a final payment is charged at release; without an amount nothing is taken now (no deposit, CDM 7.3 [doc G-POST, I-43, I-67]).
                Payment(docId, _tktNo, strId, staId, payCod, payTyp, descr, 0m, "Y", null);
                return;
            }

            object depDocId = _depDocId.HasValue ? (object)_depDocId.Value : null;
            object payDat = PayDate(tktDt);
            // The order's own payment row (TKT_NO = the order's, CDM 7.1 [obs] order 70039) applied to the order ('O').
            Payment(docId, _tktNo, strId, staId, payCod, payTyp, descr, _deposit, "N", payDat);
            Apply(docId, "O");

            // The deposit ticket (CDM 7.3 [obs] ticket 100495): header in the drawer's open session, copies of the contacts,
            // 'U' mirror lines (new LIN_GUIDs: the writer's NEWID()), an 'S' total with zero amounts and TOT_TND = deposit,
            // the same payment (its own TKT_NO) applied as a sale ('S'); no tax rows, no misc charge, no discounts.
            // The ticket is dated when it is written (numbers.DEP_TKT_DT, store-local, taken in the order's transaction),
            // not when the order was made: after a wait for the drawer it belongs to the session it is booked into, which
            // may have opened after the order (review r15 MINOR 4; native ticket 100495 was made in its order's second).
            object depTktDt = _depTktDt.HasValue ? (object)_depTktDt.Value : tktDt;
            List<PlanRow> headers = _rows["PS_DOC_HDR"];
            PlanRow t = Copy("PS_DOC_HDR", headers[0]);
            t.Set("TKT_DT", depTktDt).Set("LST_MAINT_DT", depTktDt);
            t.Set("DOC_ID", depDocId).Set("TKT_NO", _depTktNo).Set("DOC_TYP", "T").Set("TKT_TYP", "T").Set("ORD_LINS", 0).Set("SAL_LINS", 0)
             .Set("DRW_ID", drwId).Set("DRW_SESSION_ID", _drwSessionId).Set("DOC_GUID", _depDocGuid).Set("TO_REL_LINS", 0).Set("TO_LEAVE_LINS", 0);
            foreach (PlanRow c in new List<PlanRow>(_rows["PS_DOC_CONTACT"]))
            {
                Copy("PS_DOC_CONTACT", c).Set("DOC_ID", depDocId);
            }
            foreach (PlanRow l in new List<PlanRow>(_rows["PS_DOC_LIN"]))
            {
                Copy("PS_DOC_LIN", l).Set("DOC_ID", depDocId).Set("TKT_NO", _depTktNo).Set("LIN_TYP", "U");
            }
            foreach (PlanRow p in new List<PlanRow>(_rows["PS_DOC_LIN_PRICE"]))
            {
                Copy("PS_DOC_LIN_PRICE", p).Set("DOC_ID", depDocId);
            }
            New("PS_DOC_HDR_TOT").Set("DOC_ID", depDocId).Set("TOT_TYP", "S").Set("INITIAL_MIN_DUE", 0m).Set("HAS_TAX_OVRD", "!").Set("TAX_AMT_SHIPPED", 0m)
                .Set("LINS", 0).Set("TOT_GFC_AMT", 0m).Set("TOT_SVC_AMT", 0m).Set("SUB_TOT", 0m).Set("TAX_OVRD_LINS", 0).Set("TOT_EXT_COST", 0m)
                .Set("TOT_MISC", 0m).Set("TAX_AMT", 0m).Set("NORM_TAX_AMT", 0m).Set("TOT_TND", _deposit).Set("TOT_CHNG", 0m).Set("TOT_WEIGHT", 0m)
                .Set("TOT_CUBE", 0m).Set("TOT", 0m).Set("AMT_DUE", 0m).Set("TOT_HDR_DISC", 0m).Set("TOT_LIN_DISC", 0m)
                .Set("TOT_HDR_DISCNTBL_AMT", 0m).Set("TOT_TIP_AMT", 0m);
            New("PS_DOC_AUDIT_LOG").Set("DOC_ID", depDocId).Set("LOG_SEQ_NO", 1).Set("DOC_TYP", "T").Set("DOC_GUID", _depDocGuid).Set("CURR_DT", depTktDt)
                .Set("CURR_STR_ID", strId).Set("CURR_STA_ID", staId).Set("CURR_DRW_ID", drwId).Set("CURR_USR_ID", usrId)
                .Set("CURR_WKSTN_NAM", _workstation).Set("CURR_SERV_NAM", _server).Set("CURR_DB_NAM", _database).Set("ACTIV", "N")
                .Set("LOG_ENTRY", "Entered a new ticket with order deposit");
            New("PS_DOC_AUDIT_LOG_TOT").Set("DOC_ID", depDocId).Set("LOG_SEQ_NO", 1).Set("TOT_TYP", "S").Set("TOT_GFC_AMT", 0m).Set("LINS", 0)
                .Set("SUB_TOT", 0m).Set("TOT_MISC", 0m).Set("NORM_TAX_AMT", 0m).Set("TAX_AMT", 0m).Set("TOT_EXT_COST", 0m).Set("TOT_TND", _deposit)
                .Set("TOT_CHNG", 0m).Set("AMT_DUE", 0m).Set("TOT_SVC_AMT", 0m).Set("DEP_NET_CHANGE", 0m).Set("TOT", 0m);
            New("PS_DOC_HDR_DOC_STAT").Set("DOC_ID", depDocId).Set("LST_DOC_ACTIV", "!").Set("DOC_AS_TKT_SEQ_NO", 0).Set("DOC_STAT", "O")
                .Set("LST_CANCEL_DEP_REFUNDED", 0m).Set("LST_CANCEL_DEP_FORFEIT", 0m).Set("TOT_DEP_RECEIVED", 0m).Set("TOT_DEP_APPLIED", 0m)
                .Set("TOT_DEP_REFUNDED", 0m).Set("TOT_DEP_FORFEIT", 0m).Set("IS_SUSPENDED", "N");
            Payment(depDocId, _depTktNo, strId, staId, payCod, payTyp, descr, _deposit, "N", payDat);
            Apply(depDocId, "S");
            // The ticket points to the order it carries the deposit of (AP's cleanup deletes its ticket's ORIG_DOC_ID row,
            // "the ORDER document"; CDM 7.3).
            New("PS_DOC_HDR_ORIG_DOC").Set("DOC_ID", depDocId).Set("ORIG_DOC_ID", docId);
        }

        /// <summary>PAY_DAT: the store-local date the shop was paid, at midnight (CDM 7.1 [obs]); else the order's date.</summary>
        private object PayDate(object tktDt)
        {
            if (_paidLocal.HasValue) return _paidLocal.Value.Date;
            if (tktDt is DateTime) return ((DateTime)tktDt).Date;
            return null;
        }

        private void Payment(object docId, string tktNo, string strId, string staId, string payCod, string payTyp, string descr, decimal amount, string finalPmt, object payDat)
        {
            // EDC_AUTH_FLG 'O': the native non-card deposit row (CDM 7.1 [obs] order 70039); the web tender is not card-processed by Counterpoint.
            New("PS_DOC_PMT").Set("DOC_ID", docId).Set("PMT_SEQ_NO", 1).Set("PAY_COD_TYP", payTyp).Set("AMT", amount).Set("STR_ID", strId)
                .Set("FINAL_PMT", finalPmt).Set("STA_ID", staId).Set("CARD_IS_NEW", "N").Set("TKT_NO", tktNo).Set("SECURE_ECOMM_TRX", "N")
                .Set("PMT_LIN_TYP", "T").Set("PAY_COD", payCod).Set("PAY_DAT", payDat).Set("DEP_LIN_COPIED_TO_REL_DOC", "N").Set("HOME_CURNCY_AMT", amount)
                .Set("EXCH_LOSS", 0m).Set("SWIPED", "N").Set("DESCR", descr).Set("EDC_AUTH_FLG", "O").Set("CURNCY_COD", "HOME")
                .Set("EXCH_RATE_NUMER", 1m).Set("EXCH_RATE_DENOM", 1m).Set("ROUND_GAIN_LOSS", 0m).Set("HOME_CURNCY_ROUND_GAIN_LOSS", 0m)
                .Set("TIP_AMT", 0m).Set("GFC_AUTHED", "N");
        }

        private void Apply(object docId, string applTyp)
        {
            New("PS_DOC_PMT_APPLY").Set("DOC_ID", docId).Set("PMT_SEQ_NO", 1).Set("APPL_TYP", applTyp).Set("AMT", _deposit).Set("HOME_CURNCY_AMT", _deposit).Set("EXCH_LOSS", 0m);
        }

        private PlanRow Copy(string key, PlanRow source)
        {
            PlanRow r = New(key);
            for (int i = 0; i < source.Columns.Count; i++) r.Set(source.Columns[i].Column, source.ValueAt(i));
            return r;
        }
    }
}
