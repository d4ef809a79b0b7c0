-- SY_PAY_COD: pay codes (tenders); CpOrders reads the tender it records a deposit with (e.g. a dedicated EC_WOOCOMM code).
-- Source: doc-model 7.2, 16 [doc G-PAY] (names only); counterpoint-ddl.md 4.7 (types follow the domain pattern [infer]). Not in the demo DB; no key known.
-- Uncertain: types (mostly via the PS_DOC_PMT columns these values are copied into, ddl 2.5), nullability (unknown: all NOT NULL), key.
CREATE TABLE [dbo].[SY_PAY_COD] (
    [PAY_COD]            varchar(10)      NOT NULL,  -- doc-model 7.2; T_COD as PS_DOC_PMT.PAY_COD (ddl 2.5) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PAY_TYP]            varchar(1)       NOT NULL,  -- doc-model 7.2; copied to PS_DOC_PMT.PAY_COD_TYP varchar(1) (doc-model 3) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DESCR]              varchar(30)      NOT NULL,  -- doc-model 7.2; T_DESCR, copied to PS_DOC_PMT.DESCR varchar(30) (doc-model 7.1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PAY_COD_ACCT_NO]    varchar(20)      NOT NULL,  -- doc-model 7.2, 16 (GL); T_ACCT_NO (ddl 4.7) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ALLOW_FOR_ORDS]     varchar(1)       NOT NULL,  -- doc-model 7.2, 16; flag (ddl 4.7) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ALLOW_FOR_LWYS]     varchar(1)       NOT NULL,  -- doc-model 7.2; flag (ddl 4.7) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DFLT_DOC_TND_AMT]   varchar(1)       NOT NULL,  -- doc-model 7.2; flag (ddl 4.7) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DFLT_DOC_FINAL_PMT] varchar(1)       NOT NULL,  -- doc-model 7.2; flag (ddl 4.7) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [EDC_AUTH_FLG]       varchar(1)       NOT NULL,  -- doc-model 7.2; as PS_DOC_PMT.EDC_AUTH_FLG varchar(1) (ddl 2.5) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [CURNCY_COD]         varchar(10)      NOT NULL   -- doc-model 7.2; as PS_DOC_PMT.CURNCY_COD varchar(10) (ddl 2.5) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
