-- Each WooCommerce store as configured, with whether its credentials are set and when (and by whom) they were last set.
-- Never a secret: no column of woo.StoreSecret other than its name and dates is read here, encrypted or not.
CREATE VIEW [woo].[StoreSettings]
AS
SELECT s.StoreId, s.IsEnabled, s.SiteUrl, s.AuthMode, s.AllowPlainHttp, s.ProxyUrl, s.Currency, s.StatusesToImport, s.TimeZoneName,
       s.PullPageSize, s.PullMaxPages, s.TimeoutSeconds, s.TotalBudgetSeconds, s.PullWatermarkUtc, s.CutoverUtc,
       s.CpStrId, s.CpStaId, s.CpDrwId, s.CpUsrId, s.StkLocId, s.PrcLocId, s.TaxStrategy, s.TaxCod, s.ShippingMiscChargeNo, s.FeeMiscChargeNo, s.LineDiscId,
       s.DefaultTemplateCustNo, s.UseWebNumberAsTicket, s.MaxAttempts, s.RetryBaseSeconds, s.RawJsonRetentionDays,
       CONVERT(char (1), CASE WHEN k.UpdatedAtUtc IS NULL THEN 'N' ELSE 'Y' END) AS ConsumerKeySet,
       k.UpdatedAtUtc AS ConsumerKeySetAtUtc, k.UpdatedBy AS ConsumerKeySetBy,
       CONVERT(char (1), CASE WHEN c.UpdatedAtUtc IS NULL THEN 'N' ELSE 'Y' END) AS ConsumerSecretSet,
       c.UpdatedAtUtc AS ConsumerSecretSetAtUtc, c.UpdatedBy AS ConsumerSecretSetBy,
       (SELECT COUNT(*) FROM woo.StoreShipViaMap AS m WHERE m.StoreId = s.StoreId) AS ShipViaMaps,
       (SELECT COUNT(*) FROM woo.StorePayCodeMap AS m WHERE m.StoreId = s.StoreId) AS PayCodeMaps,
       (SELECT COUNT(*) FROM woo.StoreTaxMap AS m WHERE m.StoreId = s.StoreId) AS TaxMaps,
       (SELECT COUNT(*) FROM woo.StoreSkuMap AS m WHERE m.StoreId = s.StoreId) AS SkuMaps,
       (SELECT COUNT(*) FROM woo.StoreUnitSuffix AS m WHERE m.StoreId = s.StoreId) AS UnitSuffixes,
       (SELECT COUNT(*) FROM woo.StoreCustomerClass AS m WHERE m.StoreId = s.StoreId) AS CustomerClasses,
       s.CreatedAtUtc, s.UpdatedAtUtc, s.UpdatedBy
FROM woo.Store AS s
LEFT JOIN woo.StoreSecret AS k ON k.StoreId = s.StoreId AND k.SecretName = 'consumer_key'
LEFT JOIN woo.StoreSecret AS c ON c.StoreId = s.StoreId AND c.SecretName = 'consumer_secret';
