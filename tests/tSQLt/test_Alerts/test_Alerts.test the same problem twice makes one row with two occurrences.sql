-- woo.usp_RaiseAlert folds the same open problem (Code, StoreId, QueueId) into one row; another order is another
-- problem; after an acknowledgement the problem coming back is a new row.
CREATE PROCEDURE [test_Alerts].[test the same problem twice makes one row with two occurrences]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-TEST', @Message = N'first', @StoreId = 'T15A', @QueueId = 1;
    EXEC woo.usp_RaiseAlert @Severity = 'CRITICAL', @Code = 'CPO-TEST', @Message = N'second', @StoreId = 'T15A', @QueueId = 1;
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-TEST', @Message = N'other order', @StoreId = 'T15A', @QueueId = 2;

    SELECT a.Code, a.StoreId, a.QueueId, a.Occurrences, a.Severity, a.[Message] INTO #Actual FROM woo.Alert AS a;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES ('CPO-TEST', 'T15A', 1, 2, 'CRITICAL', N'second'), ('CPO-TEST', 'T15A', 2, 1, 'WARNING', N'other order');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    UPDATE woo.Alert SET AcknowledgedAtUtc = SYSUTCDATETIME(), AcknowledgedBy = N'test' WHERE QueueId = 1;
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-TEST', @Message = N'back again', @StoreId = 'T15A', @QueueId = 1;
    DECLARE @Rows int = (SELECT COUNT(*) FROM woo.Alert WHERE QueueId = 1);
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Rows, @Message = N'a problem back after its acknowledgement is a new alert';
END;
