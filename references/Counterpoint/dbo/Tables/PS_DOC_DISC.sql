-- PS_DOC_DISC: document discounts (header when LIN_SEQ_NO is NULL, else line); Rapid applies web discounts here once (doc-model 5).
-- Source: doc-model 5 [obs DB, AP] (column list, key, DISC_PCT decimal(9,3), DISC_ID bigint); not in counterpoint-ddl.md.
-- Uncertain: other types by Counterpoint's domain pattern [infer]; nullability unknown except LIN_SEQ_NO (NULL = header discount).
CREATE TABLE [dbo].[PS_DOC_DISC] (
    [DOC_ID]           bigint           NOT NULL,                                -- doc-model 5 [obs]; T_DOC_ID [infer]; key
    [DISC_SEQ_NO]      int              NOT NULL,                                -- doc-model 5 [obs]; key with DOC_ID; int T_SEQ_NO [infer]
    [LIN_SEQ_NO]       int              NULL,                                    -- doc-model 5 [obs]: NULL = header discount; int T_SEQ_NO [infer]
    [DISC_ID]          bigint           NOT NULL,                                -- doc-model 5 [obs] bigint; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [APPLY_TO]         varchar(1)       NOT NULL,                                -- doc-model 5 [obs] 'H'/'L'; varchar(1) T_FLG [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DISC_TYP]         varchar(1)       NOT NULL,                                -- doc-model 5 [obs] 'A'; varchar(1) T_FLG [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DISC_AMT]         decimal(15,2)    NOT NULL,                                -- doc-model 5 [obs]; T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DISC_PCT]         decimal(9,3)     NOT NULL,                                -- doc-model 5 [obs] decimal(9,3); nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DISC_AMT_SHIPPED] decimal(15,2)    NOT NULL,                                -- doc-model 5 [obs]; T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    CONSTRAINT [PK_PS_DOC_DISC] PRIMARY KEY CLUSTERED ([DOC_ID], [DISC_SEQ_NO])  -- doc-model 5 [obs DB]: PK (DOC_ID, DISC_SEQ_NO)
);
