-- The PS_DOC_PMT_APPLY rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_PMT_APPLY" array; payments, issue 15), typed with Counterpoint's
-- column types. The ONE list of the columns CpOrders writes to PS_DOC_PMT_APPLY: woo.usp_WriteOrderDocument inserts from it, the dry
-- run shows it, woo.usp_CheckCounterpointSchema compares it with the live table, and tests/CpOrders.Build.Tests (PlanWriterTests)
-- prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_PMT_APPLY] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[PMT_SEQ_NO], p.[APPL_TYP], p.[AMT], p.[HOME_CURNCY_AMT], p.[EXCH_LOSS]
    FROM OPENJSON(@Plan, N'$.PS_DOC_PMT_APPLY')
    WITH (
        [DOC_ID]          bigint,
        [PMT_SEQ_NO]      int,
        [APPL_TYP]        varchar(1),
        [AMT]             decimal(15, 2),
        [HOME_CURNCY_AMT] decimal(15, 2),
        [EXCH_LOSS]       decimal(15, 2)
    ) AS p;
