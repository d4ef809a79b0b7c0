CREATE PROCEDURE [test_Privacy].[test a meta key is added and removed and every problem is reported at once]
AS
BEGIN
    EXEC [test_Privacy].[Arrange];
    EXEC woo.usp_SetMetaKey @StoreId = 'WEB', @MetaKey = N' _keep ';
    EXEC woo.usp_SetMetaKey @StoreId = 'WEB', @MetaKey = N'_other';
    EXEC woo.usp_SetMetaKey @StoreId = 'WEB', @MetaKey = N'_other', @Remove = 'Y';
    SELECT m.StoreId, m.MetaKey INTO #Actual FROM woo.StoreMetaKey AS m;
    CREATE TABLE #Expected (StoreId varchar(10), MetaKey nvarchar(255));
    INSERT INTO #Expected VALUES ('WEB', N'_keep');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetMetaKey: nothing was changed; fix every problem:%CPO-PARAM: @StoreId ''NOPE'' is not a store%CPO-PARAM: @Remove and @Execute must be Y or N.%CPO-PARAM: @MetaKey is required%';
    EXEC woo.usp_SetMetaKey @StoreId = 'NOPE', @MetaKey = N' ', @Execute = 'X';
END;
