CREATE PROCEDURE [test_Numbering].[test DocIdParts explains order 70039 in one row]
AS
BEGIN
    DECLARE @Rows int, @StoreNo int, @DocType nvarchar(1), @Day int, @ClientTime nvarchar(8);

    SELECT @Rows = COUNT(*), @StoreNo = MAX(p.store_no), @DocType = MAX(p.doc_type), @Day = MAX(p.day_of_year_mod_100),
           @ClientTime = MAX(p.client_time)
    FROM wooclr.DocIdParts(201126152631) AS p;

    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Rows;
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @StoreNo;
    EXEC tSQLt.AssertEqualsString @Expected = N'O', @Actual = @DocType;
    EXEC tSQLt.AssertEquals @Expected = 26, @Actual = @Day;
    EXEC tSQLt.AssertEqualsString @Expected = N'03:39:47', @Actual = @ClientTime;
END;
