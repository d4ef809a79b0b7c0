-- USER_ORDER_STAGING: the predecessor's order queue (dbo of the Counterpoint database); CpOrders only reads it for the one-time migration (design 1).
-- Source: seed-system.md 2.1 and its origin, the predecessor's CREATE TABLE (Woodyspaper/Wp_Testcode@4723024 01_Production/staging_tables.sql).
-- Columns declared there without NULL/NOT NULL are nullable under ANSI_NULL_DFLT_ON (the SSMS/sqlcmd/ODBC default) [infer]. Its PK and
-- defaults were unnamed (system names) and its 4 nonclustered indexes (BATCH_ID, WOO_ORDER_ID, CUST_NO, (IS_VALIDATED, IS_APPLIED)) are left out.
CREATE TABLE [dbo].[USER_ORDER_STAGING] (
    [STAGING_ID]       int IDENTITY (1, 1) NOT NULL,                                                         -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: INT IDENTITY(1,1) PRIMARY KEY
    [BATCH_ID]         varchar(50)      NOT NULL,                                                            -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: NOT NULL; 'WOO_ORDERS_yyyyMMdd_HHmmss'
    [WOO_ORDER_ID]     int              NOT NULL,                                                            -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: NOT NULL; Woo order id; not unique (seed 3.5)
    [WOO_ORDER_NO]     varchar(50)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: NULL
    [CUST_NO]          varchar(15)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: NULL; NULL when unresolved (seed pitfall 31)
    [CUST_EMAIL]       varchar(100)     NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: NULL
    [ORD_DAT]          date             NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; date only, time lost (seed pitfall 19)
    [ORD_STATUS]       varchar(20)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [PMT_METH]         varchar(50)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_VIA]         varchar(100)     NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SUBTOT]           decimal(15,4)    NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_AMT]         decimal(15,4)    NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [TAX_AMT]          decimal(15,4)    NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [DISC_AMT]         decimal(15,4)    NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [TOT_AMT]          decimal(15,4)    NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_NAM]         varchar(40)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_ADRS_1]      varchar(40)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_ADRS_2]      varchar(40)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_CITY]        varchar(20)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_STATE]       varchar(3)       NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_ZIP_COD]     varchar(15)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_CNTRY]       varchar(3)       NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [SHIP_PHONE]       varchar(25)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [LINE_ITEMS_JSON]  nvarchar(max)    NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; JSON array (seed 3.3)
    [IS_VALIDATED]     bit              NULL CONSTRAINT [DF_USER_ORDER_STAGING_IS_VALIDATED] DEFAULT ((0)),  -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; DEFAULT 0
    [VALIDATION_ERROR] nvarchar(500)    NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; '[Attempt n/3] ...'
    [IS_APPLIED]       bit              NULL CONSTRAINT [DF_USER_ORDER_STAGING_IS_APPLIED] DEFAULT ((0)),    -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; DEFAULT 0; 1 = applied
    [APPLIED_DT]       datetime2        NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable
    [CP_DOC_ID]        varchar(15)      NULL,                                                                -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: NULL; CAST(PS_DOC_HDR.DOC_ID)
    [SOURCE_SYSTEM]    varchar(50)      NULL CONSTRAINT [DF_USER_ORDER_STAGING_SOURCE_SYSTEM] DEFAULT ('WOOCOMMERCE'),  -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; DEFAULT 'WOOCOMMERCE'
    [CREATED_DT]       datetime2        NULL CONSTRAINT [DF_USER_ORDER_STAGING_CREATED_DT] DEFAULT (getdate()),  -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; DEFAULT GETDATE()
    [CREATED_BY]       varchar(50)      NULL CONSTRAINT [DF_USER_ORDER_STAGING_CREATED_BY] DEFAULT (suser_sname()),  -- seed 2.1; Wp_Testcode 01_Production/staging_tables.sql: no NULL spec -> nullable; DEFAULT SYSTEM_USER
    CONSTRAINT [PK_USER_ORDER_STAGING] PRIMARY KEY CLUSTERED ([STAGING_ID])                                  -- seed 2.1 (unnamed PRIMARY KEY in the original; name is ours)
);
