-- PS_DOC_AUDIT_LOG: audit trail of a document (a new order: LOG_SEQ_NO 1, ACTIV 'N', 'Entered a new order'); CpOrders INSERTs it.
-- Source: counterpoint-ddl.md 2.8 (all 18 columns); doc-model 12. LOG_ENTRY is nullable (ddl 5.1; doc-model 12 said NOT NULL).
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_AUDIT_LOG] (
    [DOC_ID]         bigint           NOT NULL,                                                               -- ddl 2.8 T_DOC_ID
    [LOG_SEQ_NO]     int              NOT NULL,                                                               -- ddl 2.8 T_SEQ_NO
    [DOC_TYP]        varchar(1)       NOT NULL,                                                               -- ddl 2.8 T_FLG
    [DOC_GUID]       uniqueidentifier NOT NULL,                                                               -- ddl 2.8 T_GUID; = PS_DOC_HDR.DOC_GUID (doc-model 12)
    [CURR_DT]        datetime         NULL,                                                                   -- ddl 2.8 T_DT
    [CURR_STR_ID]    varchar(10)      NULL,                                                                   -- ddl 2.8 T_COD
    [CURR_STA_ID]    varchar(10)      NULL,                                                                   -- ddl 2.8 T_COD
    [CURR_DRW_ID]    varchar(10)      NULL,                                                                   -- ddl 2.8 T_COD
    [CURR_USR_ID]    varchar(10)      NULL,                                                                   -- ddl 2.8 T_USR_ID
    [CURR_WKSTN_NAM] varchar(128)     NULL CONSTRAINT [DF_PS_DOC_AUDIT_LOG_CURR_WKSTN_NAM] DEFAULT (host_name()),  -- ddl 2.8 T_DB_SYSNAME
    [CURR_SERV_NAM]  varchar(128)     NULL CONSTRAINT [DF_PS_DOC_AUDIT_LOG_CURR_SERV_NAM] DEFAULT (@@servername),  -- ddl 2.8 T_DB_SYSNAME
    [CURR_DB_NAM]    varchar(128)     NULL CONSTRAINT [DF_PS_DOC_AUDIT_LOG_CURR_DB_NAM] DEFAULT (db_name()),  -- ddl 2.8 T_DB_SYSNAME
    [ACTIV]          varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_AUDIT_LOG_ACTIV] DEFAULT ('N'),          -- ddl 2.8 T_FLG; N new, E edit, A/B purchase request/order (doc-model 3)
    [LINK_STR_ID]    varchar(10)      NULL,                                                                   -- ddl 2.8 T_COD
    [LINK_STA_ID]    varchar(10)      NULL,                                                                   -- ddl 2.8 T_COD
    [LINK_DOC_NO]    varchar(15)      NULL,                                                                   -- ddl 2.8 T_DOC_NO
    [LINK_DOC_GUID]  uniqueidentifier NULL,                                                                   -- ddl 2.8 T_GUID
    [LOG_ENTRY]      varchar(250)     NULL,                                                                   -- ddl 2.8 T_SHORT_NOTE; nullable per ddl 5.1 (doc-model 12 said NOT NULL)
    CONSTRAINT [PK_PS_DOC_AUDIT_LOG] PRIMARY KEY CLUSTERED ([DOC_ID], [LOG_SEQ_NO]),                          -- ddl 2.8 PK(DOC_ID, LOG_SEQ_NO)
    CONSTRAINT [FK_PS_DOC_AUDIT_LOG_PS_DOC_HDR] FOREIGN KEY ([DOC_ID]) REFERENCES [dbo].[PS_DOC_HDR] ([DOC_ID])  -- ddl 2.8 name; column DOC_ID [infer from name]
);
