-- r15 findings 1 and 6: the DBA's record says counterpoint_grants FAIL (an extra role membership the operator login
-- cannot see). The operator runs woo.usp_PipelineHealth: its live answer for that check is only partial (PART), so the
-- recorded FAIL stays and the answer is CRITICAL, as woo.HealthSummary says for the same caller. A record of clr_trusted
-- OK confirmed 8 days ago is too old to vouch for: UNKNOWN.
CREATE PROCEDURE [test_PipelineHealth].[test a live partial OK never hides a recorded failure]
AS
BEGIN
    EXEC [test_PipelineHealth].[Arrange];
    INSERT INTO woo.InstallCheckRecord (CheckName, [Status], Detail, CheckedBy, ServerName, DatabaseCreatedAt, ConfirmedAtUtc)
    SELECT v.CheckName, v.[Status], v.Detail, N'dba', ISNULL(@@SERVERNAME, N''), d.create_date, v.Confirmed
    FROM sys.databases AS d
    CROSS JOIN (VALUES ('counterpoint_grants', 'FAIL', N'extra member of role db_owner', SYSUTCDATETIME()),
                       ('clr_trusted', 'OK', N'The assembly''s SHA2_512 is in sys.trusted_assemblies.', DATEADD(DAY, -8, SYSUTCDATETIME()))) AS v (CheckName, [Status], Detail, Confirmed)
    WHERE d.database_id = DB_ID();

    CREATE TABLE #Seen (ProcStatus varchar (10) NULL, SummaryStatus varchar (10) NULL, TrustStatus varchar (10) NULL, ErrorMessage nvarchar (4000) NULL);
    EXEC (N'
DECLARE @P varchar (10), @R nvarchar (4000), @S varchar (10), @T varchar (10), @E nvarchar (4000);
EXECUTE AS LOGIN = N''CpOrdersTest_OperatorLogin'';
BEGIN TRY
    SELECT @S = s.[Status] FROM woo.HealthSummary AS s;
    SELECT @T = h.[Status] FROM woo.HealthCheck AS h WHERE h.Area = ''SERVER'' AND h.CheckName = ''clr_trusted'';
    EXEC woo.usp_PipelineHealth @ResultSets = ''N'', @Status = @P OUTPUT, @Reason = @R OUTPUT;
END TRY
BEGIN CATCH
    SET @E = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Seen (ProcStatus, SummaryStatus, TrustStatus, ErrorMessage) VALUES (@P, @S, @T, @E);');

    DECLARE @Error nvarchar (4000) = (SELECT ErrorMessage FROM #Seen);
    IF @Error IS NOT NULL
        EXEC tSQLt.Fail N'the operator login could not read its health: ', @Error;
    SELECT ProcStatus, SummaryStatus, TrustStatus INTO #Actual FROM #Seen;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES ('CRITICAL', 'CRITICAL', 'UNKNOWN');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
