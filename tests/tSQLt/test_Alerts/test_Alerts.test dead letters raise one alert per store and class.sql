-- Two DEAD orders and one DEAD outbox message make one CPO-QUEUE-DEAD and one CPO-OUTBOX-DEAD alert; a second check
-- adds nothing; a new dead letter counts one more occurrence; a requeued one leaves woo.AlertSeenItem.
CREATE PROCEDURE [test_Alerts].[test dead letters raise one alert per store and class]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    SET IDENTITY_INSERT woo.OrderQueue ON;
    INSERT INTO woo.OrderQueue (QueueId, StoreId, WooOrderId, [State], LastErrorCode) VALUES (11, 'T15A', 5011, 'DEAD', 'CPO-ITEM-UNKNOWN'), (12, 'T15A', 5012, 'DEAD', 'SQL-547'),
                                                                                     (13, 'T15A', 5013, 'APPLIED', NULL);
    SET IDENTITY_INSERT woo.OrderQueue OFF;
    INSERT INTO woo.Outbox (StoreId, WooOrderId, QueueId, Kind, Cause, Marker, WooStatus, [State], LastErrorCode)
    VALUES ('T15A', 5013, 13, 'STATUS', 'CREATED', 'cpo:created:1', 'processing', 'DEAD', 'CPO-WOO-401');

    EXEC woo.usp_CheckAlerts @Force = 'Y';
    EXEC woo.usp_CheckAlerts @Force = 'Y';
    SELECT a.Code, a.StoreId, a.Occurrences INTO #Actual FROM woo.Alert AS a;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES ('CPO-QUEUE-DEAD', 'T15A', 1), ('CPO-OUTBOX-DEAD', 'T15A', 1);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    UPDATE woo.OrderQueue SET [State] = 'DEAD' WHERE QueueId = 13;
    UPDATE woo.OrderQueue SET [State] = 'PENDING', NextAttemptUtc = SYSUTCDATETIME() WHERE QueueId = 11;   -- requeued
    EXEC woo.usp_CheckAlerts @Force = 'Y';
    DECLARE @Occurrences int = (SELECT Occurrences FROM woo.Alert WHERE Code = 'CPO-QUEUE-DEAD');
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Occurrences, @Message = N'a new dead letter is one more occurrence';
    SELECT s.Code, s.ItemId INTO #Seen FROM woo.AlertSeenItem AS s;
    SELECT TOP (0) * INTO #SeenExpected FROM #Seen;
    INSERT INTO #SeenExpected VALUES ('CPO-QUEUE-DEAD', 12), ('CPO-QUEUE-DEAD', 13), ('CPO-OUTBOX-DEAD', 1);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#SeenExpected', @Actual = N'#Seen';
END;
