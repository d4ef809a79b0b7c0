CREATE PROCEDURE [test_StoreSetup].[test a store is created with its URL normalised and Execute N writes nothing]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    INSERT INTO [$(CounterpointDb)].dbo.PS_STR (STR_ID, STR_NO) VALUES ('TSTWEB', 901);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA (STR_ID, STA_ID, STA_NO) VALUES ('TSTWEB', 'TSTWEB1', 91);
    INSERT INTO [$(CounterpointDb)].dbo.PS_DRW (STR_ID, DRW_ID) VALUES ('TSTWEB', 'TSTWEB1');

    -- A dry run first: every check, nothing written.
    EXEC woo.usp_SetStore @StoreId = 'WEB', @SiteUrl = N' https://Shop.example.com/wp-json/wc/v3/ ', @Currency = 'usd',
         @StatusesToImport = N'wc-on-hold, processing', @TimeZoneName = N'Eastern Standard Time',
         @CpStrId = 'TSTWEB', @CpStaId = 'TSTWEB1', @CpDrwId = 'TSTWEB1', @CpUsrId = 'CPORDERS', @StkLocId = '01', @PrcLocId = '01',
         @Execute = 'N';
    EXEC tSQLt.AssertEmptyTable @TableName = N'woo.Store';

    EXEC woo.usp_SetStore @StoreId = 'WEB', @SiteUrl = N' https://Shop.example.com/wp-json/wc/v3/ ', @Currency = 'usd',
         @StatusesToImport = N'wc-on-hold, processing', @TimeZoneName = N'Eastern Standard Time',
         @CpStrId = 'TSTWEB', @CpStaId = 'TSTWEB1', @CpDrwId = 'TSTWEB1', @CpUsrId = 'CPORDERS', @StkLocId = '01', @PrcLocId = '01';

    SELECT s.StoreId, s.SiteUrl, s.AuthMode, s.AllowPlainHttp, s.Currency, s.StatusesToImport, s.PullPageSize, s.CpStaId
    INTO #Actual FROM woo.Store AS s;
    CREATE TABLE #Expected (StoreId varchar(10), SiteUrl nvarchar(400), AuthMode varchar(10), AllowPlainHttp char(1), Currency char(3),
                            StatusesToImport nvarchar(400), PullPageSize int, CpStaId varchar(10));
    INSERT INTO #Expected VALUES ('WEB', N'https://Shop.example.com/wp-json/wc/v3', 'basic', 'N', 'USD', N'processing,on-hold', 50, 'TSTWEB1');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
