-- PS_DOC_HDR_DOC_STAT: document status, one row per document (new order: LST_DOC_ACTIV 'N', DOC_STAT 'O'); CpOrders INSERTs it.
-- Source: counterpoint-ddl.md 2.9 (all 26 columns); doc-model 13.
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_HDR_DOC_STAT] (
    [DOC_ID]                   bigint           NOT NULL,                  -- ddl 2.9 T_DOC_ID
    [LST_DOC_ACTIV]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_LST_DOC_ACTIV] DEFAULT ('!'),  -- ddl 2.9 T_FLG; 'N' on a new order (doc-model 13)
    [DOC_AS_TKT_SEQ_NO]        int              NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_DOC_AS_TKT_SEQ_NO] DEFAULT ((0)),  -- ddl 2.9 T_INT
    [DOC_STAT]                 varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_DOC_STAT] DEFAULT ('O'),  -- ddl 2.9 T_FLG
    [LST_CANCEL_DEP_REFUNDED]  decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_LST_CANCEL_DEP_REFUNDED] DEFAULT ((0)),  -- ddl 2.9 T_MONEY
    [LST_CANCEL_DEP_FORFEIT]   decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_LST_CANCEL_DEP_FORFEIT] DEFAULT ((0)),  -- ddl 2.9 T_MONEY
    [TOT_DEP_RECEIVED]         decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_TOT_DEP_RECEIVED] DEFAULT ((0)),  -- ddl 2.9 T_MONEY; = deposit taken with the order (doc-model 7.3, 13)
    [TOT_DEP_APPLIED]          decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_TOT_DEP_APPLIED] DEFAULT ((0)),  -- ddl 2.9 T_MONEY
    [TOT_DEP_REFUNDED]         decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_TOT_DEP_REFUNDED] DEFAULT ((0)),  -- ddl 2.9 T_MONEY
    [TOT_DEP_FORFEIT]          decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_TOT_DEP_FORFEIT] DEFAULT ((0)),  -- ddl 2.9 T_MONEY
    [LST_DOC_EDIT_DT]          datetime         NULL,                      -- ddl 2.9 T_DT
    [LST_DOC_EDIT_USR_ID]      varchar(10)      NULL,                      -- ddl 2.9 T_USR_ID
    [LST_DOC_PRT_DT]           datetime         NULL,                      -- ddl 2.9 T_DT
    [LST_DOC_PRT_USR_ID]       varchar(10)      NULL,                      -- ddl 2.9 T_USR_ID
    [LST_DOC_PICK_DT]          datetime         NULL,                      -- ddl 2.9 T_DT
    [LST_DOC_PICK_USR_ID]      varchar(10)      NULL,                      -- ddl 2.9 T_USR_ID
    [LST_DOC_REL_DT]           datetime         NULL,                      -- ddl 2.9 T_DT
    [LST_DOC_REL_USR_ID]       varchar(10)      NULL,                      -- ddl 2.9 T_USR_ID
    [LST_DOC_INVCD_DT]         datetime         NULL,                      -- ddl 2.9 T_DT
    [LST_DOC_INVCD_USR_ID]     varchar(10)      NULL,                      -- ddl 2.9 T_USR_ID
    [LST_DOC_PCKVRFD_DT]       datetime         NULL,                      -- ddl 2.9 T_DT
    [LST_DOC_PCKVRFD_USR_ID]   varchar(10)      NULL,                      -- ddl 2.9 T_USR_ID
    [IS_SUSPENDED]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_HDR_DOC_STAT_IS_SUSPENDED] DEFAULT ('N'),  -- ddl 2.9 T_BOOL
    [LST_DOC_SUSPENDED_DT]     datetime         NULL,                      -- ddl 2.9 T_DT
    [LST_DOC_SUSPENDED_USR_ID] varchar(10)      NULL,                      -- ddl 2.9 T_USR_ID
    [PREQ_WRKGRP_ID]           varchar(15)      NULL,                      -- ddl 2.9 T_DOC_NO
    CONSTRAINT [PK_PS_DOC_HDR_DOC_STAT] PRIMARY KEY CLUSTERED ([DOC_ID]),  -- ddl 2.9 PK(DOC_ID)
    CONSTRAINT [FK_PS_DOC_HDR_DOC_STAT_PS_DOC_HDR] FOREIGN KEY ([DOC_ID]) REFERENCES [dbo].[PS_DOC_HDR] ([DOC_ID])  -- ddl 2.9 name; column DOC_ID [infer from name]
);
