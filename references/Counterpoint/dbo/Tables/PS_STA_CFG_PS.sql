-- PS_STA_CFG_PS: station configuration, incl. station-level next numbers (design 6: order numbers from the station, under lock).
-- Source: counterpoint-ddl.md 4.5 (all 58 columns); doc-model 2.3, 16.
-- Uncertain: PK_PS_STA_CFG_PS key columns not recovered; (STR_ID, STA_ID) presumed. The customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_STA_CFG_PS] (
    [STR_ID]                   varchar(10)      NOT NULL,                      -- ddl 4.5
    [STA_ID]                   varchar(10)      NOT NULL,                      -- ddl 4.5
    [USE_DFLT_CUST]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_USE_DFLT_CUST] DEFAULT ('N'),  -- ddl 4.5
    [DFLT_LIN_MOD]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_DFLT_LIN_MOD] DEFAULT ('S'),  -- ddl 4.5
    [BEG_TKT_AT]               varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_BEG_TKT_AT] DEFAULT ('C'),  -- ddl 4.5
    [BEG_LIN_AT]               varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_BEG_LIN_AT] DEFAULT ('I'),  -- ddl 4.5
    [DFLT_ENT_MOD]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_DFLT_ENT_MOD] DEFAULT ('N'),  -- ddl 4.5
    [DFLT_TND_PAY_COD]         varchar(10)      NULL,                          -- ddl 4.5; station default tender (doc-model 7.2, 16)
    [DFLT_CHNG_PAY_COD]        varchar(10)      NULL,                          -- ddl 4.5
    [DFLT_RFND_PAY_COD]        varchar(10)      NULL,                          -- ddl 4.5
    [TOUCH_SCRN_COD]           varchar(10)      NULL,                          -- ddl 4.5
    [NXT_TKT_NO]               varchar(15)      NULL,                          -- ddl 4.5
    [NXT_TKT_NO_AUTO]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_NXT_TKT_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [NXT_HOLD_NO]              varchar(15)      NULL,                          -- ddl 4.5
    [NXT_HOLD_NO_AUTO]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_NXT_HOLD_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [NXT_QUOT_NO]              varchar(15)      NULL,                          -- ddl 4.5
    [NXT_QUOT_NO_AUTO]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_NXT_QUOT_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [NXT_ORD_NO]               varchar(15)      NULL,                          -- ddl 4.5; next order number when the station numbers orders (doc-model 2.3; design 6)
    [NXT_ORD_NO_AUTO]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_NXT_ORD_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5; UI 'Always auto assign' (doc-model 2.3)
    [SERV_NAM_1]               varchar(100)     NULL,                          -- ddl 4.5
    [SERV_NAM_2]               varchar(100)     NULL,                          -- ddl 4.5
    [FRM_TYP]                  varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_FRM_TYP] DEFAULT ('B'),  -- ddl 4.5
    [USE_ALL_FRM_GRPS]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_USE_ALL_FRM_GRPS] DEFAULT ('Y'),  -- ddl 4.5
    [SHOW_ITEM_IMG]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_SHOW_ITEM_IMG] DEFAULT ('N'),  -- ddl 4.5
    [SHOW_CUST_IMG]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_SHOW_CUST_IMG] DEFAULT ('N'),  -- ddl 4.5
    [USE_CONSOL_LINS]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_USE_CONSOL_LINS] DEFAULT ('N'),  -- ddl 4.5
    [SIG_CAP_AFTER_PRT]        varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_SIG_CAP_AFTER_PRT] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_TKT_NO]       varchar(15)      NULL,                          -- ddl 4.5
    [OFFLINE_NXT_HOLD_NO]      varchar(15)      NULL,                          -- ddl 4.5
    [OFFLINE_NXT_QUOT_NO]      varchar(15)      NULL,                          -- ddl 4.5
    [OFFLINE_NXT_ORD_NO]       varchar(15)      NULL,                          -- ddl 4.5; offline counter, e.g. 'M-700000' (doc-model 2.3)
    [OFFLINE_NXT_TKT_NO_AUTO]  varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_TKT_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_HOLD_NO_AUTO] varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_HOLD_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_QUOT_NO_AUTO] varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_QUOT_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_ORD_NO_AUTO]  varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_ORD_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_GFC_NO]       varchar(30)      NULL,                          -- ddl 4.5
    [OFFLINE_NXT_STC_NO]       varchar(30)      NULL,                          -- ddl 4.5
    [OFFLINE_NXT_GFC_NO_AUTO]  varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_GFC_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_STC_NO_AUTO]  varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_STC_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_CUST_NO]      varchar(15)      NULL,                          -- ddl 4.5
    [OFFLINE_NXT_CUST_NO_AUTO] varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_CUST_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [NXT_LWY_NO]               varchar(15)      NULL,                          -- ddl 4.5
    [NXT_LWY_NO_AUTO]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_NXT_LWY_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [OFFLINE_NXT_LWY_NO]       varchar(15)      NULL,                          -- ddl 4.5
    [OFFLINE_NXT_LWY_NO_AUTO]  varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_OFFLINE_NXT_LWY_NO_AUTO] DEFAULT ('N'),  -- ddl 4.5
    [SHOW_RDM_LOY_PTS_MSG]     varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_SHOW_RDM_LOY_PTS_MSG] DEFAULT ('N'),  -- ddl 4.5
    [USE_TND_PAY_COD_FOR_CHNG] varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_USE_TND_PAY_COD_FOR_CHNG] DEFAULT ('N'),  -- ddl 4.5
    [LST_MAINT_DT]             datetime         NULL,                          -- ddl 4.5
    [LST_MAINT_USR_ID]         varchar(10)      NULL,                          -- ddl 4.5
    [LST_LCK_DT]               datetime         NULL,                          -- ddl 4.5
    [ROW_TS]                   timestamp        NULL,                          -- ddl 4.5; rowversion: never INSERT/UPDATE it
    [PS_HDR_CUST_FLD_FRM_ID]   bigint           NULL,                          -- ddl 4.5
    [PS_PMT_CUST_FLD_FRM_ID]   bigint           NULL,                          -- ddl 4.5
    [RS_UTC_DT]                datetime         NULL CONSTRAINT [DF_PS_STA_CFG_PS_RS_UTC_DT] DEFAULT (getutcdate()),  -- ddl 4.5
    [RS_STAT]                  tinyint          NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_RS_STAT] DEFAULT ((1)),  -- ddl 4.5
    [ALLOW_TIP]                varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_ALLOW_TIP] DEFAULT ('Y'),  -- ddl 4.5
    [ALLOW_VIEW_TIP]           varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_ALLOW_VIEW_TIP] DEFAULT ('Y'),  -- ddl 4.5
    [SHOW_AMT_CONF_MSG]        varchar(1)       NOT NULL CONSTRAINT [DF_PS_STA_CFG_PS_SHOW_AMT_CONF_MSG] DEFAULT ('Y'),  -- ddl 4.5
    CONSTRAINT [PK_PS_STA_CFG_PS] PRIMARY KEY CLUSTERED ([STR_ID], [STA_ID]),  -- ddl 4.5 PK_PS_STA_CFG_PS; key columns presumed
    CONSTRAINT [FK_PS_STA_CFG_PS_PS_STA] FOREIGN KEY ([STR_ID], [STA_ID]) REFERENCES [dbo].[PS_STA] ([STR_ID], [STA_ID])  -- ddl 4.5 name; columns [infer from name]
);
