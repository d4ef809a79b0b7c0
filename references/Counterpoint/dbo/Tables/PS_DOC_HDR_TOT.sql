-- PS_DOC_HDR_TOT: document totals, one row per TOT_TYP (an order has 'O', 'R', 'V'); CpOrders INSERTs them.
-- Source: counterpoint-ddl.md 2.3 (all 24 columns); doc-model 5; seed 1.3. LINS nullable, TOT_GFC_AMT/TOT_SVC_AMT/TOT_EXT_COST nullable (ddl 5.5).
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_HDR_TOT] (
    [DOC_ID]               bigint           NOT NULL,                                                        -- ddl 2.3 T_DOC_ID
    [TOT_TYP]              varchar(1)       NOT NULL,                                                        -- ddl 2.3 T_FLG; 'O' order totals, 'R' to release, 'V' to leave (doc-model 5)
    [INITIAL_MIN_DUE]      decimal(15,2)    NOT NULL,                                                        -- ddl 2.3 T_MONEY; meaning inferred: minimum initial deposit (doc-model 5 [infer])
    [HAS_TAX_OVRD]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_HAS_TAX_OVRD] DEFAULT ('!'),  -- ddl 2.3 T_FLG
    [TAX_AMT_SHIPPED]      decimal(15,2)    NOT NULL,                                                        -- ddl 2.3 T_MONEY
    [LINS]                 int              NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_LINS] DEFAULT ((0)),          -- ddl 2.3 T_INT; nullable per ddl 5.5 (doc-model 5 implied NOT NULL)
    [TOT_GFC_AMT]          decimal(15,2)    NULL,                                                            -- ddl 2.3 T_MONEY
    [TOT_SVC_AMT]          decimal(15,2)    NULL,                                                            -- ddl 2.3 T_MONEY
    [SUB_TOT]              decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_SUB_TOT] DEFAULT ((0)),   -- ddl 2.3 T_MONEY
    [TAX_OVRD_LINS]        int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_TAX_OVRD_LINS] DEFAULT ((0)),  -- ddl 2.3 T_INT
    [TOT_EXT_COST]         decimal(15,2)    NULL,                                                            -- ddl 2.3 T_MONEY
    [TOT_MISC]             decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_TOT_MISC] DEFAULT ((0)),  -- ddl 2.3 T_MONEY; misc charges incl. shipping (doc-model 10)
    [TAX_AMT]              decimal(15,2)    NOT NULL,                                                        -- ddl 2.3 T_MONEY
    [NORM_TAX_AMT]         decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_NORM_TAX_AMT] DEFAULT ((0)),  -- ddl 2.3 T_MONEY
    [TOT_TND]              decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_TOT_TND] DEFAULT ((0)),   -- ddl 2.3 T_MONEY
    [TOT_CHNG]             decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_TOT_CHNG] DEFAULT ((0)),  -- ddl 2.3 T_MONEY
    [TOT_WEIGHT]           money            NOT NULL,                                                        -- ddl 2.3 T_DEC4
    [TOT_CUBE]             money            NOT NULL,                                                        -- ddl 2.3 T_DEC4
    [TOT]                  decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_TOT] DEFAULT ((0)),       -- ddl 2.3 T_MONEY
    [AMT_DUE]              decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_AMT_DUE] DEFAULT ((0)),   -- ddl 2.3 T_MONEY
    [TOT_HDR_DISC]         decimal(15,2)    NOT NULL,                                                        -- ddl 2.3 T_MONEY
    [TOT_LIN_DISC]         decimal(15,2)    NOT NULL,                                                        -- ddl 2.3 T_MONEY
    [TOT_HDR_DISCNTBL_AMT] decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_TOT_HDR_DISCNTBL_AMT] DEFAULT ((0)),  -- ddl 2.3 T_MONEY
    [TOT_TIP_AMT]          decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TOT_TOT_TIP_AMT] DEFAULT ((0)),  -- ddl 2.3 T_MONEY
    CONSTRAINT [PK_PS_DOC_HDR_TOT] PRIMARY KEY CLUSTERED ([DOC_ID], [TOT_TYP]),                              -- ddl 2.3 PK(DOC_ID, TOT_TYP)
    CONSTRAINT [FK_PS_DOC_HDR_TOT_PS_DOC_HDR] FOREIGN KEY ([DOC_ID]) REFERENCES [dbo].[PS_DOC_HDR] ([DOC_ID])  -- ddl 2.3 name; column DOC_ID [infer from name]
);
