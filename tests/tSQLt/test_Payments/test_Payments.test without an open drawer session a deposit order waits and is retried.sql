-- DEPOSIT, a captured payment, the web drawer has no open session: nothing is written, the order waits as RETRY with
-- code CPO-DRAWER-CLOSED, no attempt counted (it is not the order's fault), next try in about 15 minutes; no ticket
-- number is taken. (Chosen over PARKED: a drawer closed overnight must not need a person for every order.)
--[@tSQLt:NoTransaction]('test_Payments.CleanUp')
CREATE PROCEDURE [test_Payments].[test without an open drawer session a deposit order waits and is retried]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = 'DEPOSIT', @OpenSession = 'N';
    DECLARE @QueueId bigint, @State varchar (10), @Code varchar (40), @Attempts int, @Next datetime2 (0), @Docs int, @Counter varchar (15);
    EXEC test_Payments.StageOrder @WooOrderId = 95004, @QueueId = @QueueId OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T15Y', @Execute = 'Y';

    SELECT @State = q.[State], @Code = q.LastErrorCode, @Attempts = q.Attempts, @Next = q.NextAttemptUtc FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'RETRY', @Actual = @State, @Message = N'the order waits';
    EXEC tSQLt.AssertEquals @Expected = 'CPO-DRAWER-CLOSED', @Actual = @Code, @Message = N'and says why';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Attempts, @Message = N'no attempt counted';
    IF @Next IS NULL OR @Next < DATEADD(MINUTE, 14, SYSUTCDATETIME()) OR @Next > DATEADD(MINUTE, 16, SYSUTCDATETIME())
        EXEC tSQLt.Fail N'the next attempt is about 15 minutes away, not ', @Next;
    SELECT @Docs = COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T15Y';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Docs, @Message = N'nothing written';
    SELECT @Counter = c.NXT_TKT_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = 'T15Y';
    EXEC tSQLt.AssertEquals @Expected = 'T900', @Actual = @Counter, @Message = N'no ticket number taken';
END;
