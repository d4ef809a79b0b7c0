-- The rank of a WooCommerce order status in a store's status order (woo.StoreStatusRule.StatusOrder, a comma list from
-- first to last): 10 x its position; 1000 for the final statuses cancelled, refunded, failed and trash (nothing moves
-- an order out of them, and they rank above every other); NULL when the status is in neither (unranked: a plugin's
-- status nobody ranked). woo.usp_PushUpdates sends a status only when it ranks above the order's known status.
CREATE FUNCTION [woo].[fn_StatusRank] (@StatusOrder varchar (400), @Status varchar (40))
RETURNS TABLE
AS
RETURN
    SELECT CASE WHEN @Status IN ('cancelled', 'refunded', 'failed', 'trash') THEN 1000
                WHEN @Status IS NULL OR @Status = '' OR p.Pos = 0 THEN NULL
                ELSE 10 * (LEN(LEFT(p.List, p.Pos)) - LEN(REPLACE(LEFT(p.List, p.Pos), ',', ''))) END AS StatusRank
    FROM (SELECT ',' + ISNULL(@StatusOrder, '') + ',' AS List,
                 CHARINDEX(',' + ISNULL(@Status, '') + ',', ',' + ISNULL(@StatusOrder, '') + ',') AS Pos) AS p;
