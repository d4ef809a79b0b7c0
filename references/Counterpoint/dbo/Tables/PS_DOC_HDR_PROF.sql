-- PS_DOC_HDR_PROF: document profile fields (enabled by PS_STR_CFG_PS.USE_PROF_*); NCR's example puts the shipping method in PROF_ALPHA_1.
-- Source: doc-model 14 [doc G-POST, RAPI, G-STR] (names only). No catalog definition; no key known (none declared).
-- Uncertain: types and nullability follow the identically named, nullable, default-less PROF_* columns of IM_ITEM and AR_CUST (ddl 4.2/4.3);
-- declaring 20 profile fields NOT NULL would force bogus values (dates) into Counterpoint, so they stay nullable [infer].
CREATE TABLE [dbo].[PS_DOC_HDR_PROF] (
    [DOC_ID]       bigint           NOT NULL,  -- doc-model 14; T_DOC_ID parent key [infer]
    [PROF_ALPHA_1] varchar(30)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_ALPHA_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_ALPHA_2] varchar(30)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_ALPHA_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_ALPHA_3] varchar(30)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_ALPHA_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_ALPHA_4] varchar(30)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_ALPHA_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_ALPHA_5] varchar(30)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_ALPHA_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_COD_1]   varchar(10)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_COD_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_COD_2]   varchar(10)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_COD_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_COD_3]   varchar(10)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_COD_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_COD_4]   varchar(10)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_COD_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_COD_5]   varchar(10)      NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_COD_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_DAT_1]   datetime         NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_DAT_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_DAT_2]   datetime         NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_DAT_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_DAT_3]   datetime         NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_DAT_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_DAT_4]   datetime         NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_DAT_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_DAT_5]   datetime         NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_DAT_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_NO_1]    decimal(15,4)    NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_NO_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_NO_2]    decimal(15,4)    NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_NO_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_NO_3]    decimal(15,4)    NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_NO_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_NO_4]    decimal(15,4)    NULL,      -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_NO_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
    [PROF_NO_5]    decimal(15,4)    NULL       -- doc-model 14 [doc G-POST, RAPI]; type and NULL as PROF_NO_n of IM_ITEM/AR_CUST (ddl 4.2, 4.3) [infer]
);
