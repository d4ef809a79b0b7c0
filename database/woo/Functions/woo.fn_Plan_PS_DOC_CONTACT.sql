-- The PS_DOC_CONTACT rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_CONTACT" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_CONTACT: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_CONTACT] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[CONTACT_ID], p.[NAM], p.[FST_NAM], p.[LST_NAM], p.[SALUTATION], p.[ADRS_1], p.[ADRS_2], p.[ADRS_3], p.[CITY], p.[STATE], p.[ZIP_COD], p.[CNTRY], p.[PHONE_1], p.[PHONE_2], p.[ADRS_ID], p.[NAM_TYP], p.[EMAIL_ADRS_1], p.[EMAIL_ADRS_2], p.[CONTCT_1], p.[CONTCT_2], p.[FAX_1], p.[FAX_2]
    FROM OPENJSON(@Plan, N'$.PS_DOC_CONTACT')
    WITH (
        [DOC_ID]        bigint,
        [CONTACT_ID]    tinyint,
        [NAM]           varchar(40),
        [FST_NAM]       varchar(15),
        [LST_NAM]       varchar(25),
        [SALUTATION]    varchar(10),
        [ADRS_1]        varchar(40),
        [ADRS_2]        varchar(40),
        [ADRS_3]        varchar(40),
        [CITY]          varchar(20),
        [STATE]         varchar(10),
        [ZIP_COD]       varchar(15),
        [CNTRY]         varchar(20),
        [PHONE_1]       varchar(25),
        [PHONE_2]       varchar(25),
        [ADRS_ID]       varchar(10),
        [NAM_TYP]       varchar(1),
        [EMAIL_ADRS_1]  varchar(50),
        [EMAIL_ADRS_2]  varchar(50),
        [CONTCT_1]      varchar(40),
        [CONTCT_2]      varchar(40),
        [FAX_1]         varchar(25),
        [FAX_2]         varchar(25)
    ) AS p;
