-- The PS_DOC_DISC rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_DISC" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_DISC: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_DISC] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[DISC_SEQ_NO], p.[LIN_SEQ_NO], p.[DISC_ID], p.[APPLY_TO], p.[DISC_TYP], p.[DISC_AMT], p.[DISC_PCT], p.[DISC_AMT_SHIPPED]
    FROM OPENJSON(@Plan, N'$.PS_DOC_DISC')
    WITH (
        [DOC_ID]            bigint,
        [DISC_SEQ_NO]       int,
        [LIN_SEQ_NO]        int,
        [DISC_ID]           bigint,
        [APPLY_TO]          varchar(1),
        [DISC_TYP]          varchar(1),
        [DISC_AMT]          decimal(15, 2),
        [DISC_PCT]          decimal(9, 3),
        [DISC_AMT_SHIPPED]  decimal(15, 2)
    ) AS p;
