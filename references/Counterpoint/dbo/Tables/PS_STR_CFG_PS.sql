-- PS_STR_CFG_PS: store configuration (locations, tax code, numbering, misc charges, deposits, line types); CpOrders reads it
-- and may UPDATE NXT_ORD_NO under lock. Subset of the 331 columns of ddl 4.6: every column doc-model 2.3/7.3/15/16 names,
-- and every NOT NULL column without default (STR_ID, STK_LOC_ID, PRC_LOC_ID, AR_TAX_COD). Source: counterpoint-ddl.md 4.6.
-- Uncertain: PK_PS_STR_CFG_PS key columns not recovered; (STR_ID) presumed. The customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_STR_CFG_PS] (
    [STR_ID]                 varchar(10)      NOT NULL,                                                      -- ddl 4.6; key; NOT NULL without default (ddl 4.8)
    [STK_LOC_ID]             varchar(10)      NOT NULL,                                                      -- ddl 4.6; NOT NULL without default (ddl 4.8); doc-model 16
    [PRC_LOC_ID]             varchar(10)      NOT NULL,                                                      -- ddl 4.6; NOT NULL without default (ddl 4.8); doc-model 16
    [WALK_IN_CUST_NO]        varchar(15)      NULL,                                                          -- ddl 4.6; 'CASH' (doc-model 16)
    [AR_TAX_COD]             varchar(10)      NOT NULL,                                                      -- ddl 4.6; NOT NULL without default (ddl 4.8); default tax code, e.g. 'MEMTN' (doc-model 9, 16)
    [DFLT_TAX_COD_METH]      varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_TAX_COD_METH] DEFAULT ('C'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [TKT_NO_METH]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_TKT_NO_METH] DEFAULT ('S'),  -- ddl 4.6; doc-model 2.3, 16
    [NXT_TKT_NO]             varchar(15)      NULL,                                                          -- ddl 4.6; doc-model 2.3, 16
    [NXT_TKT_NO_AUTO]        varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_NXT_TKT_NO_AUTO] DEFAULT ('N'),  -- ddl 4.6; doc-model 2.3, 16
    [USE_PROF_ALPHA_1]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_ALPHA_1] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_ALPHA_2]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_ALPHA_2] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_ALPHA_3]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_ALPHA_3] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_ALPHA_4]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_ALPHA_4] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_ALPHA_5]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_ALPHA_5] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_COD_1]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_COD_1] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_COD_2]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_COD_2] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_COD_3]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_COD_3] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_COD_4]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_COD_4] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_COD_5]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_COD_5] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_DAT_1]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_DAT_1] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_DAT_2]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_DAT_2] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_DAT_3]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_DAT_3] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_DAT_4]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_DAT_4] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_DAT_5]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_DAT_5] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_NO_1]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_NO_1] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_NO_2]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_NO_2] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_NO_3]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_NO_3] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_NO_4]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_NO_4] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_PROF_NO_5]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_PROF_NO_5] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_MISC_1]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_MISC_1] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_MISC_2]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_MISC_2] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_MISC_3]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_MISC_3] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_MISC_4]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_MISC_4] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_MISC_5]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_MISC_5] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_1_TYP]    varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_1_TYP] DEFAULT ('A'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_1_PCT]    decimal(9,3)     NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_1_PCT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_1_AMT]    decimal(15,2)    NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_1_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_2_TYP]    varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_2_TYP] DEFAULT ('A'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_2_PCT]    decimal(9,3)     NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_2_PCT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_2_AMT]    decimal(15,2)    NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_2_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_3_TYP]    varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_3_TYP] DEFAULT ('A'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_3_PCT]    decimal(9,3)     NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_3_PCT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_3_AMT]    decimal(15,2)    NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_3_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_4_TYP]    varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_4_TYP] DEFAULT ('A'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_4_PCT]    decimal(9,3)     NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_4_PCT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_4_AMT]    decimal(15,2)    NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_4_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_5_TYP]    varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_5_TYP] DEFAULT ('A'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_5_PCT]    decimal(9,3)     NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_5_PCT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [DFLT_ORD_MISC_5_AMT]    decimal(15,2)    NULL CONSTRAINT [DF_PS_STR_CFG_PS_DFLT_ORD_MISC_5_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [HOLD_NO_METH]           varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_HOLD_NO_METH] DEFAULT ('S'),  -- ddl 4.6; doc-model 2.3
    [NXT_HOLD_NO]            varchar(15)      NULL,                                                          -- ddl 4.6; doc-model 2.3
    [NXT_HOLD_NO_AUTO]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_NXT_HOLD_NO_AUTO] DEFAULT ('N'),  -- ddl 4.6; doc-model 2.3
    [QUOT_NO_METH]           varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_QUOT_NO_METH] DEFAULT ('S'),  -- ddl 4.6; doc-model 2.3
    [NXT_QUOT_NO]            varchar(15)      NULL,                                                          -- ddl 4.6; doc-model 2.3
    [NXT_QUOT_NO_AUTO]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_NXT_QUOT_NO_AUTO] DEFAULT ('N'),  -- ddl 4.6; doc-model 2.3
    [NXT_ORD_NO]             varchar(15)      NULL,                                                          -- ddl 4.6; next order number, e.g. '70040' (doc-model 2.3, 16); incremented by fnGetNextDocNumber_EX's rule
    [NXT_ORD_NO_AUTO]        varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_NXT_ORD_NO_AUTO] DEFAULT ('N'),  -- ddl 4.6; doc-model 2.3, 16
    [ORD_NO_METH]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_ORD_NO_METH] DEFAULT ('S'),  -- ddl 4.6; 'S' store numbering (doc-model 2.3, 16)
    [ORD_DEP_RECVD_ACCT_NO]  varchar(20)      NULL,                                                          -- ddl 4.6; deposits-received GL account (doc-model 7.3, 16)
    [ORD_DEP_FORF_ACCT_NO]   varchar(20)      NULL,                                                          -- ddl 4.6; doc-model 7.3, 16
    [USE_ORD_SHIP_TO]        varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_ORD_SHIP_TO] DEFAULT ('N'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_ORD]                varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_ORD] DEFAULT ('Y'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LWY_NO_METH]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LWY_NO_METH] DEFAULT ('S'),  -- ddl 4.6; doc-model 2.3, 16
    [NXT_LWY_NO]             varchar(15)      NULL,                                                          -- ddl 4.6; doc-model 2.3, 16
    [NXT_LWY_NO_AUTO]        varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_NXT_LWY_NO_AUTO] DEFAULT ('N'),  -- ddl 4.6; doc-model 2.3, 16
    [MIN_ORD_DEP_AMT]        decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_MIN_ORD_DEP_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 7.3, 16
    [MIN_BO_DEP_AMT]         decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_MIN_BO_DEP_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 7.3
    [MIN_SO_DEP_AMT]         decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_MIN_SO_DEP_AMT] DEFAULT ((0)),  -- ddl 4.6; doc-model 7.3
    [MIN_ORD_DEP_PCT]        decimal(9,3)     NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_MIN_ORD_DEP_PCT] DEFAULT ((0)),  -- ddl 4.6; e.g. 10 (doc-model 7.3, 16)
    [MIN_BO_DEP_PCT]         decimal(9,3)     NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_MIN_BO_DEP_PCT] DEFAULT ((0)),  -- ddl 4.6; doc-model 7.3
    [MIN_SO_DEP_PCT]         decimal(9,3)     NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_MIN_SO_DEP_PCT] DEFAULT ((0)),  -- ddl 4.6; doc-model 7.3
    [SAL_INSUFF_QTY_LIN_TYP] varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_SAL_INSUFF_QTY_LIN_TYP] DEFAULT ('O'),  -- ddl 4.6; doc-model 15, 16
    [ORD_INSUFF_QTY_LIN_TYP] varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_ORD_INSUFF_QTY_LIN_TYP] DEFAULT ('B'),  -- ddl 4.6; 'B': order line becomes backorder (doc-model 15, 16)
    [LIN_TYP_1]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_1] DEFAULT ('S'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LIN_TYP_2]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_2] DEFAULT ('R'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LIN_TYP_3]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_3] DEFAULT ('O'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LIN_TYP_4]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_4] DEFAULT ('B'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LIN_TYP_5]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_5] DEFAULT ('P'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LIN_TYP_6]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_6] DEFAULT ('L'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [USE_ORD_NO_AS_TKT_NO]   varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_ORD_NO_AS_TKT_NO] DEFAULT ('Y'),  -- ddl 4.6; doc-model 2.3, 16
    [USE_LWY_NO_AS_TKT_NO]   varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_USE_LWY_NO_AS_TKT_NO] DEFAULT ('Y'),  -- ddl 4.6; doc-model 2.3
    [ORD_REL_STATE]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_ORD_REL_STATE] DEFAULT ('U'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LIN_TYP_7]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_7] DEFAULT ('E'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    [LIN_TYP_8]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_STR_CFG_PS_LIN_TYP_8] DEFAULT ('D'),  -- ddl 4.6; doc-model 16 [doc G-STR]
    CONSTRAINT [PK_PS_STR_CFG_PS] PRIMARY KEY CLUSTERED ([STR_ID]),                                          -- ddl 4.6 PK_PS_STR_CFG_PS; key column presumed
    CONSTRAINT [FK_PS_STR_CFG_PS_PS_STR] FOREIGN KEY ([STR_ID]) REFERENCES [dbo].[PS_STR] ([STR_ID])         -- ddl 4.6 name; column STR_ID [infer from name]
);
