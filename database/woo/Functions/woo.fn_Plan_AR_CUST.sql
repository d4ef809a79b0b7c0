-- The AR_CUST rows of a document plan (wooclr.PlanOrderDocument's "AR_CUST" array, the new customer (only when the order makes one)), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- AR_CUST: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_AR_CUST] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[CUST_NO], p.[NAM], p.[NAM_UPR], p.[FST_NAM], p.[FST_NAM_UPR], p.[LST_NAM], p.[LST_NAM_UPR], p.[CUST_TYP], p.[ADRS_1], p.[ADRS_2], p.[CITY], p.[STATE], p.[ZIP_COD], p.[CNTRY], p.[PHONE_1], p.[EMAIL_ADRS_1], p.[PROMPT_NAM_ADRS], p.[SLS_REP], p.[CATEG_COD], p.[SHIP_VIA_COD], p.[SHIP_ZONE_COD], p.[STR_ID], p.[STMNT_COD], p.[TAX_COD], p.[TERMS_COD], p.[ALLOW_AR_CHRG], p.[ALLOW_TKTS], p.[NO_CR_LIM], p.[CR_LIM], p.[BAL_METH], p.[AR_ACCT_NO], p.[ALLOW_ORDS], p.[ALLOW_LWYS], p.[IS_ECOMM_CUST], p.[CUST_NAM_TYP], p.[INCLUDE_IN_MARKETING_MAILOUTS], p.[EMAIL_STATEMENT], p.[LST_MAINT_DT], p.[LST_MAINT_USR_ID]
    FROM OPENJSON(@Plan, N'$.AR_CUST')
    WITH (
        [CUST_NO]                        varchar(15),
        [NAM]                            varchar(40),
        [NAM_UPR]                        varchar(40),
        [FST_NAM]                        varchar(15),
        [FST_NAM_UPR]                    varchar(15),
        [LST_NAM]                        varchar(25),
        [LST_NAM_UPR]                    varchar(25),
        [CUST_TYP]                       varchar(1),
        [ADRS_1]                         varchar(40),
        [ADRS_2]                         varchar(40),
        [CITY]                           varchar(20),
        [STATE]                          varchar(10),
        [ZIP_COD]                        varchar(15),
        [CNTRY]                          varchar(20),
        [PHONE_1]                        varchar(25),
        [EMAIL_ADRS_1]                   varchar(50),
        [PROMPT_NAM_ADRS]                varchar(1),
        [SLS_REP]                        varchar(10),
        [CATEG_COD]                      varchar(10),
        [SHIP_VIA_COD]                   varchar(10),
        [SHIP_ZONE_COD]                  varchar(10),
        [STR_ID]                         varchar(10),
        [STMNT_COD]                      varchar(10),
        [TAX_COD]                        varchar(10),
        [TERMS_COD]                      varchar(10),
        [ALLOW_AR_CHRG]                  varchar(1),
        [ALLOW_TKTS]                     varchar(1),
        [NO_CR_LIM]                      varchar(1),
        [CR_LIM]                         decimal(15, 2),
        [BAL_METH]                       varchar(1),
        [AR_ACCT_NO]                     varchar(20),
        [ALLOW_ORDS]                     varchar(1),
        [ALLOW_LWYS]                     varchar(1),
        [IS_ECOMM_CUST]                  varchar(1),
        [CUST_NAM_TYP]                   varchar(1),
        [INCLUDE_IN_MARKETING_MAILOUTS]  varchar(1),
        [EMAIL_STATEMENT]                varchar(1),
        [LST_MAINT_DT]                   datetime,
        [LST_MAINT_USR_ID]               varchar(10)
    ) AS p;
