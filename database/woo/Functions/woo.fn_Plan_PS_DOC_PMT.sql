-- The PS_DOC_PMT rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_PMT" array; payments, issue 15), typed with Counterpoint's
-- column types. The ONE list of the columns CpOrders writes to PS_DOC_PMT: woo.usp_WriteOrderDocument inserts from it, the dry
-- run shows it, woo.usp_CheckCounterpointSchema compares it with the live table, and tests/CpOrders.Build.Tests (PlanWriterTests)
-- prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_PMT] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[PMT_SEQ_NO], p.[PAY_COD_TYP], p.[AMT], p.[STR_ID], p.[FINAL_PMT], p.[STA_ID], p.[CARD_IS_NEW], p.[TKT_NO], p.[SECURE_ECOMM_TRX], p.[PMT_LIN_TYP], p.[PAY_COD], p.[PAY_DAT], p.[DEP_LIN_COPIED_TO_REL_DOC], p.[HOME_CURNCY_AMT], p.[EXCH_LOSS], p.[SWIPED], p.[DESCR], p.[EDC_AUTH_FLG], p.[CURNCY_COD], p.[EXCH_RATE_NUMER], p.[EXCH_RATE_DENOM], p.[ROUND_GAIN_LOSS], p.[HOME_CURNCY_ROUND_GAIN_LOSS], p.[TIP_AMT], p.[GFC_AUTHED]
    FROM OPENJSON(@Plan, N'$.PS_DOC_PMT')
    WITH (
        [DOC_ID]                      bigint,
        [PMT_SEQ_NO]                  int,
        [PAY_COD_TYP]                 varchar(1),
        [AMT]                         decimal(15, 2),
        [STR_ID]                      varchar(10),
        [FINAL_PMT]                   varchar(1),
        [STA_ID]                      varchar(10),
        [CARD_IS_NEW]                 varchar(1),
        [TKT_NO]                      varchar(15),
        [SECURE_ECOMM_TRX]            varchar(1),
        [PMT_LIN_TYP]                 varchar(1),
        [PAY_COD]                     varchar(10),
        [PAY_DAT]                     datetime,
        [DEP_LIN_COPIED_TO_REL_DOC]   varchar(1),
        [HOME_CURNCY_AMT]             decimal(15, 2),
        [EXCH_LOSS]                   decimal(15, 2),
        [SWIPED]                      varchar(1),
        [DESCR]                       varchar(30),
        [EDC_AUTH_FLG]                varchar(1),
        [CURNCY_COD]                  varchar(10),
        [EXCH_RATE_NUMER]             decimal(15, 4),
        [EXCH_RATE_DENOM]             decimal(15, 4),
        [ROUND_GAIN_LOSS]             decimal(15, 2),
        [HOME_CURNCY_ROUND_GAIN_LOSS] decimal(15, 2),
        [TIP_AMT]                     decimal(15, 2),
        [GFC_AUTHED]                  varchar(1)
    ) AS p;
