-- The PS_DOC_NOTE rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_NOTE" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_NOTE: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_NOTE] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[NOTE_SEQ_NO], p.[NOTE_ID], p.[NOTE_DAT], p.[USR_ID], p.[NOTE], p.[NOTE_TXT], p.[LIN_GUID]
    FROM OPENJSON(@Plan, N'$.PS_DOC_NOTE')
    WITH (
        [DOC_ID]       bigint,
        [NOTE_SEQ_NO]  int,
        [NOTE_ID]      varchar(20),
        [NOTE_DAT]     datetime,
        [USR_ID]       varchar(10),
        [NOTE]         varchar(max),
        [NOTE_TXT]     varchar(max),
        [LIN_GUID]     uniqueidentifier
    ) AS p;
