-- Review of issue 13, MAJOR 2: woo.usp_TakeDocumentNumbers never advances the order counter of a Counterpoint store or
-- station that no woo.Store row names (another store, a POS station). Store T13P's station '2' is configured in
-- Counterpoint but not in woo.Store: refused with 50444 and its counter unchanged. Its own transaction (the procedure
-- takes numbers only inside one, and its THROW under XACT_ABORT dooms it), so no tSQLt transaction.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test numbers are taken only for a configured web store and station]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA (STR_ID, STA_ID, STA_NO) VALUES ('T13P', '2', 2);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA_CFG_PS (STR_ID, STA_ID) VALUES ('T13P', '2');
    DECLARE @TktDt datetime = '2026-12-01T10:15:00', @TktNo varchar (15), @DocId bigint, @Error int;
    BEGIN TRANSACTION;
    BEGIN TRY
        EXEC woo.usp_TakeDocumentNumbers @StrId = 'T13P', @StaId = '2', @TktDt = @TktDt, @UseWebNumber = 'N', @Peek = 'N',
             @TktNo = @TktNo OUTPUT, @DocId = @DocId OUTPUT;
    END TRY
    BEGIN CATCH
        SET @Error = ERROR_NUMBER();
    END CATCH;
    IF XACT_STATE() <> 0
        ROLLBACK TRANSACTION;
    DECLARE @Next varchar (15) = (SELECT c.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 50444, @Actual = @Error, @Message = N'refused';
    EXEC tSQLt.AssertEquals @Expected = 'W700', @Actual = @Next, @Message = N'counter unchanged';
END;
