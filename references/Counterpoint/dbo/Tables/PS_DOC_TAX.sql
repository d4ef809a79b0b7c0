-- PS_DOC_TAX: tax per authority and rule of the document's tax code (orders use TAX_DOC_PART 'O'); CpOrders INSERTs them.
-- Source: counterpoint-ddl.md 2.6 (all 20 columns); doc-model 9.
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_TAX] (
    [DOC_ID]              bigint           NOT NULL,                                                        -- ddl 2.6 T_DOC_ID
    [AUTH_COD]            varchar(10)      NOT NULL,                                                        -- ddl 2.6 T_COD
    [RUL_COD]             varchar(10)      NOT NULL,                                                        -- ddl 2.6 T_COD
    [TAX_DOC_PART]        varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_TAX_TAX_DOC_PART] DEFAULT ('S'),  -- ddl 2.6 T_FLG; 'O' on orders, 'S' tickets, 'L' layaways (doc-model 3)
    [LIN_AMT]             decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_LIN_AMT]        decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_MISC_CHG_AMT_1] decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY; taxable part of misc charge n (doc-model 9/10 [infer])
    [TXBL_MISC_CHG_AMT_2] decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_MISC_CHG_AMT_3] decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_MISC_CHG_AMT_4] decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_MISC_CHG_AMT_5] decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_GFC_AMT]        decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_SVC_AMT]        decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_TAX_AMT]        decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TXBL_QTY]            decimal(15,4)    NULL,                                                            -- ddl 2.6 T_QTY
    [TAX_AMT]             decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [NORM_TAX_AMT]        decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    [TAX_AMT_EXACT]       decimal(15,4)    NULL,                                                            -- ddl 2.6 T_TAX_AMT_EXACT
    [NORM_TAX_AMT_EXACT]  decimal(15,4)    NULL,                                                            -- ddl 2.6 T_TAX_AMT_EXACT
    [TOT_TXBL_AMT]        decimal(15,2)    NULL,                                                            -- ddl 2.6 T_MONEY
    CONSTRAINT [PK_PS_DOC_TAX] PRIMARY KEY CLUSTERED ([DOC_ID], [AUTH_COD], [RUL_COD], [TAX_DOC_PART]),     -- ddl 2.6 PK(DOC_ID, AUTH_COD, RUL_COD, TAX_DOC_PART)
    CONSTRAINT [FK_PS_DOC_TAX_PS_DOC_HDR] FOREIGN KEY ([DOC_ID]) REFERENCES [dbo].[PS_DOC_HDR] ([DOC_ID])   -- ddl 2.6 name; column DOC_ID [infer from name]
);
