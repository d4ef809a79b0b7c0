-- woo.usp_AcknowledgeAlert @Code with @StoreId acknowledges only that store's open alerts of the class, recording who
-- and why.
CREATE PROCEDURE [test_Alerts].[test an operator acknowledges the open alerts of a class for one store]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'a', @StoreId = 'T15A';
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'b', @StoreId = 'T15B';

    EXEC woo.usp_AcknowledgeAlert @Code = 'CPO-PULL-FAILED', @StoreId = 'T15A', @Reason = N'new key entered';
    SELECT a.StoreId, CASE WHEN a.AcknowledgedAtUtc IS NULL THEN 'N' ELSE 'Y' END AS Acknowledged, a.AcknowledgedBy, a.AcknowledgedReason
    INTO #Actual FROM woo.Alert AS a;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES ('T15A', 'Y', ORIGINAL_LOGIN(), N'new key entered'), ('T15B', 'N', NULL, NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
