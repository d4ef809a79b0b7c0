-- NULL, non-JSON and an empty object are answers with ok false and CPO-INPUT, read with JSON_VALUE as T-SQL reads a plan.
CREATE PROCEDURE [test_Planning].[test PlanOrderDocument answers bad input with problems and never raises]
AS
BEGIN
    DECLARE @Plan nvarchar(max), @Ok nvarchar(10), @Code nvarchar(50);

    SET @Plan = wooclr.PlanOrderDocument(NULL);
    SET @Ok = JSON_VALUE(@Plan, '$.ok');
    SET @Code = JSON_VALUE(@Plan, '$.problems[0].code');
    EXEC tSQLt.AssertEqualsString @Expected = N'false', @Actual = @Ok;
    EXEC tSQLt.AssertEqualsString @Expected = N'CPO-INPUT', @Actual = @Code;

    SET @Plan = wooclr.PlanOrderDocument(N'{not json');
    SET @Code = JSON_VALUE(@Plan, '$.problems[0].code');
    EXEC tSQLt.AssertEqualsString @Expected = N'CPO-INPUT', @Actual = @Code;

    SET @Plan = wooclr.PlanOrderDocument(N'{}');
    SET @Ok = JSON_VALUE(@Plan, '$.ok');
    EXEC tSQLt.AssertEqualsString @Expected = N'false', @Actual = @Ok;
    IF ISJSON(@Plan) <> 1 EXEC tSQLt.Fail @Message0 = N'the plan is not JSON';
END;
