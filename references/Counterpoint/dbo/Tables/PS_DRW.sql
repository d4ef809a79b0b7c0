-- PS_DRW: cash drawers of a store (the drawer a deposit ticket is written on).
-- Source: doc-model 16 [obs DB] lists 'PS_DRW / PS_DRW_SESSION (STR_ID, DRW_ID, DRW_SESSION_ID, STAT, OPEN_DT, SESSION_NAM)' jointly;
-- placing STR_ID, DRW_ID here is [infer]. Types as PS_DOC_HDR.STR_ID/DRW_ID (ddl 2.1) [infer]; nullability and key unknown.
CREATE TABLE [dbo].[PS_DRW] (
    [STR_ID] varchar(10)      NOT NULL,   -- doc-model 16; T_COD (ddl 2.1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DRW_ID] varchar(10)      NOT NULL    -- doc-model 16; T_COD (ddl 2.1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
