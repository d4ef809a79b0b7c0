CREATE PROCEDURE [test_AsOperatorLogin].[test the operator login sets up a store]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    INSERT INTO [$(CounterpointDb)].dbo.PS_STR (STR_ID, STR_NO) VALUES ('TSTWEB', 901);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA (STR_ID, STA_ID, STA_NO) VALUES ('TSTWEB', 'TSTWEB1', 91);
    INSERT INTO [$(CounterpointDb)].dbo.PS_DRW (STR_ID, DRW_ID) VALUES ('TSTWEB', 'TSTWEB1');
    DECLARE @Error int, @Message nvarchar (4000);
    EXEC [test_AsOperatorLogin].[ErrorAsOperatorLogin] @Statement = N'
    EXEC woo.usp_SetStore @StoreId = ''WEB'', @SiteUrl = N''https://shop.example.com'', @Currency = ''USD'', @TimeZoneName = N''Eastern Standard Time'',
         @CpStrId = ''TSTWEB'', @CpStaId = ''TSTWEB1'', @CpDrwId = ''TSTWEB1'', @CpUsrId = ''CPORDERS'', @StkLocId = ''01'', @PrcLocId = ''01'';',
         @ErrorNumber = @Error OUTPUT, @ErrorMessage = @Message OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = @Message;
    IF NOT EXISTS (SELECT 1 FROM woo.Store WHERE StoreId = 'WEB' AND CpStaId = 'TSTWEB1')
        EXEC tSQLt.Fail N'the operator''s store was not written';
END;
