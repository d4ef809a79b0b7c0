-- PS_DOC_HDR_MISC_CHRG: misc charges of a document total (shipping is misc charge N, per site); CpOrders INSERTs them.
-- Source: counterpoint-ddl.md 2.7 (all 9 columns); doc-model 10. FK to PS_DOC_HDR_TOT (ddl 2.7, Counterpoint's own per ddl 5.17):
-- the PS_DOC_HDR_TOT row with the same DOC_ID and TOT_TYP must be written first.
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_HDR_MISC_CHRG] (
    [DOC_ID]                  bigint           NOT NULL,                                               -- ddl 2.7 T_DOC_ID
    [TOT_TYP]                 varchar(1)       NOT NULL,                                               -- ddl 2.7 T_FLG; the document's main total type, 'O' on orders (doc-model 3)
    [MISC_CHRG_NO]            int              NOT NULL,                                               -- ddl 2.7 T_SEQ_NO
    [MISC_TYP]                varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_MISC_CHRG_MISC_TYP] DEFAULT ('N'),  -- ddl 2.7 T_FLG; 'A' amount, 'P' percent (doc-model 3)
    [MISC_AMT]                decimal(15,2)    NOT NULL,                                               -- ddl 2.7 T_MONEY
    [MISC_PCT]                decimal(9,3)     NOT NULL,                                               -- ddl 2.7 T_PCT
    [MISC_AMT_SHIPPED]        decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_MISC_CHRG_MISC_AMT_SHIPPED] DEFAULT ((0)),  -- ddl 2.7 T_MONEY
    [MISC_TAX_AMT_ALLOC]      decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_MISC_CHRG_MISC_TAX_AMT_ALLOC] DEFAULT ((0)),  -- ddl 2.7 T_MONEY
    [MISC_NORM_TAX_AMT_ALLOC] decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_MISC_CHRG_MISC_NORM_TAX_AMT_ALLOC] DEFAULT ((0)),  -- ddl 2.7 T_MONEY
    CONSTRAINT [PK_PS_DOC_HDR_MISC_CHRG] PRIMARY KEY CLUSTERED ([DOC_ID], [TOT_TYP], [MISC_CHRG_NO]),  -- ddl 2.7 PK(DOC_ID, TOT_TYP, MISC_CHRG_NO)
    CONSTRAINT [FK_PS_DOC_HDR_MISC_CHRG_PS_DOC_HDR_TOT] FOREIGN KEY ([DOC_ID], [TOT_TYP]) REFERENCES [dbo].[PS_DOC_HDR_TOT] ([DOC_ID], [TOT_TYP])  -- ddl 2.7; columns (DOC_ID, TOT_TYP) per ddl 2.7 / doc-model 10
);
