-- The real run as the least-privileged caller (review of issue 13, MAJOR 4): the job login runs @Execute = 'Y' for a
-- guest order; the order must be APPLIED (a permission error anywhere in the per-order path - 229 on a woo step, 916 or
-- 229 in Counterpoint when a signature is missing - would make it RETRY instead) and its document and customer exist.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test the job login applies an order through the signed modules]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @QueueId bigint, @Outcomes nvarchar (max), @Error nvarchar (4000);
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91062, @CustomerId = 0, @Email = N'jobrun@example.com', @QueueId = @QueueId OUTPUT;

    EXEC test_ProcessStagedOrders.ProcessAsJobLogin @Execute = 'Y', @Outcomes = @Outcomes OUTPUT, @Error = @Error OUTPUT;

    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'error raised as the job login';
    DECLARE @Outcome varchar (20) = JSON_VALUE(@Outcomes, N'$[0].Outcome');
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @Outcome, @Message = N'outcome as the job login';
    DECLARE @State varchar (10), @DocId bigint, @CustNo varchar (15);
    SELECT @State = q.[State], @DocId = q.DocId, @CustNo = q.CustNo FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @State, @Message = N'queue state';
    DECLARE @Docs int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId),
            @Custs int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.CUST_NO = @CustNo);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Docs, @Message = N'the document';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Custs, @Message = N'the new customer';
END;
