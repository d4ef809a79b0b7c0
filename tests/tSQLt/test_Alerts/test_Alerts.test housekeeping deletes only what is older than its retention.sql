-- Retention 10 days everywhere: rows 20 days old go, rows 1 day old stay; open alerts, events of orders still waiting
-- for a person (PARKED, or APPLIED but changed after apply: r15 finding 10), messages not sent, and sent messages of an
-- order still followed (no closed woo.OrderFulfillment row: their Markers keep each announcement once, r15 finding 9)
-- stay whatever their age; the raw JSON purge is called once for real.
CREATE PROCEDURE [test_Alerts].[test housekeeping deletes only what is older than its retention]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderFulfillment', @Defaults = 1;
    UPDATE woo.AlertSetting SET RunLogRetentionDays = 10, OrderEventRetentionDays = 10, OutboxRetentionDays = 10, AlertRetentionDays = 10;
    DECLARE @Old datetime2 (3) = DATEADD(DAY, -20, SYSUTCDATETIME()), @New datetime2 (3) = DATEADD(DAY, -1, SYSUTCDATETIME());

    INSERT INTO woo.RunLog (Step, StartedAtUtc, Outcome, IsDryRun) VALUES ('PULL', @Old, 'OK', 'N'), ('PULL', @New, 'OK', 'N');
    SET IDENTITY_INSERT woo.OrderQueue ON;
    INSERT INTO woo.OrderQueue (QueueId, StoreId, WooOrderId, [State], ChangedAfterApply, DocId)
    VALUES (21, 'T15A', 6021, 'APPLIED', 'N', 1021), (22, 'T15A', 6022, 'PARKED', 'N', NULL), (23, 'T15A', 6023, 'APPLIED', 'Y', 1023),
           (24, 'T15A', 6024, 'APPLIED', 'N', 1024);
    INSERT INTO woo.OrderFulfillment (QueueId, StoreId, DocId, Closed) VALUES (21, 'T15A', 1021, 'Y'), (24, 'T15A', 1024, 'N');
    SET IDENTITY_INSERT woo.OrderQueue OFF;
    SET IDENTITY_INSERT woo.OrderEvent ON;
    INSERT INTO woo.OrderEvent (EventId, QueueId, EventAtUtc, EventType) VALUES (1, 21, @Old, 'APPLIED'), (2, 21, @New, 'CHANGED_AFTER_APPLY'), (3, 22, @Old, 'PARKED'), (4, 23, @Old, 'APPLIED');
    SET IDENTITY_INSERT woo.OrderEvent OFF;
    SET IDENTITY_INSERT woo.Outbox ON;
    INSERT INTO woo.Outbox (MessageId, StoreId, WooOrderId, QueueId, Kind, Cause, Marker, [State], CreatedAtUtc, SentAtUtc)
    VALUES (1, 'T15A', 6021, 21, 'STATUS', 'CREATED', 'm1', 'SENT', @Old, @Old), (2, 'T15A', 6021, 21, 'NOTE', 'CREATED', 'm2', 'SENT', @Old, @New),
           (3, 'T15A', 6021, 21, 'NOTE', 'SHIPPED', 'm3', 'SKIPPED', @Old, NULL), (4, 'T15A', 6022, 22, 'STATUS', 'CREATED', 'm4', 'RETRY', @Old, NULL),
           (5, 'T15A', 6024, 24, 'NOTE', 'CREATED', 'm5', 'SENT', @Old, @Old), (6, 'T15A', 6023, 23, 'NOTE', 'CREATED', 'm6', 'SENT', @Old, @Old);
    SET IDENTITY_INSERT woo.Outbox OFF;
    SET IDENTITY_INSERT woo.Alert ON;
    INSERT INTO woo.Alert (AlertId, Severity, Code, [Message], RaisedAtUtc, AcknowledgedAtUtc)
    VALUES (1, 'WARNING', 'CPO-TEST', N'old, acknowledged', @Old, @Old), (2, 'WARNING', 'CPO-TEST', N'old, acknowledged lately', @Old, @New),
           (3, 'WARNING', 'CPO-TEST', N'old, open', @Old, NULL);
    SET IDENTITY_INSERT woo.Alert OFF;

    EXEC woo.usp_Housekeeping @BatchSize = 100;

    SELECT N'RunLog' AS [Table], r.RunId AS Id INTO #Actual FROM woo.RunLog AS r WHERE r.Step = 'PULL'
    UNION ALL SELECT N'OrderEvent', e.EventId FROM woo.OrderEvent AS e
    UNION ALL SELECT N'Outbox', o.MessageId FROM woo.Outbox AS o
    UNION ALL SELECT N'Alert', a.AlertId FROM woo.Alert AS a;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES (N'RunLog', 2), (N'OrderEvent', 2), (N'OrderEvent', 3), (N'OrderEvent', 4), (N'Outbox', 2), (N'Outbox', 4),
                                 (N'Outbox', 5), (N'Outbox', 6), (N'Alert', 2), (N'Alert', 3);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    DECLARE @Purges int = (SELECT COUNT(*) FROM #purges WHERE [execute] = 'Y'),
            @Outcome varchar (10) = (SELECT Outcome FROM woo.RunLog WHERE Step = 'HOUSEKEEPING');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Purges, @Message = N'the raw JSON purge runs once';
    EXEC tSQLt.AssertEquals @Expected = 'OK', @Actual = @Outcome;
END;
