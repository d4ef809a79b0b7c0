-- A variant digit outside 0-9 is a bug in the caller: Msg 6522 (.NET type name first), message containing CPO-PARAM:.
CREATE PROCEDURE [test_Numbering].[test a numbering error is Msg 6522 found with LIKE CPO-PARAM]
AS
BEGIN
    DECLARE @Id bigint;

    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'%CPO-PARAM: the variant digit must be 0-9%', @ExpectedErrorNumber = 6522;

    SET @Id = wooclr.GenDocId(2, 1, N'O', '2020-05-05T03:40:10', 10);
END;
