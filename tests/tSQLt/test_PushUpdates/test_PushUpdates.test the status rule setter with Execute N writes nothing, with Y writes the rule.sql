CREATE PROCEDURE [test_PushUpdates].[test the status rule setter with Execute N writes nothing, with Y writes the rule]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #Shown ([Column] nvarchar (100), [Current] nvarchar (1000), [New] nvarchar (1000));
    INSERT INTO #Shown EXEC woo.usp_SetStatusRule @StoreId = 'T15S', @StatusAfterCreate = N'awaiting-pickup',
                                                  @StatusOrder = N'pending, on-hold, processing, awaiting-pickup, completed', @Execute = 'N';
    DECLARE @Rules int = (SELECT COUNT(*) FROM woo.StoreStatusRule), @NewOrder nvarchar (1000) = (SELECT s.[New] FROM #Shown AS s WHERE s.[Column] = N'StatusOrder');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Rules, @Message = N'Execute N wrote a rule';
    EXEC tSQLt.AssertEquals @Expected = N'pending,on-hold,processing,awaiting-pickup,completed', @Actual = @NewOrder, @Message = N'the change is shown';

    EXEC woo.usp_SetStatusRule @StoreId = 'T15S', @StatusAfterCreate = N'awaiting-pickup',
                               @StatusOrder = N'pending, on-hold, processing, awaiting-pickup, completed', @Execute = 'Y';
    SELECT r.StoreId, r.IsEnabled, r.StatusAfterCreate, r.PrivateNoteAfterCreate, r.CustomerNoteAfterCreate, r.StatusWhenShipped, r.StatusWhenVoided, r.StatusOrder
    INTO #Actual FROM woo.StoreStatusRule AS r;
    CREATE TABLE #Expected (StoreId varchar (10), IsEnabled char (1), StatusAfterCreate varchar (40), PrivateNoteAfterCreate char (1),
                            CustomerNoteAfterCreate nvarchar (1000), StatusWhenShipped varchar (40), StatusWhenVoided varchar (40), StatusOrder varchar (400));
    INSERT INTO #Expected VALUES ('T15S', 'Y', 'awaiting-pickup', 'Y', NULL, 'completed', NULL, 'pending,on-hold,processing,awaiting-pickup,completed');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    -- '' clears the status after create; NULL keeps the rest.
    EXEC woo.usp_SetStatusRule @StoreId = 'T15S', @StatusAfterCreate = N'';
    DECLARE @After varchar (40) = (SELECT r.StatusAfterCreate FROM woo.StoreStatusRule AS r), @Order varchar (400) = (SELECT r.StatusOrder FROM woo.StoreStatusRule AS r);
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @After;
    EXEC tSQLt.AssertEquals @Expected = 'pending,on-hold,processing,awaiting-pickup,completed', @Actual = @Order;
END;
