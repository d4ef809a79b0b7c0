-- The PS_DOC_HDR_MISC_CHRG rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_HDR_MISC_CHRG" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_HDR_MISC_CHRG: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_HDR_MISC_CHRG] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[TOT_TYP], p.[MISC_CHRG_NO], p.[MISC_TYP], p.[MISC_AMT], p.[MISC_PCT], p.[MISC_AMT_SHIPPED], p.[MISC_TAX_AMT_ALLOC], p.[MISC_NORM_TAX_AMT_ALLOC]
    FROM OPENJSON(@Plan, N'$.PS_DOC_HDR_MISC_CHRG')
    WITH (
        [DOC_ID]                   bigint,
        [TOT_TYP]                  varchar(1),
        [MISC_CHRG_NO]             int,
        [MISC_TYP]                 varchar(1),
        [MISC_AMT]                 decimal(15, 2),
        [MISC_PCT]                 decimal(9, 3),
        [MISC_AMT_SHIPPED]         decimal(15, 2),
        [MISC_TAX_AMT_ALLOC]       decimal(15, 2),
        [MISC_NORM_TAX_AMT_ALLOC]  decimal(15, 2)
    ) AS p;
