-- The PS_DOC_AUDIT_LOG_TOT rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_AUDIT_LOG_TOT" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_AUDIT_LOG_TOT: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_AUDIT_LOG_TOT] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[LOG_SEQ_NO], p.[TOT_TYP], p.[TOT_GFC_AMT], p.[LINS], p.[SUB_TOT], p.[TOT_MISC], p.[NORM_TAX_AMT], p.[TAX_AMT], p.[TOT_EXT_COST], p.[TOT_TND], p.[TOT_CHNG], p.[AMT_DUE], p.[TOT_SVC_AMT], p.[DEP_NET_CHANGE], p.[TOT]
    FROM OPENJSON(@Plan, N'$.PS_DOC_AUDIT_LOG_TOT')
    WITH (
        [DOC_ID]          bigint,
        [LOG_SEQ_NO]      int,
        [TOT_TYP]         varchar(1),
        [TOT_GFC_AMT]     decimal(15, 2),
        [LINS]            int,
        [SUB_TOT]         decimal(15, 2),
        [TOT_MISC]        decimal(15, 2),
        [NORM_TAX_AMT]    decimal(15, 2),
        [TAX_AMT]         decimal(15, 2),
        [TOT_EXT_COST]    decimal(15, 2),
        [TOT_TND]         decimal(15, 2),
        [TOT_CHNG]        decimal(15, 2),
        [AMT_DUE]         decimal(15, 2),
        [TOT_SVC_AMT]     decimal(15, 2),
        [DEP_NET_CHANGE]  decimal(15, 2),
        [TOT]             decimal(15, 2)
    ) AS p;
