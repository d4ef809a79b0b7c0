-- Review r15, 2: a slug the shop does not register becomes 'pending' in WooCommerce (set_status). The checked update sees
-- an answer with another status than the one sent: the message is DEAD with one alert and the shop's status recorded;
-- the next run does not send it again.
CREATE PROCEDURE [test_PushUpdates].[test a status the shop answers differently is dead once and not resent]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    CREATE TABLE #shop (order_id bigint, status nvarchar (40), answers nvarchar (40) NULL);
    INSERT INTO #shop (order_id, status, answers) VALUES (6001, N'processing', N'pending');
    INSERT INTO woo.StoreStatusRule (StoreId, IsEnabled, StatusOrder) VALUES ('T15S', 'Y', 'pending,on-hold,processing,shipped,completed');
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 6001, @WooStatus = N'processing';
    DECLARE @S bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 6001, @Kind = 'STATUS', @Marker = 'cpo:shipped:61', @WooStatus = 'shipped', @MessageId = @S OUTPUT;

    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';
    UPDATE woo.Outbox SET NextAttemptUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME());
    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';

    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Calls, @Message = N'sent once, never again';
    SELECT o.[State], o.LastErrorCode, o.ShopStatus INTO #Actual FROM woo.Outbox AS o WHERE o.MessageId = @S;
    CREATE TABLE #Expected ([State] varchar (10), LastErrorCode varchar (40), ShopStatus varchar (40));
    INSERT INTO #Expected VALUES ('DEAD', 'CPO-WOO-NOT-APPLIED', 'pending');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.Code = 'CPO-OUTBOX-DEAD');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'one alert';
END;
