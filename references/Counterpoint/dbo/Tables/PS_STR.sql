-- PS_STR: stores; CpOrders reads STR_NO for the DOC_ID layout (fnGenDocId: store number mod 10000).
-- Source: doc-model 2.1, 16 [obs DB: MAIN STR_NO 2, EAST 1; G-STR]. Not in counterpoint-ddl.md. Other columns exist (API sample) but no source says an order uses them.
-- Uncertain: PK on STR_ID inferred (target of FK_PS_STR_CFG_PS_PS_STR and of AR_CUST's FK to PS_STR, ddl 4.3/4.6); STR_NO nullability.
CREATE TABLE [dbo].[PS_STR] (
    [STR_ID] varchar(10)      NOT NULL,                      -- doc-model 16; T_COD width as PS_DOC_HDR.STR_ID (ddl 2.1) [infer]; key [infer]
    [STR_NO] smallint         NOT NULL,                      -- doc-model 2.1, 16 [obs] smallint; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    CONSTRAINT [PK_PS_STR] PRIMARY KEY CLUSTERED ([STR_ID])  -- [infer]: referenced by FKs named in ddl 4.3, 4.6
);
