-- DEPOSIT, captured payments, the web drawer stays closed (review r15 MAJOR 2): two orders wait. A waiting order counts
-- no attempt and its next try keeps moving, so neither DEAD nor CPO-QUEUE-STALE can show it; after the store's
-- DrawerWaitAlertMinutes one WARNING CPO-DRAWER-CLOSED is raised for the store (not one per order), and each order's
-- history has one RETRY event for the wait, not one per try.
--[@tSQLt:NoTransaction]('test_Payments.CleanUp')
CREATE PROCEDURE [test_Payments].[test a wait for a closed drawer is alerted once per store after the limit]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = 'DEPOSIT', @OpenSession = 'N';
    UPDATE woo.StorePaymentRule SET DrawerWaitAlertMinutes = 60 WHERE StoreId = 'T15Y';
    DECLARE @Q1 bigint, @Q2 bigint, @Alerts int, @Events int, @Occurrences int, @Waiting int, @Message nvarchar (4000);
    EXEC test_Payments.StageOrder @WooOrderId = 95011, @QueueId = @Q1 OUTPUT;
    EXEC test_Payments.StageOrder @WooOrderId = 95012, @QueueId = @Q2 OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T15Y', @Execute = 'Y';
    SELECT @Alerts = COUNT(*) FROM woo.Alert AS a WHERE a.Code = 'CPO-DRAWER-CLOSED' AND a.StoreId = 'T15Y';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Alerts, @Message = N'no alert before the limit';

    -- An hour later (the events' time moved back), both orders due again, and a second try.
    UPDATE woo.OrderEvent SET EventAtUtc = DATEADD(MINUTE, -61, EventAtUtc) WHERE QueueId IN (@Q1, @Q2);
    UPDATE woo.OrderQueue SET NextAttemptUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME()) WHERE QueueId IN (@Q1, @Q2);
    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T15Y', @Execute = 'Y';

    SELECT @Waiting = COUNT(*) FROM woo.OrderQueue AS q WHERE q.QueueId IN (@Q1, @Q2) AND q.[State] = 'RETRY' AND q.LastErrorCode = 'CPO-DRAWER-CLOSED' AND q.Attempts = 0;
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Waiting, @Message = N'both still wait, no attempt counted';
    SELECT @Events = COUNT(*) FROM woo.OrderEvent AS e WHERE e.QueueId = @Q1 AND e.EventType = 'RETRY' AND e.Code = 'CPO-DRAWER-CLOSED';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Events, @Message = N'one event for the wait, not one per try';
    SELECT @Alerts = COUNT(*), @Occurrences = MAX(a.Occurrences), @Message = MAX(a.[Message])
    FROM woo.Alert AS a WHERE a.Code = 'CPO-DRAWER-CLOSED' AND a.StoreId = 'T15Y' AND a.AcknowledgedAtUtc IS NULL AND a.Severity = 'WARNING';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'one WARNING for the store';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Occurrences, @Message = N'raised once in the run, not once per order';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%drawer 1 of Counterpoint store T15Y%2 order(s) wait%', @Actual = @Message, @Message = N'says which drawer to open';
END;
