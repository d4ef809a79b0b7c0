-- AR_SHIP_ADRS: a customer's ship-to address book (CpOrders reads it for the ship-to contact; no row per web order, seed pitfall 25).
-- Source: counterpoint-ddl.md 4.4 (all 36 columns incl. computed SHIP_FST_LST_NAM and ROW_TS); seed 1.7; doc-model 8.
-- Uncertain: PK_AR_SHIP_ADRS key columns presumed (CUST_NO, SHIP_ADRS_ID) (ddl 4.4). The customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[AR_SHIP_ADRS] (
    [CUST_NO]          varchar(15)      NOT NULL,                                                          -- ddl 4.4
    [SHIP_ADRS_ID]     varchar(10)      NOT NULL CONSTRAINT [DF_AR_SHIP_ADRS_SHIP_ADRS_ID] DEFAULT ('(DEFAULT)'),  -- ddl 4.4; '(DEFAULT)' row is copied into ship-to contact 2 (doc-model 8 [obs]); seed generates '1','2',...
    [NAM]              varchar(40)      NOT NULL,                                                          -- ddl 4.4; NOT NULL without default (ddl 4.8)
    [NAM_UPR]          varchar(40)      NULL,                                                              -- ddl 4.4
    [FST_NAM]          varchar(15)      NULL,                                                              -- ddl 4.4
    [FST_NAM_UPR]      varchar(15)      NULL,                                                              -- ddl 4.4
    [LST_NAM]          varchar(25)      NULL,                                                              -- ddl 4.4
    [LST_NAM_UPR]      varchar(25)      NULL,                                                              -- ddl 4.4
    [SALUTATION]       varchar(10)      NULL,                                                              -- ddl 4.4
    [ADRS_1]           varchar(40)      NULL,                                                              -- ddl 4.4
    [ADRS_2]           varchar(40)      NULL,                                                              -- ddl 4.4
    [ADRS_3]           varchar(40)      NULL,                                                              -- ddl 4.4
    [CITY]             varchar(20)      NULL,                                                              -- ddl 4.4
    [STATE]            varchar(10)      NULL,                                                              -- ddl 4.4
    [ZIP_COD]          varchar(15)      NULL,                                                              -- ddl 4.4
    [CNTRY]            varchar(20)      NULL,                                                              -- ddl 4.4
    [PHONE_1]          varchar(25)      NULL,                                                              -- ddl 4.4
    [PHONE_2]          varchar(25)      NULL,                                                              -- ddl 4.4
    [FAX_1]            varchar(25)      NULL,                                                              -- ddl 4.4
    [FAX_2]            varchar(25)      NULL,                                                              -- ddl 4.4
    [CONTCT_1]         varchar(40)      NULL,                                                              -- ddl 4.4
    [CONTCT_2]         varchar(40)      NULL,                                                              -- ddl 4.4
    [EMAIL_ADRS_1]     varchar(50)      NULL,                                                              -- ddl 4.4
    [EMAIL_ADRS_2]     varchar(50)      NULL,                                                              -- ddl 4.4
    [URL_1]            varchar(100)     NULL,                                                              -- ddl 4.4
    [URL_2]            varchar(100)     NULL,                                                              -- ddl 4.4
    [SHIP_ZONE_COD]    varchar(10)      NULL,                                                              -- ddl 4.4
    [SHIP_VIA_COD]     varchar(10)      NULL,                                                              -- ddl 4.4
    [TAX_COD]          varchar(10)      NULL,                                                              -- ddl 4.4
    [COMMNT]           varchar(50)      NULL,                                                              -- ddl 4.4
    [LST_MAINT_DT]     datetime         NULL,                                                              -- ddl 4.4
    [LST_MAINT_USR_ID] varchar(10)      NULL,                                                              -- ddl 4.4
    [LST_LCK_DT]       datetime         NULL,                                                              -- ddl 4.4
    [ROW_TS]           timestamp        NULL,                                                              -- ddl 4.4; rowversion: never INSERT/UPDATE it
    [SHIP_NAM_TYP]     varchar(1)       NOT NULL CONSTRAINT [DF_AR_SHIP_ADRS_SHIP_NAM_TYP] DEFAULT ('B'),  -- ddl 4.4
    [SHIP_FST_LST_NAM] AS (case [SHIP_NAM_TYP] when 'P' then case when [LST_NAM] IS NULL then coalesce([FST_NAM],'') else (coalesce([LST_NAM],'')+', ')+coalesce([FST_NAM],'') end when 'B' then [NAM]  end),  -- ddl 4.4; computed, varchar(42) in catalog: never INSERT/UPDATE it
    CONSTRAINT [PK_AR_SHIP_ADRS] PRIMARY KEY CLUSTERED ([CUST_NO], [SHIP_ADRS_ID]),                        -- ddl 4.4 PK_AR_SHIP_ADRS; key columns presumed
    CONSTRAINT [FK_AR_SHIP_ADRS_AR_CUST] FOREIGN KEY ([CUST_NO]) REFERENCES [dbo].[AR_CUST] ([CUST_NO])    -- ddl 4.4 name; column CUST_NO [infer from name]
);
