-- PS_DOC_HDR: document header, one row per open document (an order is DOC_TYP 'O', TKT_TYP 'T'); CpOrders INSERTs it.
-- Source: counterpoint-ddl.md 2.1 (all 66 columns, Counterpoint's own catalog, ~2016 build); doc-model 4; seed 1.2, 1.9.
-- No IDENTITY, no computed columns; totals live in PS_DOC_HDR_TOT. FK_PS_DOC_HDR_PS_STA name from ddl 2.1, columns doc-model 4 [obs].
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_HDR] (
    [DOC_ID]                 bigint           NOT NULL,                                                       -- ddl 2.1 T_DOC_ID; not IDENTITY: composed with fnGenDocId's layout (doc-model 2.1)
    [STR_ID]                 varchar(10)      NOT NULL,                                                       -- ddl 2.1 T_COD
    [STA_ID]                 varchar(10)      NOT NULL,                                                       -- ddl 2.1 T_COD
    [TKT_NO]                 varchar(15)      NOT NULL,                                                       -- ddl 2.1 T_DOC_NO; order number of a DOC_TYP 'O' document (doc-model 2.3)
    [DOC_TYP]                varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_TYP] DEFAULT ('T'),      -- ddl 2.1 T_FLG; 'O' order (doc-model 3)
    [SAL_LINS]               int              NULL CONSTRAINT [DF_PS_DOC_HDR_SAL_LINS] DEFAULT ((0)),         -- ddl 2.1 T_INT
    [ORD_LINS]               int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_ORD_LINS] DEFAULT ((0)),     -- ddl 2.1 T_INT; number of LIN_TYP 'O' lines (doc-model 1.3 [doc T-ORD])
    [SAL_LIN_TOT]            decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_SAL_LIN_TOT] DEFAULT ((0)),  -- ddl 2.1 T_MONEY
    [GFC_LINS]               int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_GFC_LINS] DEFAULT ((0)),     -- ddl 2.1 T_INT
    [BO_LINS]                int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_BO_LINS] DEFAULT ((0)),      -- ddl 2.1 T_INT
    [SO_LINS]                int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_SO_LINS] DEFAULT ((0)),      -- ddl 2.1 T_INT
    [DRW_ID]                 varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [DRW_SESSION_ID]         bigint           NULL,                                                           -- ddl 2.1 T_DOC_ID; NULL on native orders (doc-model 4 [obs])
    [CUST_NO]                varchar(15)      NULL,                                                           -- ddl 2.1 T_CUST_NO
    [RET_LINS]               int              NULL CONSTRAINT [DF_PS_DOC_HDR_RET_LINS] DEFAULT ((0)),         -- ddl 2.1 T_INT
    [SHIP_VIA_COD]           varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [RET_LIN_TOT]            decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_RET_LIN_TOT] DEFAULT ((0)),  -- ddl 2.1 T_MONEY
    [SHIP_ZONE_COD]          varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [TAX_COD]                varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [TERMS_COD]              varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [CUST_PO_NO]             varchar(20)      NULL,                                                           -- ddl 2.1 T_CUST_PO_NO
    [TKT_TYP]                varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TKT_TYP] DEFAULT ('T'),      -- ddl 2.1 T_FLG; 'T' on orders too (doc-model 3)
    [USR_ID]                 varchar(10)      NULL,                                                           -- ddl 2.1 T_USR_ID
    [SLS_REP]                varchar(10)      NULL,                                                           -- ddl 2.1 T_USR_ID
    [STK_LOC_ID]             varchar(10)      NULL,                                                           -- ddl 2.1 T_LOC_ID
    [PRC_LOC_ID]             varchar(10)      NULL,                                                           -- ddl 2.1 T_LOC_ID
    [SVC_LINS]               int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_SVC_LINS] DEFAULT ((0)),     -- ddl 2.1 T_INT
    [PFT_CTR]                varchar(20)      NULL,                                                           -- ddl 2.1 T_ACCT_NO
    [VOID_USR_ID]            varchar(10)      NULL,                                                           -- ddl 2.1 T_USR_ID
    [VOID_REAS]              varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [TAX_EXEMPT_NO]          varchar(30)      NULL,                                                           -- ddl 2.1 T_DESCR
    [TAX_OVRD_REAS]          varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [DOC_GUID]               uniqueidentifier NOT NULL,                                                       -- ddl 2.1 T_GUID; random per document (doc-model 2.2)
    [BILL_TO_CONTACT_ID]     tinyint          NULL,                                                           -- ddl 2.1 T_INT_TINY; 1 -> this document's PS_DOC_CONTACT row (doc-model 8)
    [SHIP_TO_CONTACT_ID]     tinyint          NULL,                                                           -- ddl 2.1 T_INT_TINY; 2 -> this document's PS_DOC_CONTACT row (doc-model 8)
    [REQ_REPRICE]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_REQ_REPRICE] DEFAULT ('N'),  -- ddl 2.1 T_BOOL
    [SHIP_DAT]               datetime         NULL,                                                           -- ddl 2.1 T_DAT
    [RS_UTC_DT]              datetime         NULL CONSTRAINT [DF_PS_DOC_HDR_RS_UTC_DT] DEFAULT (getutcdate()),  -- ddl 2.1 T_DT
    [IS_DOC_COMMITTED]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_IS_DOC_COMMITTED] DEFAULT ('N'),  -- ddl 2.1 T_BOOL
    [LST_FRM_GRP_PRTD]       varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [LST_FRM_PRTD]           varchar(100)     NULL,                                                           -- ddl 2.1 T_FILENAME
    [FOOD_STMP_AMT]          decimal(15,2)    NULL CONSTRAINT [DF_PS_DOC_HDR_FOOD_STMP_AMT] DEFAULT ((0)),    -- ddl 2.1 T_MONEY
    [FOOD_STMP_LINS]         int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_FOOD_STMP_LINS] DEFAULT ((0)),  -- ddl 2.1 T_INT
    [FOOD_STMP_TAX_AMT]      decimal(15,2)    NULL CONSTRAINT [DF_PS_DOC_HDR_FOOD_STMP_TAX_AMT] DEFAULT ((0)),  -- ddl 2.1 T_MONEY
    [TIMES_PRTD]             int              NULL CONSTRAINT [DF_PS_DOC_HDR_TIMES_PRTD] DEFAULT ((0)),       -- ddl 2.1 T_INT
    [ERR_REF]                varchar(255)     NULL,                                                           -- ddl 2.1 T_ERR_REF
    [TKT_DT]                 datetime         NULL,                                                           -- ddl 2.1 T_DT; document date-time (seed pitfall 19: keep the time)
    [IS_REL_TKT]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_IS_REL_TKT] DEFAULT ('N'),   -- ddl 2.1 T_BOOL
    [FOOD_STMP_NORM_TAX_AMT] decimal(15,2)    NULL CONSTRAINT [DF_PS_DOC_HDR_FOOD_STMP_NORM_TAX_AMT] DEFAULT ((0)),  -- ddl 2.1 T_MONEY
    [LOY_PGM_COD]            varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [NORM_TAX_COD]           varchar(10)      NULL,                                                           -- ddl 2.1 T_COD
    [DATA_UPGRADE_STAT]      varchar(1)       NULL,                                                           -- ddl 2.1 T_FLG
    [REF]                    varchar(50)      NULL,                                                           -- ddl 2.1 T_REF; web order number (doc-model 2.3 [doc RAPI])
    [HAS_ENTD_LINS]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_HAS_ENTD_LINS] DEFAULT ('Y'),  -- ddl 2.1 T_BOOL; 'Y' on a new order (doc-model 1.3 [doc T-ORD])
    [HAS_PCKD_LINS]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_HAS_PCKD_LINS] DEFAULT ('N'),  -- ddl 2.1 T_BOOL
    [HAS_PCKVRFD_LINS]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_HAS_PCKVRFD_LINS] DEFAULT ('N'),  -- ddl 2.1 T_BOOL
    [HAS_INVCD_LINS]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_HAS_INVCD_LINS] DEFAULT ('N'),  -- ddl 2.1 T_BOOL
    [HAS_RLSD_LINS]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_HAS_RLSD_LINS] DEFAULT ('N'),  -- ddl 2.1 T_BOOL
    [TO_REL_LINS]            int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TO_REL_LINS] DEFAULT ((0)),  -- ddl 2.1 T_INT
    [TO_LEAVE_LINS]          int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_TO_LEAVE_LINS] DEFAULT ((0)),  -- ddl 2.1 T_INT
    [LST_MAINT_DT]           datetime         NULL,                                                           -- ddl 2.1 T_DT
    [LST_MAINT_USR_ID]       varchar(10)      NULL,                                                           -- ddl 2.1 T_USR_ID
    [IS_OFFLINE]             bit              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_IS_OFFLINE] DEFAULT ((0)),   -- ddl 2.1 T_BIT
    [RS_STAT]                tinyint          NOT NULL CONSTRAINT [DF_PS_DOC_HDR_RS_STAT] DEFAULT ((1)),      -- ddl 2.1 T_INT_TINY
    [DS_LINS]                int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DS_LINS] DEFAULT ((0)),      -- ddl 2.1 T_INT
    [LST_LCK_DT]             datetime         NULL,                                                           -- ddl 2.1 T_DT
    CONSTRAINT [PK_PS_DOC_HDR] PRIMARY KEY CLUSTERED ([DOC_ID]),                                              -- ddl 2.1 PK_PS_DOC_HDR(DOC_ID)
    CONSTRAINT [FK_PS_DOC_HDR_PS_STA] FOREIGN KEY ([STR_ID], [STA_ID]) REFERENCES [dbo].[PS_STA] ([STR_ID], [STA_ID])  -- ddl 2.1 name; columns doc-model 4 [obs]
);
