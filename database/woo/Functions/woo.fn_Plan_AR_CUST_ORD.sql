-- The customer's open-order counters of a document plan (wooclr.PlanOrderDocument's "AR_CUST_ORD" array, contract 2):
-- the amounts to ADD to AR_CUST.NO_OF_ORDS and ORD_BAL of the order's customer (document model 7.3). The ONE list of
-- the AR_CUST columns CpOrders updates (woo.usp_WriteOrderDocument, the dry run, woo.usp_CheckCounterpointSchema;
-- tests/CpOrders.Build.Tests PlanWriterTests prove it equals the planner's output columns).
CREATE FUNCTION [woo].[fn_Plan_AR_CUST_ORD] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[CUST_NO], p.[NO_OF_ORDS], p.[ORD_BAL]
    FROM OPENJSON(@Plan, N'$.AR_CUST_ORD')
    WITH (
        [CUST_NO]     varchar(15),
        [NO_OF_ORDS]  int,
        [ORD_BAL]     decimal(15, 2)
    ) AS p;
