-- PS_DOC_AUDIT_LOG_TOT: totals snapshot per audit-log entry and TOT_TYP (reports compute booked sales from it); CpOrders INSERTs it.
-- Source: counterpoint-ddl.md 3.4 [sample G-GET; types infer: money columns as PS_DOC_HDR_TOT's T_MONEY]; doc-model 12. No catalog definition.
-- Uncertain: types, NOT NULL set (unknown: all declared NOT NULL) and key (PK (DOC_ID, LOG_SEQ_NO, TOT_TYP) presumed, ddl 3.4).
CREATE TABLE [dbo].[PS_DOC_AUDIT_LOG_TOT] (
    [DOC_ID]         bigint           NOT NULL,                                                     -- ddl 3.4 T_DOC_ID [infer]
    [LOG_SEQ_NO]     int              NOT NULL,                                                     -- ddl 3.4 T_SEQ_NO [infer]; = PS_DOC_AUDIT_LOG.LOG_SEQ_NO
    [TOT_TYP]        varchar(1)       NOT NULL,                                                     -- ddl 3.4 T_FLG [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TOT_GFC_AMT]    decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [LINS]           int              NOT NULL,                                                     -- ddl 3.4 T_INT [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [SUB_TOT]        decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TOT_MISC]       decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [NORM_TAX_AMT]   decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TAX_AMT]        decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TOT_EXT_COST]   decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TOT_TND]        decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TOT_CHNG]       decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [AMT_DUE]        decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TOT_SVC_AMT]    decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DEP_NET_CHANGE] decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TOT]            decimal(15,2)    NOT NULL,                                                     -- ddl 3.4 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    CONSTRAINT [PK_PS_DOC_AUDIT_LOG_TOT] PRIMARY KEY CLUSTERED ([DOC_ID], [LOG_SEQ_NO], [TOT_TYP])  -- ddl 3.4: presumed key
);
