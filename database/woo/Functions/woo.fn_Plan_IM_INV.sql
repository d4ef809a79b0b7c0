-- The inventory changes of a document plan (wooclr.PlanOrderDocument's "IM_INV" array, contract 7): per item and
-- location the amounts to ADD to IM_INV's quantity columns (named after them). The plan's IS_NEW_ROW (what the planner
-- saw before the transaction) is not read: the writer decides under the row's lock whether to insert. The ONE list of the IM_INV columns CpOrders changes: woo.usp_WriteOrderDocument adds them (or inserts
-- the missing row with them), the dry run shows them, woo.usp_CheckCounterpointSchema compares them with the live
-- table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove they equal the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_IM_INV] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[ITEM_NO], p.[LOC_ID], p.[QTY_COMMIT], p.[QTY_ON_ORD]
    FROM OPENJSON(@Plan, N'$.IM_INV')
    WITH (
        [ITEM_NO]     varchar(20),
        [LOC_ID]      varchar(10),
        [QTY_COMMIT]  decimal(15, 4),
        [QTY_ON_ORD]  decimal(15, 4)
    ) AS p;
