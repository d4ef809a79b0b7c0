-- PS_STR_CFG_PS.NXT_ORD_NO and TKT_NO are varchar(15); the function takes and returns nvarchar, NULL @MaxChars = 15.
CREATE PROCEDURE [test_Numbering].[test NextDocNumber increments a varchar(15) next-number value]
AS
BEGIN
    DECLARE @NxtOrdNo varchar(15) = 'O101-000365', @Nines varchar(15) = '999', @Next varchar(15), @Problems nvarchar(4000);

    SET @Next = wooclr.NextDocNumber(@NxtOrdNo, NULL);
    EXEC tSQLt.AssertEqualsString @Expected = 'O101-000366', @Actual = @Next;

    SET @Next = wooclr.NextDocNumber(@Nines, 12);
    EXEC tSQLt.AssertEqualsString @Expected = '1000', @Actual = @Next;

    SET @Problems = wooclr.OrderNumberProblems(@NxtOrdNo);
    EXEC tSQLt.AssertEqualsString @Expected = NULL, @Actual = @Problems;

    SET @Problems = wooclr.OrderNumberProblems(N'1234567890123');
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%more than 12%', @Actual = @Problems;
END;
