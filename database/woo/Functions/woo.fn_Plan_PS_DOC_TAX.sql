-- The PS_DOC_TAX rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_TAX" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_TAX: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_TAX] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[AUTH_COD], p.[RUL_COD], p.[TAX_DOC_PART], p.[LIN_AMT], p.[TXBL_LIN_AMT], p.[TXBL_MISC_CHG_AMT_1], p.[TXBL_MISC_CHG_AMT_2], p.[TXBL_MISC_CHG_AMT_3], p.[TXBL_MISC_CHG_AMT_4], p.[TXBL_MISC_CHG_AMT_5], p.[TXBL_GFC_AMT], p.[TXBL_SVC_AMT], p.[TXBL_TAX_AMT], p.[TXBL_QTY], p.[TAX_AMT], p.[NORM_TAX_AMT], p.[TAX_AMT_EXACT], p.[NORM_TAX_AMT_EXACT], p.[TOT_TXBL_AMT]
    FROM OPENJSON(@Plan, N'$.PS_DOC_TAX')
    WITH (
        [DOC_ID]               bigint,
        [AUTH_COD]             varchar(10),
        [RUL_COD]              varchar(10),
        [TAX_DOC_PART]         varchar(1),
        [LIN_AMT]              decimal(15, 2),
        [TXBL_LIN_AMT]         decimal(15, 2),
        [TXBL_MISC_CHG_AMT_1]  decimal(15, 2),
        [TXBL_MISC_CHG_AMT_2]  decimal(15, 2),
        [TXBL_MISC_CHG_AMT_3]  decimal(15, 2),
        [TXBL_MISC_CHG_AMT_4]  decimal(15, 2),
        [TXBL_MISC_CHG_AMT_5]  decimal(15, 2),
        [TXBL_GFC_AMT]         decimal(15, 2),
        [TXBL_SVC_AMT]         decimal(15, 2),
        [TXBL_TAX_AMT]         decimal(15, 2),
        [TXBL_QTY]             decimal(15, 4),
        [TAX_AMT]              decimal(15, 2),
        [NORM_TAX_AMT]         decimal(15, 2),
        [TAX_AMT_EXACT]        decimal(15, 4),
        [NORM_TAX_AMT_EXACT]   decimal(15, 4),
        [TOT_TXBL_AMT]         decimal(15, 2)
    ) AS p;
