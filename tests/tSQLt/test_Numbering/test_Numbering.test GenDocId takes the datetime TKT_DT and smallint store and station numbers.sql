-- Order 70039's store and station (PS_STR.STR_NO 2, PS_STA.STA_NO 1, both smallint) and TKT_DT 2020-05-05 03:40:10
-- (datetime): 2 | 01 | O=1 | day 126 mod 100 = 26 | 13,210 s x 10 + variant 0. A datetime at 23:59:59.997 stays on its day.
CREATE PROCEDURE [test_Numbering].[test GenDocId takes the datetime TKT_DT and smallint store and station numbers]
AS
BEGIN
    DECLARE @StrNo smallint = 2, @StaNo smallint = 1, @DocTyp varchar(1) = 'O',
            @TktDt datetime = '2020-05-05T03:40:10', @LastTick datetime = '2020-05-05T23:59:59.997',
            @Expected bigint, @Actual bigint;

    SELECT @Expected = 201126132100, @Actual = wooclr.GenDocId(@StrNo, @StaNo, @DocTyp, @TktDt, 0);
    EXEC tSQLt.AssertEquals @Expected = @Expected, @Actual = @Actual, @Message = N'order 70039 at TKT_DT';

    SELECT @Expected = 201126863999, @Actual = wooclr.GenDocId(@StrNo, @StaNo, @DocTyp, @LastTick, 9);
    EXEC tSQLt.AssertEquals @Expected = @Expected, @Actual = @Actual, @Message = N'the last datetime tick of the day';

    SELECT @Expected = 201126132110, @Actual = wooclr.NextDocIdCandidate(201126132109);
    EXEC tSQLt.AssertEquals @Expected = @Expected, @Actual = @Actual, @Message = N'variant 9 carries into the next second';

    SELECT @Expected = NULL, @Actual = wooclr.GenDocId(@StrNo, @StaNo, @DocTyp, NULL, 0);
    EXEC tSQLt.AssertEquals @Expected = @Expected, @Actual = @Actual, @Message = N'NULL date gives NULL';
END;
