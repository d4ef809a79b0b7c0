using System;
using System.Globalization;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>
    /// The availability rule (issue 14 item 3, the arithmetic): what WooCommerce may sell of one SKU.
    /// <list type="number">
    /// <item>QTY_AVAIL = QTY_ON_HND - QTY_COMMIT (Counterpoint's computed column; counterpoint-document-model.md section 15),
    /// summed over the store's chosen locations by the caller, in the stocking unit. A location below zero counts
    /// against the others (its shortage will be filled from them), so the sum is taken as is.</item>
    /// <item>minus the safety stock (store default or per-item override), in the stocking unit;</item>
    /// <item>minus web orders staged in CpOrders but not yet written to Counterpoint (their quantities in the stocking
    /// unit), so an absolute write that lands after a web sale cannot sell that unit again;</item>
    /// <item>converted to the SKU's selling unit: one selling unit is NUMER/DENOM stocking units (IM_ITEM.ALT_n_NUMER/DENOM,
    /// as the order planner converts lines), rounded to 4 decimals first (Counterpoint's quantity scale, so 0.9999999...
    /// from the division does not lose a unit);</item>
    /// <item>floored to an integer (WooCommerce stores stock through intval: 2.75 would become 2 anyway; floor says so
    /// deliberately and also for negatives), never below zero, capped at int.MaxValue.</item>
    /// </list>
    /// </summary>
    public static class StockAvailability
    {
        /// <summary>The quantity to send; throws ArgumentException (CPO-PARAM) for a negative safety stock or staged
        /// quantity or a unit factor that is not positive.</summary>
        public static int ToSell(decimal qtyOnHand, decimal qtyCommit, decimal safetyStock, decimal stagedUnapplied, decimal unitNumer, decimal unitDenom)
        {
            if (safetyStock < 0) throw Param("@SafetyStock must not be negative, not " + Text(safetyStock));
            if (stagedUnapplied < 0) throw Param("@StagedQty must not be negative, not " + Text(stagedUnapplied));
            if (unitNumer <= 0 || unitDenom <= 0)
                throw Param("@UnitNumer and @UnitDenom must be positive (IM_ITEM.ALT_n_NUMER/DENOM; 1 and 1 for the stocking unit), not " + Text(unitNumer) + " and " + Text(unitDenom));
            decimal stocking = qtyOnHand - qtyCommit - safetyStock - stagedUnapplied;
            if (stocking <= 0) return 0;
            decimal selling = Math.Round(stocking * unitDenom / unitNumer, 4, MidpointRounding.AwayFromZero);
            decimal whole = Math.Floor(selling);
            if (whole <= 0) return 0;
            return whole >= int.MaxValue ? int.MaxValue : (int)whole;
        }

        /// <summary>A web order line's quantity in the stocking unit (for the staged quantity): qty x NUMER / DENOM,
        /// rounded to 4 decimals, as the order planner computes a line's stocking quantity.</summary>
        public static decimal ToStockingUnits(decimal quantity, decimal unitNumer, decimal unitDenom)
        {
            if (unitNumer <= 0 || unitDenom <= 0)
                throw Param("@UnitNumer and @UnitDenom must be positive, not " + Text(unitNumer) + " and " + Text(unitDenom));
            return Math.Round(quantity * unitNumer / unitDenom, 4, MidpointRounding.AwayFromZero);
        }

        /// <summary>Whether a selling unit's NUMER/DENOM can convert quantities: both positive (the order planner's CPO-UNIT
        /// rule, SkuRule.UnitProblem). The SQL functions return NULL instead of throwing when they cannot.</summary>
        public static bool IsUnitFactorUsable(decimal unitNumer, decimal unitDenom)
        {
            return unitNumer > 0 && unitDenom > 0;
        }

        private static string Text(decimal d)
        {
            return d.ToString(CultureInfo.InvariantCulture);
        }

        private static ArgumentException Param(string message)
        {
            return new ArgumentException("CPO-PARAM: " + message + ".");
        }
    }
}
