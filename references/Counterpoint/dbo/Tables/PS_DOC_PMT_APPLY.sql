-- PS_DOC_PMT_APPLY: how a payment applies (APPL_TYP 'O' on the order's payment, 'S' on the deposit ticket's); CpOrders INSERTs it with a payment.
-- Source: counterpoint-ddl.md 3.2 [sample G-GET, AP; types infer]; doc-model 7.1, 7.3. No catalog definition.
-- Uncertain: types, nullability and key (PK (DOC_ID, PMT_SEQ_NO, APPL_TYP) presumed, ddl 3.2); an FK to PS_DOC_PMT is only inferred, so none is declared.
CREATE TABLE [dbo].[PS_DOC_PMT_APPLY] (
    [DOC_ID]          bigint           NOT NULL,                                                 -- ddl 3.2 T_DOC_ID
    [PMT_SEQ_NO]      int              NOT NULL,                                                 -- ddl 3.2 T_SEQ_NO
    [APPL_TYP]        varchar(1)       NOT NULL,                                                 -- ddl 3.2 T_FLG [infer]; 'O' order, 'S' sale (doc-model 3); nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [AMT]             decimal(15,2)    NOT NULL,                                                 -- ddl 3.2 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [HOME_CURNCY_AMT] decimal(15,2)    NOT NULL,                                                 -- ddl 3.2 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [EXCH_LOSS]       decimal(15,2)    NOT NULL,                                                 -- ddl 3.2 T_MONEY [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    CONSTRAINT [PK_PS_DOC_PMT_APPLY] PRIMARY KEY CLUSTERED ([DOC_ID], [PMT_SEQ_NO], [APPL_TYP])  -- ddl 3.2: probable key [infer]
);
