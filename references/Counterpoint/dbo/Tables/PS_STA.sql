-- PS_STA: stations; CpOrders reads STA_NO for the DOC_ID layout (fnGenDocId: station number mod 100, 2 digits).
-- Source: doc-model 2.1, 4, 16 [obs DB: station '1' STA_NO 1; G-STA]. Not in counterpoint-ddl.md.
-- Uncertain: PK (STR_ID, STA_ID) inferred: FK_PS_DOC_HDR_PS_STA (ddl 2.1) references PS_STA(STR_ID, STA_ID) (doc-model 4 [obs]); STA_NO nullability.
CREATE TABLE [dbo].[PS_STA] (
    [STR_ID] varchar(10)      NOT NULL,                                -- doc-model 4, 16; T_COD width as PS_DOC_HDR.STR_ID (ddl 2.1) [infer]; key
    [STA_ID] varchar(10)      NOT NULL,                                -- doc-model 4, 16; T_COD width as PS_DOC_HDR.STA_ID (ddl 2.1) [infer]; key
    [STA_NO] smallint         NOT NULL,                                -- doc-model 2.1, 16 [obs] smallint; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    CONSTRAINT [PK_PS_STA] PRIMARY KEY CLUSTERED ([STR_ID], [STA_ID])  -- [infer]: referenced by FK_PS_DOC_HDR_PS_STA (ddl 2.1, doc-model 4)
);
