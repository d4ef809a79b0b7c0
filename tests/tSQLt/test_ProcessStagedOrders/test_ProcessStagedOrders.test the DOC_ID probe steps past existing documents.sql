-- The DOC_ID of fnGenDocId's layout for this store, station and TKT_DT, and its next variant, are taken by open
-- documents; the next order number W700 is taken too. Inside a transaction (the test's) the numbers procedure takes
-- the third candidate and W701, and moves the counter to W702 - no key violation can follow.
CREATE PROCEDURE [test_ProcessStagedOrders].[test the DOC_ID probe steps past existing documents]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @TktDt datetime = '2026-12-01T10:15:00', @First bigint, @Expected bigint, @DocId bigint, @TktNo varchar (15), @Next varchar (15);
    SET @First = wooclr.GenDocId(913, 1, 'O', @TktDt, 0);
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR (DOC_ID, STR_ID, STA_ID, TKT_NO, DOC_GUID)
    VALUES (@First, 'T13P', '1', 'X-1', NEWID()), (wooclr.NextDocIdCandidate(@First), 'T13P', '1', 'W700', NEWID());
    SET @Expected = wooclr.NextDocIdCandidate(wooclr.NextDocIdCandidate(@First));

    EXEC woo.usp_TakeDocumentNumbers @StrId = 'T13P', @StaId = '1', @TktDt = @TktDt, @UseWebNumber = 'N', @Peek = 'N',
         @TktNo = @TktNo OUTPUT, @DocId = @DocId OUTPUT;

    EXEC tSQLt.AssertEquals @Expected = @Expected, @Actual = @DocId, @Message = N'third candidate';
    EXEC tSQLt.AssertEquals @Expected = 'W701', @Actual = @TktNo, @Message = N'W700 is taken';
    SET @Next = (SELECT c.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 'W702', @Actual = @Next, @Message = N'counter after the number taken';
END;
