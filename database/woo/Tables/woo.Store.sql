-- One row per WooCommerce store: where the shop is, how to reach it, and the dedicated Counterpoint store, station,
-- drawer and locations its orders are written to (design 6). Set and changed only through woo.usp_SetStore, which
-- validates every column and reports every problem at once; read through woo.StoreSettings. The credentials are not
-- here: they are encrypted in woo.StoreSecret (woo.usp_SetStoreSecret).
CREATE TABLE [woo].[Store] (
    [StoreId]                varchar (10)    NOT NULL,
    [IsEnabled]              char (1)        CONSTRAINT [DF_Store_IsEnabled] DEFAULT ('Y') NOT NULL,
    -- WooCommerce
    [SiteUrl]                nvarchar (400)  NOT NULL,   -- normalised base URL, ending in /wp-json/wc/v3
    [AuthMode]               varchar (10)    NOT NULL,   -- basic | query | oauth1 (clr/Http/WooAuthMode.cs)
    [AllowPlainHttp]         char (1)        CONSTRAINT [DF_Store_AllowPlainHttp] DEFAULT ('N') NOT NULL,
    [ProxyUrl]               nvarchar (400)  NULL,
    [Currency]               char (3)        NOT NULL,   -- orders in another currency are parked (design 10)
    [StatusesToImport]       nvarchar (400)  CONSTRAINT [DF_Store_StatusesToImport] DEFAULT (N'processing') NOT NULL,
    [TimeZoneName]           nvarchar (100)  NOT NULL,   -- Windows time-zone name of the Counterpoint store (sys.time_zone_info)
    [PullPageSize]           int             CONSTRAINT [DF_Store_PullPageSize] DEFAULT (50) NOT NULL,
    [PullMaxPages]           int             CONSTRAINT [DF_Store_PullMaxPages] DEFAULT (20) NOT NULL,
    [TimeoutSeconds]         int             CONSTRAINT [DF_Store_TimeoutSeconds] DEFAULT (30) NOT NULL,
    [TotalBudgetSeconds]     int             CONSTRAINT [DF_Store_TotalBudgetSeconds] DEFAULT (120) NOT NULL,
    [PullWatermarkUtc]       datetime2 (0)   NULL,       -- moves only forward, to a pull's complete_up_to_utc
    [CutoverUtc]             datetime2 (0)   NULL,       -- a new order created before it is parked CPO-PRE-CUTOVER (the predecessor may have applied it)
    -- Counterpoint
    [CpStrId]                varchar (10)    NOT NULL,   -- PS_STR.STR_ID dedicated to the web channel
    [CpStaId]                varchar (10)    NOT NULL,   -- PS_STA.STA_ID (station-level order numbering)
    [CpDrwId]                varchar (10)    NOT NULL,   -- PS_DRW.DRW_ID
    [CpUsrId]                varchar (10)    NOT NULL,   -- USR_ID / LST_MAINT_USR_ID / SLS_REP on documents
    [StkLocId]               varchar (10)    NOT NULL,   -- IM_INV location committed by web orders
    [PrcLocId]               varchar (10)    NOT NULL,   -- price location
    [TaxStrategy]            varchar (20)    CONSTRAINT [DF_Store_TaxStrategy] DEFAULT ('WEB_AS_CHARGED') NOT NULL,
    [TaxCod]                 varchar (10)    NULL,       -- PS_DOC_HDR.TAX_COD for web documents (NULL: the customer's)
    [ShippingMiscChargeNo]   tinyint         CONSTRAINT [DF_Store_ShippingMiscChargeNo] DEFAULT (1) NOT NULL,
    [FeeMiscChargeNo]        tinyint         NULL,       -- misc charge carrying WooCommerce fee_lines (NULL: orders with fees are parked, CPO-FEE)
    [LineDiscId]             bigint          NULL,       -- PS_DOC_DISC.DISC_ID of web line discounts (NULL: orders with a line discount are parked, CPO-DISC-ID)
    [DefaultTemplateCustNo]  varchar (15)    NULL,       -- AR_CUST template for new web customers (per class: woo.StoreCustomerClass)
    [UseWebNumberAsTicket]   char (1)        CONSTRAINT [DF_Store_UseWebNumberAsTicket] DEFAULT ('N') NOT NULL,
    -- Queue policy
    [MaxAttempts]            int             CONSTRAINT [DF_Store_MaxAttempts] DEFAULT (8) NOT NULL,
    [RetryBaseSeconds]       int             CONSTRAINT [DF_Store_RetryBaseSeconds] DEFAULT (60) NOT NULL,
    [RawJsonRetentionDays]   int             CONSTRAINT [DF_Store_RawJsonRetentionDays] DEFAULT (90) NOT NULL,
    [CreatedAtUtc]           datetime2 (0)   CONSTRAINT [DF_Store_CreatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedAtUtc]           datetime2 (0)   CONSTRAINT [DF_Store_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedBy]              sysname         CONSTRAINT [DF_Store_UpdatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    -- Fulfillment cut-over (woo.usp_SyncFulfillment): an order applied before it is baselined on its first check (its
    -- state recorded, nothing announced). The default fills it with the deploy time on an upgrade that adds it, and
    -- with the creation time for a new store: orders applied by an earlier version are never announced as new.
    [FulfillmentFromUtc]     datetime2 (0)   CONSTRAINT [DF_Store_FulfillmentFromUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_Store] PRIMARY KEY CLUSTERED ([StoreId]),
    CONSTRAINT [CK_Store_YN] CHECK ([IsEnabled] IN ('Y', 'N') AND [AllowPlainHttp] IN ('Y', 'N') AND [UseWebNumberAsTicket] IN ('Y', 'N')),
    CONSTRAINT [CK_Store_AuthMode] CHECK ([AuthMode] IN ('basic', 'query', 'oauth1')),
    CONSTRAINT [CK_Store_TaxStrategy] CHECK ([TaxStrategy] IN ('WEB_AS_CHARGED', 'COUNTERPOINT_RATES')),
    CONSTRAINT [CK_Store_ShippingMiscChargeNo] CHECK ([ShippingMiscChargeNo] BETWEEN 1 AND 5),
    CONSTRAINT [CK_Store_FeeMiscChargeNo] CHECK ([FeeMiscChargeNo] BETWEEN 1 AND 5),
    CONSTRAINT [CK_Store_LineDiscId] CHECK ([LineDiscId] > 0),
    CONSTRAINT [CK_Store_Limits] CHECK ([PullPageSize] BETWEEN 1 AND 100 AND [PullMaxPages] BETWEEN 1 AND 1000
                                       AND [TimeoutSeconds] BETWEEN 1 AND 300 AND [TotalBudgetSeconds] BETWEEN 1 AND 3600
                                       AND [MaxAttempts] BETWEEN 1 AND 100 AND [RetryBaseSeconds] BETWEEN 1 AND 86400
                                       AND [RawJsonRetentionDays] BETWEEN 1 AND 3650)
);
