CREATE PROCEDURE [test_Privacy].[test meta keys are filtered at staging and the hash is the raw text's, unchanged on a second pull]
AS
BEGIN
    EXEC [test_Privacy].[Arrange];
    INSERT INTO woo.StoreMetaKey (StoreId, MetaKey) VALUES ('WEB', N'_keep');
    DECLARE @Raw nvarchar(max) = [test_Privacy].[OrderJson](301, N'ann@example.com');

    EXEC woo.usp_StageOrderJson @StoreId = 'WEB', @OrderJson = @Raw;
    EXEC woo.usp_StageOrderJson @StoreId = 'WEB', @OrderJson = @Raw;   -- the same raw order again: unchanged

    DECLARE @Rows int = (SELECT COUNT(*) FROM woo.OrderQueue), @Events int = (SELECT COUNT(*) FROM woo.OrderEvent),
            @Hash binary(32) = (SELECT q.ContentHash FROM woo.OrderQueue AS q), @Stored nvarchar(max) = (SELECT q.OrderJson FROM woo.OrderQueue AS q);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Rows, @Message = N'one queue row';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Events, @Message = N'one event (STAGED): the second staging is unchanged';
    IF @Hash IS NULL OR @Hash <> HASHBYTES('SHA2_256', @Raw)
        EXEC tSQLt.Fail N'ContentHash is not the hash of the raw text';
    SELECT N'order' AS Part, JSON_VALUE(m.value, N'$.key') AS MetaKey INTO #Actual FROM OPENJSON(@Stored, N'$.meta_data') AS m;
    INSERT INTO #Actual SELECT N'line', JSON_VALUE(m.value, N'$.key') FROM OPENJSON(@Stored, N'$.line_items[0].meta_data') AS m;
    CREATE TABLE #Expected (Part nvarchar(5), MetaKey nvarchar(4000));
    INSERT INTO #Expected VALUES (N'order', N'_keep'), (N'line', N'_keep');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    IF @Stored LIKE N'%192.0.2.7%' OR @Stored LIKE N'%for Ann%'
        EXEC tSQLt.Fail N'a meta value outside the allow-list was stored';
END;
