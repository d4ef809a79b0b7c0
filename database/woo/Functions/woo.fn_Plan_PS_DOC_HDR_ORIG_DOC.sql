-- The PS_DOC_HDR_ORIG_DOC rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_HDR_ORIG_DOC" array; payments, issue 15), typed with Counterpoint's
-- column types. The ONE list of the columns CpOrders writes to PS_DOC_HDR_ORIG_DOC: woo.usp_WriteOrderDocument inserts from it, the dry
-- run shows it, woo.usp_CheckCounterpointSchema compares it with the live table, and tests/CpOrders.Build.Tests (PlanWriterTests)
-- prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_HDR_ORIG_DOC] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[ORIG_DOC_ID]
    FROM OPENJSON(@Plan, N'$.PS_DOC_HDR_ORIG_DOC')
    WITH (
        [DOC_ID]      bigint,
        [ORIG_DOC_ID] bigint
    ) AS p;
