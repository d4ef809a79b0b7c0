-- The PS_DOC_HDR_DOC_STAT rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_HDR_DOC_STAT" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_HDR_DOC_STAT: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_HDR_DOC_STAT] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[LST_DOC_ACTIV], p.[DOC_AS_TKT_SEQ_NO], p.[DOC_STAT], p.[LST_CANCEL_DEP_REFUNDED], p.[LST_CANCEL_DEP_FORFEIT], p.[TOT_DEP_RECEIVED], p.[TOT_DEP_APPLIED], p.[TOT_DEP_REFUNDED], p.[TOT_DEP_FORFEIT], p.[LST_DOC_EDIT_DT], p.[LST_DOC_EDIT_USR_ID], p.[LST_DOC_PRT_DT], p.[LST_DOC_PRT_USR_ID], p.[LST_DOC_PICK_DT], p.[LST_DOC_PICK_USR_ID], p.[LST_DOC_REL_DT], p.[LST_DOC_REL_USR_ID], p.[LST_DOC_INVCD_DT], p.[LST_DOC_INVCD_USR_ID], p.[LST_DOC_PCKVRFD_DT], p.[LST_DOC_PCKVRFD_USR_ID], p.[IS_SUSPENDED], p.[LST_DOC_SUSPENDED_DT], p.[LST_DOC_SUSPENDED_USR_ID], p.[PREQ_WRKGRP_ID]
    FROM OPENJSON(@Plan, N'$.PS_DOC_HDR_DOC_STAT')
    WITH (
        [DOC_ID]                    bigint,
        [LST_DOC_ACTIV]             varchar(1),
        [DOC_AS_TKT_SEQ_NO]         int,
        [DOC_STAT]                  varchar(1),
        [LST_CANCEL_DEP_REFUNDED]   decimal(15, 2),
        [LST_CANCEL_DEP_FORFEIT]    decimal(15, 2),
        [TOT_DEP_RECEIVED]          decimal(15, 2),
        [TOT_DEP_APPLIED]           decimal(15, 2),
        [TOT_DEP_REFUNDED]          decimal(15, 2),
        [TOT_DEP_FORFEIT]           decimal(15, 2),
        [LST_DOC_EDIT_DT]           datetime,
        [LST_DOC_EDIT_USR_ID]       varchar(10),
        [LST_DOC_PRT_DT]            datetime,
        [LST_DOC_PRT_USR_ID]        varchar(10),
        [LST_DOC_PICK_DT]           datetime,
        [LST_DOC_PICK_USR_ID]       varchar(10),
        [LST_DOC_REL_DT]            datetime,
        [LST_DOC_REL_USR_ID]        varchar(10),
        [LST_DOC_INVCD_DT]          datetime,
        [LST_DOC_INVCD_USR_ID]      varchar(10),
        [LST_DOC_PCKVRFD_DT]        datetime,
        [LST_DOC_PCKVRFD_USR_ID]    varchar(10),
        [IS_SUSPENDED]              varchar(1),
        [LST_DOC_SUSPENDED_DT]      datetime,
        [LST_DOC_SUSPENDED_USR_ID]  varchar(10),
        [PREQ_WRKGRP_ID]            varchar(15)
    ) AS p;
