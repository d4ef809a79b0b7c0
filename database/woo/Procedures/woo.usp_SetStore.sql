-- Creates or changes one WooCommerce store (woo.Store). Every column is a parameter; NULL keeps the current value (a new
-- store takes the table's defaults), '' clears an optional one (ProxyUrl, TaxCod, DefaultTemplateCustNo). Every
-- parameter is checked and every problem reported at once; @Execute = 'N' checks and shows the changes, writes nothing.
-- The credentials are set with woo.usp_SetStoreSecret; read the result through woo.StoreSettings.
-- Parameters are wider than their columns so that a value too long is reported, never cut by the call.
CREATE PROCEDURE [woo].[usp_SetStore]
    @StoreId               varchar (40),
    @SiteUrl               nvarchar (1000) = NULL,  -- WordPress Site Address, with or without /wp-json/wc/v3
    @AuthMode              varchar (20)    = NULL,  -- basic | query | oauth1
    @AllowPlainHttp        char (1)        = NULL,  -- 'Y' only for oauth1 over http (design 3, WooCommerce refuses keys over http)
    @ProxyUrl              nvarchar (1000) = NULL,
    @Currency              varchar (10)    = NULL,
    @StatusesToImport      nvarchar (1000) = NULL,  -- comma list of WooCommerce statuses
    @TimeZoneName          nvarchar (200)  = NULL,  -- Windows name, as in sys.time_zone_info
    @PullPageSize          int             = NULL,
    @PullMaxPages          int             = NULL,
    @TimeoutSeconds        int             = NULL,
    @TotalBudgetSeconds    int             = NULL,
    @PullWatermarkUtc      datetime2 (0)   = NULL,  -- the first watermark (cutover, README); later only the pull moves it
    @CutoverUtc            datetime2 (0)   = NULL,  -- new orders created before it are parked CPO-PRE-CUTOVER (README, cutover)
    @CpStrId               varchar (40)    = NULL,
    @CpStaId               varchar (40)    = NULL,
    @CpDrwId               varchar (40)    = NULL,
    @CpUsrId               varchar (40)    = NULL,
    @StkLocId              varchar (40)    = NULL,
    @PrcLocId              varchar (40)    = NULL,
    @TaxStrategy           varchar (40)    = NULL,  -- WEB_AS_CHARGED | COUNTERPOINT_RATES
    @TaxCod                varchar (40)    = NULL,
    @ShippingMiscChargeNo  int             = NULL,
    @FeeMiscChargeNo       int             = NULL,  -- 1-5; 0 clears it (orders with fees are then parked)
    @LineDiscId            bigint          = NULL,  -- the Counterpoint discount id of web line discounts; 0 clears it
    @DefaultTemplateCustNo varchar (40)    = NULL,
    @UseWebNumberAsTicket  char (1)        = NULL,
    @MaxAttempts           int             = NULL,
    @RetryBaseSeconds      int             = NULL,
    @RawJsonRetentionDays  int             = NULL,
    @IsEnabled             char (1)        = NULL,
    @Execute               char (1)        = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, Code varchar (40) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Exists bit = 0;
    DECLARE @Cur TABLE (IsEnabled char (1), SiteUrl nvarchar (400), AuthMode varchar (10), AllowPlainHttp char (1), ProxyUrl nvarchar (400),
                        Currency char (3), StatusesToImport nvarchar (400), TimeZoneName nvarchar (100), PullPageSize int, PullMaxPages int,
                        TimeoutSeconds int, TotalBudgetSeconds int, PullWatermarkUtc datetime2 (0), CpStrId varchar (10), CpStaId varchar (10),
                        CpDrwId varchar (10), CpUsrId varchar (10), StkLocId varchar (10), PrcLocId varchar (10), TaxStrategy varchar (20),
                        TaxCod varchar (10), ShippingMiscChargeNo tinyint, FeeMiscChargeNo tinyint, LineDiscId bigint, DefaultTemplateCustNo varchar (15), UseWebNumberAsTicket char (1),
                        MaxAttempts int, RetryBaseSeconds int, RawJsonRetentionDays int);

    IF @StoreId IS NULL OR LTRIM(RTRIM(@StoreId)) = ''
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StoreId is required.');
    ELSE IF LEN(@StoreId) > 10 OR PATINDEX('%[^A-Za-z0-9._-]%', @StoreId COLLATE Latin1_General_BIN2) > 0
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StoreId must be 1 to 10 characters of A-Z a-z 0-9 . _ - (it is part of the credentials'' authenticator).');
    ELSE
    BEGIN
        INSERT INTO @Cur
        SELECT s.IsEnabled, s.SiteUrl, s.AuthMode, s.AllowPlainHttp, s.ProxyUrl, s.Currency, s.StatusesToImport, s.TimeZoneName, s.PullPageSize,
               s.PullMaxPages, s.TimeoutSeconds, s.TotalBudgetSeconds, s.PullWatermarkUtc, s.CpStrId, s.CpStaId, s.CpDrwId, s.CpUsrId, s.StkLocId,
               s.PrcLocId, s.TaxStrategy, s.TaxCod, s.ShippingMiscChargeNo, s.FeeMiscChargeNo, s.LineDiscId, s.DefaultTemplateCustNo, s.UseWebNumberAsTicket, s.MaxAttempts,
               s.RetryBaseSeconds, s.RawJsonRetentionDays
        FROM woo.Store AS s
        WHERE s.StoreId = @StoreId;
        IF @@ROWCOUNT = 1
            SET @Exists = 1;
    END;
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Execute must be Y or N.');
    DECLARE @CurCutover datetime2 (0) = (SELECT s.CutoverUtc FROM woo.Store AS s WHERE s.StoreId = @StoreId AND @Exists = 1);
    IF @CutoverUtc > SYSUTCDATETIME()
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@CutoverUtc is in the future (UTC).');

    -- Effective values: the parameter, else the current value, else the table's default (a new store).
    DECLARE @vIsEnabled char (1) = COALESCE(@IsEnabled, (SELECT IsEnabled FROM @Cur), 'Y'),
            @vAuthMode varchar (20) = LOWER(LTRIM(RTRIM(COALESCE(@AuthMode, (SELECT AuthMode FROM @Cur), 'basic')))),
            @vAllowPlainHttp char (1) = COALESCE(@AllowPlainHttp, (SELECT AllowPlainHttp FROM @Cur), 'N'),
            @vProxyUrl nvarchar (1000) = CASE WHEN @ProxyUrl IS NULL THEN (SELECT ProxyUrl FROM @Cur) ELSE NULLIF(LTRIM(RTRIM(@ProxyUrl)), N'') END,
            @vCurrency varchar (10) = UPPER(LTRIM(RTRIM(COALESCE(@Currency, (SELECT Currency FROM @Cur))))),
            @vStatuses nvarchar (1000) = COALESCE(@StatusesToImport, (SELECT StatusesToImport FROM @Cur), N'processing'),
            @vTimeZoneName nvarchar (200) = LTRIM(RTRIM(COALESCE(@TimeZoneName, (SELECT TimeZoneName FROM @Cur)))),
            @vPullPageSize int = COALESCE(@PullPageSize, (SELECT PullPageSize FROM @Cur), 50),
            @vPullMaxPages int = COALESCE(@PullMaxPages, (SELECT PullMaxPages FROM @Cur), 20),
            @vTimeoutSeconds int = COALESCE(@TimeoutSeconds, (SELECT TimeoutSeconds FROM @Cur), 30),
            @vTotalBudgetSeconds int = COALESCE(@TotalBudgetSeconds, (SELECT TotalBudgetSeconds FROM @Cur), 120),
            @vPullWatermarkUtc datetime2 (0) = COALESCE(@PullWatermarkUtc, (SELECT PullWatermarkUtc FROM @Cur)),
            @vCpStrId varchar (40) = LTRIM(RTRIM(COALESCE(@CpStrId, (SELECT CpStrId FROM @Cur)))),
            @vCpStaId varchar (40) = LTRIM(RTRIM(COALESCE(@CpStaId, (SELECT CpStaId FROM @Cur)))),
            @vCpDrwId varchar (40) = LTRIM(RTRIM(COALESCE(@CpDrwId, (SELECT CpDrwId FROM @Cur)))),
            @vCpUsrId varchar (40) = LTRIM(RTRIM(COALESCE(@CpUsrId, (SELECT CpUsrId FROM @Cur)))),
            @vStkLocId varchar (40) = LTRIM(RTRIM(COALESCE(@StkLocId, (SELECT StkLocId FROM @Cur)))),
            @vPrcLocId varchar (40) = LTRIM(RTRIM(COALESCE(@PrcLocId, (SELECT PrcLocId FROM @Cur)))),
            @vTaxStrategy varchar (40) = UPPER(LTRIM(RTRIM(COALESCE(@TaxStrategy, (SELECT TaxStrategy FROM @Cur), 'WEB_AS_CHARGED')))),
            @vTaxCod varchar (40) = CASE WHEN @TaxCod IS NULL THEN (SELECT TaxCod FROM @Cur) ELSE NULLIF(LTRIM(RTRIM(@TaxCod)), '') END,
            @vShippingMiscChargeNo int = COALESCE(@ShippingMiscChargeNo, (SELECT ShippingMiscChargeNo FROM @Cur), 1),
            @vFeeMiscChargeNo int = CASE WHEN @FeeMiscChargeNo IS NULL THEN (SELECT FeeMiscChargeNo FROM @Cur) ELSE NULLIF(@FeeMiscChargeNo, 0) END,
            @vLineDiscId bigint = CASE WHEN @LineDiscId IS NULL THEN (SELECT LineDiscId FROM @Cur) ELSE NULLIF(@LineDiscId, 0) END,
            @vTemplate varchar (40) = CASE WHEN @DefaultTemplateCustNo IS NULL THEN (SELECT DefaultTemplateCustNo FROM @Cur) ELSE NULLIF(LTRIM(RTRIM(@DefaultTemplateCustNo)), '') END,
            @vUseWebNumberAsTicket char (1) = COALESCE(@UseWebNumberAsTicket, (SELECT UseWebNumberAsTicket FROM @Cur), 'N'),
            @vMaxAttempts int = COALESCE(@MaxAttempts, (SELECT MaxAttempts FROM @Cur), 8),
            @vRetryBaseSeconds int = COALESCE(@RetryBaseSeconds, (SELECT RetryBaseSeconds FROM @Cur), 60),
            @vRawJsonRetentionDays int = COALESCE(@RawJsonRetentionDays, (SELECT RawJsonRetentionDays FROM @Cur), 90);

    -- Site URL: trimmed, trailing slashes and a /wp-json/wc/v3 suffix removed, then stored as <site>/wp-json/wc/v3 (the
    -- same normalisation as clr/Http/WooBaseUrl.cs, which the connector applies again).
    DECLARE @Url nvarchar (1000) = LTRIM(RTRIM(COALESCE(@SiteUrl, (SELECT SiteUrl FROM @Cur)))), @Scheme varchar (5), @Host nvarchar (1000);
    IF @Url IS NULL OR @Url = N''
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@SiteUrl is required for a new store: the WordPress Site Address, e.g. https://shop.example.com.');
    ELSE
    BEGIN
        WHILE RIGHT(@Url, 1) = N'/'
            SET @Url = LEFT(@Url, LEN(@Url) - 1);
        IF RIGHT(@Url, 14) = N'/wp-json/wc/v3'
            SET @Url = LEFT(@Url, LEN(@Url) - 14);
        WHILE RIGHT(@Url, 1) = N'/'
            SET @Url = LEFT(@Url, LEN(@Url) - 1);
        SET @Scheme = CASE WHEN LEFT(@Url, 8) = N'https://' THEN 'https' WHEN LEFT(@Url, 7) = N'http://' THEN 'http' END;
        SET @Host = CASE @Scheme WHEN 'https' THEN SUBSTRING(@Url, 9, 1000) WHEN 'http' THEN SUBSTRING(@Url, 8, 1000) END;
        SET @Host = CASE WHEN CHARINDEX(N'/', @Host) > 0 THEN LEFT(@Host, CHARINDEX(N'/', @Host) - 1) ELSE @Host END;
        IF @Scheme IS NULL
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-URL', N'@SiteUrl must start with https:// (or http:// for OAuth 1.0a, see @AllowPlainHttp).');
        ELSE IF @Host IS NULL OR @Host = N'' OR CHARINDEX(N'@', @Host) > 0
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-URL', N'@SiteUrl must name a host and carry no user name or password (the keys go to woo.usp_SetStoreSecret).');
        IF CHARINDEX(N'?', @Url) > 0 OR CHARINDEX(N'#', @Url) > 0 OR CHARINDEX(N' ', @Url) > 0
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-URL', N'@SiteUrl must have no query, fragment or spaces (plain-permalink ?rest_route= addresses are not supported; turn on pretty permalinks).');
        IF CHARINDEX(N'/wp-json', @Url) > 0
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-URL', N'@SiteUrl points into the WordPress REST API but not at /wp-json/wc/v3: give the Site Address (Settings > General).');
        SET @Url = @Url + N'/wp-json/wc/v3';
        IF LEN(@Url) > 400
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@SiteUrl is longer than 400 characters with /wp-json/wc/v3.');
        IF @Scheme = 'http' AND NOT (@vAuthMode = 'oauth1' AND @vAllowPlainHttp = 'Y')
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-HTTPS', N'@SiteUrl is http://: https is required, unless the shop is reached with @AuthMode = ''oauth1'' and @AllowPlainHttp = ''Y'' (keys over plain http are refused, WooCommerce REST API).');
    END;
    IF @vAuthMode NOT IN ('basic', 'query', 'oauth1')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@AuthMode must be basic, query or oauth1.');
    IF @vAllowPlainHttp NOT IN ('Y', 'N') OR @vIsEnabled NOT IN ('Y', 'N') OR @vUseWebNumberAsTicket NOT IN ('Y', 'N')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@AllowPlainHttp, @IsEnabled and @UseWebNumberAsTicket must be Y or N.');
    IF @vProxyUrl IS NOT NULL AND (LEN(@vProxyUrl) > 400 OR CHARINDEX(N' ', @vProxyUrl) > 0 OR (LEFT(@vProxyUrl, 7) <> N'http://' AND LEFT(@vProxyUrl, 8) <> N'https://'))
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@ProxyUrl must be an http:// or https:// address of at most 400 characters ('''' removes it).');
    -- A user:password@ in the proxy address would sit in clear in woo.Store and woo.StoreSettings: refused.
    IF CHARINDEX(N'@', @vProxyUrl) > 0
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@ProxyUrl must carry no user name or password (user:password@host); credentials are never stored in clear.');
    IF @vCurrency IS NULL OR LEN(@vCurrency) <> 3 OR PATINDEX('%[^A-Z]%', @vCurrency COLLATE Latin1_General_BIN2) > 0
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Currency must be the shop''s 3-letter ISO 4217 code, e.g. USD (orders in another currency are parked).');

    -- Statuses: each one of WooCommerce's own (a 'wc-' prefix is accepted), stored lower-case in WooCommerce's order.
    DECLARE @Known TABLE (Slug nvarchar (40) NOT NULL PRIMARY KEY, Seq int NOT NULL);
    INSERT INTO @Known (Slug, Seq) VALUES (N'pending', 1), (N'processing', 2), (N'on-hold', 3), (N'completed', 4), (N'cancelled', 5), (N'refunded', 6), (N'failed', 7);
    DECLARE @Given TABLE (Slug nvarchar (1000) NOT NULL);
    INSERT INTO @Given (Slug)
    SELECT CASE WHEN LEFT(t.Slug, 3) = N'wc-' THEN SUBSTRING(t.Slug, 4, 1000) ELSE t.Slug END
    FROM STRING_SPLIT(@vStatuses, N',') AS p
    CROSS APPLY (SELECT LOWER(LTRIM(RTRIM(p.value))) AS Slug) AS t
    WHERE t.Slug <> N'';
    DECLARE @BadStatuses nvarchar (1000) = STUFF((SELECT N', ' + g.Slug FROM @Given AS g WHERE NOT EXISTS (SELECT 1 FROM @Known AS k WHERE k.Slug = g.Slug)
                                                   FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N'');
    IF NOT EXISTS (SELECT 1 FROM @Given)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StatusesToImport must list at least one status, e.g. N''processing''.');
    IF @BadStatuses IS NOT NULL
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StatusesToImport: not a WooCommerce order status: ' + @BadStatuses + N' (use pending, processing, on-hold, completed).');
    -- A cancelled, refunded or failed order is never a sale to write: the pull reads every status anyway and such an
    -- order, once queued and not applied, is withdrawn (SKIPPED); after apply it is alerted (woo.usp_UpsertOrders).
    DECLARE @NeverStatuses nvarchar (1000) = STUFF((SELECT N', ' + g.Slug FROM @Given AS g WHERE g.Slug IN (N'cancelled', N'refunded', N'failed')
                                                     FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N'');
    IF @NeverStatuses IS NOT NULL
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StatusesToImport: ' + @NeverStatuses + N' cannot be imported (such an order must never become a Counterpoint document).');
    SET @vStatuses = STUFF((SELECT N',' + k.Slug FROM @Known AS k WHERE EXISTS (SELECT 1 FROM @Given AS g WHERE g.Slug = k.Slug) ORDER BY k.Seq
                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 1, N'');

    IF @vTimeZoneName IS NULL OR @vTimeZoneName = N''
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@TimeZoneName is required for a new store: the Windows time-zone name of the Counterpoint store, e.g. Eastern Standard Time.');
    ELSE IF NOT EXISTS (SELECT 1 FROM sys.time_zone_info AS z WHERE z.name = @vTimeZoneName)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-TIMEZONE', N'@TimeZoneName ''' + @vTimeZoneName + N''' is not a time zone of this server: SELECT name FROM sys.time_zone_info.');

    IF @vPullPageSize NOT BETWEEN 1 AND 100 OR @vPullMaxPages NOT BETWEEN 1 AND 1000
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@PullPageSize must be 1-100 (WooCommerce''s maximum) and @PullMaxPages 1-1000.');
    IF @vTimeoutSeconds NOT BETWEEN 1 AND 300 OR @vTotalBudgetSeconds NOT BETWEEN 1 AND 3600 OR @vTotalBudgetSeconds < @vTimeoutSeconds
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@TimeoutSeconds must be 1-300 and @TotalBudgetSeconds 1-3600, at least @TimeoutSeconds.');
    IF @vMaxAttempts NOT BETWEEN 1 AND 100 OR @vRetryBaseSeconds NOT BETWEEN 1 AND 86400 OR @vRawJsonRetentionDays NOT BETWEEN 1 AND 3650
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@MaxAttempts must be 1-100, @RetryBaseSeconds 1-86400 and @RawJsonRetentionDays 1-3650.');
    IF @vPullWatermarkUtc > SYSUTCDATETIME()
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@PullWatermarkUtc is in the future (UTC); the pull would skip every order until then.');
    IF @vTaxStrategy NOT IN ('WEB_AS_CHARGED', 'COUNTERPOINT_RATES')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@TaxStrategy must be WEB_AS_CHARGED or COUNTERPOINT_RATES.');
    IF @vLineDiscId < 0
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@LineDiscId must be a positive Counterpoint discount id (PS_DOC_DISC.DISC_ID), or 0 to clear it.');
    IF @vFeeMiscChargeNo NOT BETWEEN 1 AND 5
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@FeeMiscChargeNo must be 1-5, or 0 to clear it (PS_DOC_HDR_MISC_CHRG).');
    IF @vShippingMiscChargeNo NOT BETWEEN 1 AND 5
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@ShippingMiscChargeNo must be 1-5 (PS_DOC_HDR_MISC_CHRG).');

    -- Counterpoint codes: present for a new store, at most 10 characters, and the ones with a table here must exist.
    INSERT INTO @Errors (Code, [Message])
    SELECT 'CPO-PARAM', v.Name + CASE WHEN v.Value IS NULL OR v.Value = '' THEN N' is required for a new store.' ELSE N' must be at most 10 characters.' END
    FROM (VALUES (N'@CpStrId', @vCpStrId), (N'@CpStaId', @vCpStaId), (N'@CpDrwId', @vCpDrwId), (N'@CpUsrId', @vCpUsrId),
                 (N'@StkLocId', @vStkLocId), (N'@PrcLocId', @vPrcLocId)) AS v (Name, Value)
    WHERE v.Value IS NULL OR v.Value = '' OR LEN(v.Value) > 10;
    IF LEN(@vTaxCod) > 10
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@TaxCod must be at most 10 characters ('''' = the customer''s tax code).');
    IF LEN(@vCpStrId) BETWEEN 1 AND 10 AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_STR AS r WHERE r.STR_ID = @vCpStrId)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-COUNTERPOINT', N'@CpStrId ''' + @vCpStrId + N''' is not a Counterpoint store (PS_STR).');
    -- Checked whether or not the store exists (every problem at once): no station of an unknown store is a station.
    IF LEN(@vCpStaId) BETWEEN 1 AND 10 AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_STA AS t WHERE t.STR_ID = @vCpStrId AND t.STA_ID = @vCpStaId)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-COUNTERPOINT', N'@CpStaId ''' + @vCpStaId + N''' is not a station of store ''' + @vCpStrId + N''' (PS_STA); make a dedicated station for web orders.');
    IF LEN(@vCpStrId) BETWEEN 1 AND 10 AND LEN(@vCpDrwId) BETWEEN 1 AND 10
       AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DRW AS d WHERE d.STR_ID = @vCpStrId AND d.DRW_ID = @vCpDrwId)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-COUNTERPOINT', N'@CpDrwId ''' + @vCpDrwId + N''' is not a drawer of store ''' + @vCpStrId + N''' (PS_DRW).');
    IF LEN(@vTemplate) > 15
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@DefaultTemplateCustNo must be at most 15 characters.');
    ELSE IF @vTemplate IS NOT NULL AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.AR_CUST AS c WHERE c.CUST_NO = @vTemplate)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-COUNTERPOINT', N'@DefaultTemplateCustNo ''' + @vTemplate + N''' is not a Counterpoint customer (AR_CUST).');
    -- Design 6: the station is dedicated to one WooCommerce store (its next-number fields are CpOrders' alone).
    IF EXISTS (SELECT 1 FROM woo.Store AS o WHERE o.StoreId <> @StoreId AND o.CpStrId = @vCpStrId AND o.CpStaId = @vCpStaId)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-STATION', N'Store ' + @vCpStrId + N' station ' + @vCpStaId + N' is already used by another WooCommerce store; each needs its own station (design 6).');

    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetStore: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + e.Code + N': ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                                   FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50101, @All, 1;
    END;

    -- What changes, column by column (shown for @Execute = 'N' and after a change).
    DECLARE @Changes TABLE (ColumnName sysname NOT NULL, CurrentValue nvarchar (400) NULL, NewValue nvarchar (400) NULL);
    INSERT INTO @Changes (ColumnName, CurrentValue, NewValue)
    SELECT v.ColumnName, v.CurrentValue, v.NewValue
    FROM (SELECT 1 AS One) AS o
    LEFT JOIN @Cur AS c ON 1 = 1
    CROSS APPLY (VALUES
        (N'IsEnabled', CONVERT(nvarchar (400), c.IsEnabled), CONVERT(nvarchar (400), @vIsEnabled)),
        (N'SiteUrl', c.SiteUrl, @Url),
        (N'AuthMode', c.AuthMode, @vAuthMode),
        (N'AllowPlainHttp', c.AllowPlainHttp, @vAllowPlainHttp),
        (N'ProxyUrl', c.ProxyUrl, @vProxyUrl),
        (N'Currency', c.Currency, @vCurrency),
        (N'StatusesToImport', c.StatusesToImport, @vStatuses),
        (N'TimeZoneName', c.TimeZoneName, @vTimeZoneName),
        (N'PullPageSize', CONVERT(nvarchar (400), c.PullPageSize), CONVERT(nvarchar (400), @vPullPageSize)),
        (N'PullMaxPages', CONVERT(nvarchar (400), c.PullMaxPages), CONVERT(nvarchar (400), @vPullMaxPages)),
        (N'TimeoutSeconds', CONVERT(nvarchar (400), c.TimeoutSeconds), CONVERT(nvarchar (400), @vTimeoutSeconds)),
        (N'TotalBudgetSeconds', CONVERT(nvarchar (400), c.TotalBudgetSeconds), CONVERT(nvarchar (400), @vTotalBudgetSeconds)),
        (N'PullWatermarkUtc', CONVERT(nvarchar (400), c.PullWatermarkUtc, 126), CONVERT(nvarchar (400), @vPullWatermarkUtc, 126)),
        (N'CutoverUtc', CONVERT(nvarchar (400), @CurCutover, 126), CONVERT(nvarchar (400), ISNULL(@CutoverUtc, @CurCutover), 126)),
        (N'CpStrId', c.CpStrId, @vCpStrId),
        (N'CpStaId', c.CpStaId, @vCpStaId),
        (N'CpDrwId', c.CpDrwId, @vCpDrwId),
        (N'CpUsrId', c.CpUsrId, @vCpUsrId),
        (N'StkLocId', c.StkLocId, @vStkLocId),
        (N'PrcLocId', c.PrcLocId, @vPrcLocId),
        (N'TaxStrategy', c.TaxStrategy, @vTaxStrategy),
        (N'TaxCod', c.TaxCod, @vTaxCod),
        (N'ShippingMiscChargeNo', CONVERT(nvarchar (400), c.ShippingMiscChargeNo), CONVERT(nvarchar (400), @vShippingMiscChargeNo)),
        (N'FeeMiscChargeNo', CONVERT(nvarchar (400), c.FeeMiscChargeNo), CONVERT(nvarchar (400), @vFeeMiscChargeNo)),
        (N'LineDiscId', CONVERT(nvarchar (400), c.LineDiscId), CONVERT(nvarchar (400), @vLineDiscId)),
        (N'DefaultTemplateCustNo', c.DefaultTemplateCustNo, @vTemplate),
        (N'UseWebNumberAsTicket', c.UseWebNumberAsTicket, @vUseWebNumberAsTicket),
        (N'MaxAttempts', CONVERT(nvarchar (400), c.MaxAttempts), CONVERT(nvarchar (400), @vMaxAttempts)),
        (N'RetryBaseSeconds', CONVERT(nvarchar (400), c.RetryBaseSeconds), CONVERT(nvarchar (400), @vRetryBaseSeconds)),
        (N'RawJsonRetentionDays', CONVERT(nvarchar (400), c.RawJsonRetentionDays), CONVERT(nvarchar (400), @vRawJsonRetentionDays))
    ) AS v (ColumnName, CurrentValue, NewValue)
    WHERE NOT (v.CurrentValue = v.NewValue COLLATE Latin1_General_BIN2 OR (v.CurrentValue IS NULL AND v.NewValue IS NULL));

    DECLARE @Count int = (SELECT COUNT(*) FROM @Changes), @What nvarchar (40) = CASE WHEN @Exists = 1 THEN N'change' ELSE N'create' END;
    IF @Execute = 'N' OR @Count = 0
    BEGIN
        SELECT @StoreId AS StoreId, ch.ColumnName, ch.CurrentValue, ch.NewValue FROM @Changes AS ch;
        IF @Count = 0
            RAISERROR (N'woo.usp_SetStore: store %s: no changes.', 10, 1, @StoreId) WITH NOWAIT;
        ELSE
            RAISERROR (N'woo.usp_SetStore: would %s store %s (%d column(s), listed); @Execute = ''N'' wrote nothing.', 10, 1, @What, @StoreId, @Count) WITH NOWAIT;
        RETURN 0;
    END;

    BEGIN TRANSACTION;
    -- Each column from its parameter when one was given, else the row's current value read under this update's lock
    -- (never the unlocked copy in @Cur: a pull advancing PullWatermarkUtc meanwhile is not undone).
    UPDATE s
    SET IsEnabled = CASE WHEN @IsEnabled IS NULL THEN s.IsEnabled ELSE @vIsEnabled END,
        SiteUrl = CASE WHEN @SiteUrl IS NULL THEN s.SiteUrl ELSE @Url END,
        AuthMode = CASE WHEN @AuthMode IS NULL THEN s.AuthMode ELSE @vAuthMode END,
        AllowPlainHttp = CASE WHEN @AllowPlainHttp IS NULL THEN s.AllowPlainHttp ELSE @vAllowPlainHttp END,
        ProxyUrl = CASE WHEN @ProxyUrl IS NULL THEN s.ProxyUrl ELSE @vProxyUrl END,
        Currency = CASE WHEN @Currency IS NULL THEN s.Currency ELSE @vCurrency END,
        StatusesToImport = CASE WHEN @StatusesToImport IS NULL THEN s.StatusesToImport ELSE @vStatuses END,
        TimeZoneName = CASE WHEN @TimeZoneName IS NULL THEN s.TimeZoneName ELSE @vTimeZoneName END,
        PullPageSize = CASE WHEN @PullPageSize IS NULL THEN s.PullPageSize ELSE @vPullPageSize END,
        PullMaxPages = CASE WHEN @PullMaxPages IS NULL THEN s.PullMaxPages ELSE @vPullMaxPages END,
        TimeoutSeconds = CASE WHEN @TimeoutSeconds IS NULL THEN s.TimeoutSeconds ELSE @vTimeoutSeconds END,
        TotalBudgetSeconds = CASE WHEN @TotalBudgetSeconds IS NULL THEN s.TotalBudgetSeconds ELSE @vTotalBudgetSeconds END,
        PullWatermarkUtc = CASE WHEN @PullWatermarkUtc IS NULL THEN s.PullWatermarkUtc ELSE @PullWatermarkUtc END,
        CutoverUtc = CASE WHEN @CutoverUtc IS NULL THEN s.CutoverUtc ELSE @CutoverUtc END,
        CpStrId = CASE WHEN @CpStrId IS NULL THEN s.CpStrId ELSE @vCpStrId END,
        CpStaId = CASE WHEN @CpStaId IS NULL THEN s.CpStaId ELSE @vCpStaId END,
        CpDrwId = CASE WHEN @CpDrwId IS NULL THEN s.CpDrwId ELSE @vCpDrwId END,
        CpUsrId = CASE WHEN @CpUsrId IS NULL THEN s.CpUsrId ELSE @vCpUsrId END,
        StkLocId = CASE WHEN @StkLocId IS NULL THEN s.StkLocId ELSE @vStkLocId END,
        PrcLocId = CASE WHEN @PrcLocId IS NULL THEN s.PrcLocId ELSE @vPrcLocId END,
        TaxStrategy = CASE WHEN @TaxStrategy IS NULL THEN s.TaxStrategy ELSE @vTaxStrategy END,
        TaxCod = CASE WHEN @TaxCod IS NULL THEN s.TaxCod ELSE @vTaxCod END,
        ShippingMiscChargeNo = CASE WHEN @ShippingMiscChargeNo IS NULL THEN s.ShippingMiscChargeNo ELSE @vShippingMiscChargeNo END,
        FeeMiscChargeNo = CASE WHEN @FeeMiscChargeNo IS NULL THEN s.FeeMiscChargeNo ELSE @vFeeMiscChargeNo END,
        LineDiscId = CASE WHEN @LineDiscId IS NULL THEN s.LineDiscId ELSE @vLineDiscId END,
        DefaultTemplateCustNo = CASE WHEN @DefaultTemplateCustNo IS NULL THEN s.DefaultTemplateCustNo ELSE @vTemplate END,
        UseWebNumberAsTicket = CASE WHEN @UseWebNumberAsTicket IS NULL THEN s.UseWebNumberAsTicket ELSE @vUseWebNumberAsTicket END,
        MaxAttempts = CASE WHEN @MaxAttempts IS NULL THEN s.MaxAttempts ELSE @vMaxAttempts END,
        RetryBaseSeconds = CASE WHEN @RetryBaseSeconds IS NULL THEN s.RetryBaseSeconds ELSE @vRetryBaseSeconds END,
        RawJsonRetentionDays = CASE WHEN @RawJsonRetentionDays IS NULL THEN s.RawJsonRetentionDays ELSE @vRawJsonRetentionDays END,
        UpdatedAtUtc = SYSUTCDATETIME(), UpdatedBy = ORIGINAL_LOGIN()
    FROM woo.Store AS s WITH (UPDLOCK, HOLDLOCK)
    WHERE s.StoreId = @StoreId;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, AllowPlainHttp, ProxyUrl, Currency, StatusesToImport, TimeZoneName,
                               PullPageSize, PullMaxPages, TimeoutSeconds, TotalBudgetSeconds, PullWatermarkUtc, CutoverUtc, CpStrId, CpStaId, CpDrwId,
                               CpUsrId, StkLocId, PrcLocId, TaxStrategy, TaxCod, ShippingMiscChargeNo, FeeMiscChargeNo, LineDiscId, DefaultTemplateCustNo,
                               UseWebNumberAsTicket, MaxAttempts, RetryBaseSeconds, RawJsonRetentionDays, CreatedAtUtc, UpdatedAtUtc, UpdatedBy)
        VALUES (@StoreId, @vIsEnabled, @Url, @vAuthMode, @vAllowPlainHttp, @vProxyUrl, @vCurrency, @vStatuses, @vTimeZoneName,
                @vPullPageSize, @vPullMaxPages, @vTimeoutSeconds, @vTotalBudgetSeconds, @vPullWatermarkUtc, @CutoverUtc, @vCpStrId, @vCpStaId, @vCpDrwId,
                @vCpUsrId, @vStkLocId, @vPrcLocId, @vTaxStrategy, @vTaxCod, @vShippingMiscChargeNo, @vFeeMiscChargeNo, @vLineDiscId, @vTemplate,
                @vUseWebNumberAsTicket, @vMaxAttempts, @vRetryBaseSeconds, @vRawJsonRetentionDays, SYSUTCDATETIME(), SYSUTCDATETIME(), ORIGINAL_LOGIN());
    COMMIT TRANSACTION;

    SELECT @StoreId AS StoreId, ch.ColumnName, ch.CurrentValue, ch.NewValue FROM @Changes AS ch;
    SET @What = CASE WHEN @Exists = 1 THEN N'changed' ELSE N'created' END;
    RAISERROR (N'woo.usp_SetStore: %s store %s (%d column(s)). Credentials: woo.usp_SetStoreSecret; check: SELECT * FROM woo.StoreSettings.', 10, 1, @What, @StoreId, @Count) WITH NOWAIT;
    RETURN 0;
END;
