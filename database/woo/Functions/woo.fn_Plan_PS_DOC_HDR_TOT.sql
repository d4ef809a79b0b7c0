-- The PS_DOC_HDR_TOT rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_HDR_TOT" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_HDR_TOT: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_HDR_TOT] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[TOT_TYP], p.[INITIAL_MIN_DUE], p.[HAS_TAX_OVRD], p.[TAX_AMT_SHIPPED], p.[LINS], p.[TOT_GFC_AMT], p.[TOT_SVC_AMT], p.[SUB_TOT], p.[TAX_OVRD_LINS], p.[TOT_EXT_COST], p.[TOT_MISC], p.[TAX_AMT], p.[NORM_TAX_AMT], p.[TOT_TND], p.[TOT_CHNG], p.[TOT_WEIGHT], p.[TOT_CUBE], p.[TOT], p.[AMT_DUE], p.[TOT_HDR_DISC], p.[TOT_LIN_DISC], p.[TOT_HDR_DISCNTBL_AMT], p.[TOT_TIP_AMT]
    FROM OPENJSON(@Plan, N'$.PS_DOC_HDR_TOT')
    WITH (
        [DOC_ID]                bigint,
        [TOT_TYP]               varchar(1),
        [INITIAL_MIN_DUE]       decimal(15, 2),
        [HAS_TAX_OVRD]          varchar(1),
        [TAX_AMT_SHIPPED]       decimal(15, 2),
        [LINS]                  int,
        [TOT_GFC_AMT]           decimal(15, 2),
        [TOT_SVC_AMT]           decimal(15, 2),
        [SUB_TOT]               decimal(15, 2),
        [TAX_OVRD_LINS]         int,
        [TOT_EXT_COST]          decimal(15, 2),
        [TOT_MISC]              decimal(15, 2),
        [TAX_AMT]               decimal(15, 2),
        [NORM_TAX_AMT]          decimal(15, 2),
        [TOT_TND]               decimal(15, 2),
        [TOT_CHNG]              decimal(15, 2),
        [TOT_WEIGHT]            money,
        [TOT_CUBE]              money,
        [TOT]                   decimal(15, 2),
        [AMT_DUE]               decimal(15, 2),
        [TOT_HDR_DISC]          decimal(15, 2),
        [TOT_LIN_DISC]          decimal(15, 2),
        [TOT_HDR_DISCNTBL_AMT]  decimal(15, 2),
        [TOT_TIP_AMT]           decimal(15, 2)
    ) AS p;
