CREATE PROCEDURE [test_StoreSetup].[test setup validation reports every problem at once]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    -- Six problems in one call: plain http with basic keys, a 2-letter currency, an unknown status, an unknown time
    -- zone, a page size above WooCommerce's maximum and a Counterpoint store that does not exist. One error lists all.
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetStore: nothing was changed; fix every problem:%CPO-STORE-HTTPS: @SiteUrl is http://%CPO-PARAM: @Currency must be%not a WooCommerce order status: shipped%CPO-STORE-TIMEZONE: @TimeZoneName ''Mars Standard Time''%CPO-PARAM: @PullPageSize must be 1-100%CPO-STORE-COUNTERPOINT: @CpStrId ''NOPE'' is not a Counterpoint store%';
    EXEC woo.usp_SetStore @StoreId = 'WEB', @SiteUrl = N'http://shop.example.com', @AuthMode = 'basic', @Currency = 'US',
         @StatusesToImport = N'processing,shipped', @TimeZoneName = N'Mars Standard Time', @PullPageSize = 500,
         @CpStrId = 'NOPE', @CpStaId = 'WEB1', @CpDrwId = 'WEB1', @CpUsrId = 'CPORDERS', @StkLocId = '01', @PrcLocId = '01';
END;
