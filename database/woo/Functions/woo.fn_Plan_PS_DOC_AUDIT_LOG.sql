-- The PS_DOC_AUDIT_LOG rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_AUDIT_LOG" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_AUDIT_LOG: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_AUDIT_LOG] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[LOG_SEQ_NO], p.[DOC_TYP], p.[DOC_GUID], p.[CURR_DT], p.[CURR_STR_ID], p.[CURR_STA_ID], p.[CURR_DRW_ID], p.[CURR_USR_ID], p.[CURR_WKSTN_NAM], p.[CURR_SERV_NAM], p.[CURR_DB_NAM], p.[ACTIV], p.[LINK_STR_ID], p.[LINK_STA_ID], p.[LINK_DOC_NO], p.[LINK_DOC_GUID], p.[LOG_ENTRY]
    FROM OPENJSON(@Plan, N'$.PS_DOC_AUDIT_LOG')
    WITH (
        [DOC_ID]          bigint,
        [LOG_SEQ_NO]      int,
        [DOC_TYP]         varchar(1),
        [DOC_GUID]        uniqueidentifier,
        [CURR_DT]         datetime,
        [CURR_STR_ID]     varchar(10),
        [CURR_STA_ID]     varchar(10),
        [CURR_DRW_ID]     varchar(10),
        [CURR_USR_ID]     varchar(10),
        [CURR_WKSTN_NAM]  varchar(128),
        [CURR_SERV_NAM]   varchar(128),
        [CURR_DB_NAM]     varchar(128),
        [ACTIV]           varchar(1),
        [LINK_STR_ID]     varchar(10),
        [LINK_STA_ID]     varchar(10),
        [LINK_DOC_NO]     varchar(15),
        [LINK_DOC_GUID]   uniqueidentifier,
        [LOG_ENTRY]       varchar(250)
    ) AS p;
