-- PS_DOC_PMT: payments / deposits of a document (not PS_DOC_PAY); CpOrders INSERTs them when a deposit is recorded.
-- Source: counterpoint-ddl.md 2.5 (all 35 columns); doc-model 7.1. SIG_IMG/SIG_IMG_VECTOR are image (T_IMG).
-- Uncertain: newer Counterpoint adds a NOT NULL IS_EBT_FOOD (doc-model 7.1 [doc RAPI]), absent here; the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_PMT] (
    [DOC_ID]                      bigint           NOT NULL,                                                  -- ddl 2.5 T_DOC_ID
    [PMT_SEQ_NO]                  int              NOT NULL,                                                  -- ddl 2.5 T_SEQ_NO
    [CARD_NO]                     varchar(30)      NULL,                                                      -- ddl 2.5 T_CR_CARD_NO
    [PAY_COD_TYP]                 varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_PAY_COD_TYP] DEFAULT ('!'),  -- ddl 2.5 T_FLG; = SY_PAY_COD.PAY_TYP (doc-model 3)
    [AMT]                         decimal(15,2)    NOT NULL,                                                  -- ddl 2.5 T_MONEY
    [STR_ID]                      varchar(10)      NOT NULL,                                                  -- ddl 2.5 T_COD
    [FINAL_PMT]                   varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_FINAL_PMT] DEFAULT ('N'),  -- ddl 2.5 T_BOOL; 'Y' = charge at release, no deposit (doc-model 7.3)
    [STA_ID]                      varchar(10)      NOT NULL,                                                  -- ddl 2.5 T_COD
    [CARD_IS_NEW]                 varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_CARD_IS_NEW] DEFAULT ('N'),  -- ddl 2.5 T_BOOL
    [TKT_NO]                      varchar(15)      NOT NULL,                                                  -- ddl 2.5 T_DOC_NO; the order's own TKT_NO on the order's payment row (doc-model 7.1 [obs])
    [SECURE_ECOMM_TRX]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_SECURE_ECOMM_TRX] DEFAULT ('N'),  -- ddl 2.5 T_BOOL
    [PMT_LIN_TYP]                 varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_PMT_LIN_TYP] DEFAULT ('T'),  -- ddl 2.5 T_FLG; 'T' tender (doc-model 3)
    [PAY_COD]                     varchar(10)      NULL,                                                      -- ddl 2.5 T_COD
    [PAY_DAT]                     datetime         NULL,                                                      -- ddl 2.5 T_DAT
    [DEP_LIN_COPIED_TO_REL_DOC]   varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_DEP_LIN_COPIED_TO_REL_DOC] DEFAULT ('N'),  -- ddl 2.5 T_BOOL
    [HOME_CURNCY_AMT]             decimal(15,2)    NOT NULL,                                                  -- ddl 2.5 T_MONEY
    [EXCH_LOSS]                   decimal(15,2)    NOT NULL,                                                  -- ddl 2.5 T_MONEY
    [SIG_IMG]                     image            NULL,                                                      -- ddl 2.5 T_IMG
    [SWIPED]                      varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_SWIPED] DEFAULT ('N'),  -- ddl 2.5 T_BOOL
    [SIG_IMG_VECTOR]              image            NULL,                                                      -- ddl 2.5 T_IMG
    [EDC_AUTH_COD]                varchar(10)      NULL,                                                      -- ddl 2.5 T_EDC_AUTH_COD
    [DESCR]                       varchar(30)      NULL,                                                      -- ddl 2.5 T_DESCR; = SY_PAY_COD.DESCR (doc-model 7.1 [obs])
    [EDC_AUTH_FLG]                varchar(1)       NOT NULL,                                                  -- ddl 2.5 T_FLG
    [CURNCY_COD]                  varchar(10)      NOT NULL CONSTRAINT [DF_PS_DOC_PMT_CURNCY_COD] DEFAULT ('HOME'),  -- ddl 2.5 T_COD
    [EBT_BAL_REMAIN]              decimal(15,2)    NULL,                                                      -- ddl 2.5 T_MONEY
    [EXCH_RATE_NUMER]             decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_PMT_EXCH_RATE_NUMER] DEFAULT ((1)),  -- ddl 2.5 T_EXCH_RATE
    [EXCH_RATE_DENOM]             decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_PMT_EXCH_RATE_DENOM] DEFAULT ((1)),  -- ddl 2.5 T_EXCH_RATE
    [LOY_PTS_RDM]                 int              NULL,                                                      -- ddl 2.5 T_LOY_PTS
    [SVC_BAL_REMAIN]              decimal(15,2)    NULL,                                                      -- ddl 2.5 T_MONEY
    [SVC_REF_NO]                  varchar(10)      NULL,                                                      -- ddl 2.5 T_SVC_REF_NO
    [EDC_AUTH_RESP]               varchar(80)      NULL,                                                      -- ddl 2.5 T_EDC_AUTH_RESP
    [ROUND_GAIN_LOSS]             decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_PMT_ROUND_GAIN_LOSS] DEFAULT ((0.00)),  -- ddl 2.5 T_MONEY
    [HOME_CURNCY_ROUND_GAIN_LOSS] decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_PMT_HOME_CURNCY_ROUND_GAIN_LOSS] DEFAULT ((0.00)),  -- ddl 2.5 T_MONEY
    [TIP_AMT]                     decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_PMT_TIP_AMT] DEFAULT ((0.00)),  -- ddl 2.5 T_MONEY
    [GFC_AUTHED]                  varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_PMT_GFC_AUTHED] DEFAULT ('N'),  -- ddl 2.5 T_BOOL
    CONSTRAINT [PK_PS_DOC_PMT] PRIMARY KEY CLUSTERED ([DOC_ID], [PMT_SEQ_NO]),                                -- ddl 2.5 PK(DOC_ID, PMT_SEQ_NO)
    CONSTRAINT [FK_PS_DOC_PMT_PS_DOC_HDR] FOREIGN KEY ([DOC_ID]) REFERENCES [dbo].[PS_DOC_HDR] ([DOC_ID])     -- ddl 2.5 name; column DOC_ID [infer from name]
);
