-- "A health check that lies to a non-sysadmin": the operator login (only CpOrdersOperator, no VIEW SERVER STATE) cannot
-- see sys.trusted_assemblies. Without a record its clr_trusted is UNKNOWN and the summary at least WARNING; with a
-- sysadmin's record made on this server and this copy of the database it is that record; with a record from another
-- server (a restore, a failover) it is UNKNOWN again. The procedure runs for it without an error.
CREATE PROCEDURE [test_PipelineHealth].[test the operator login is told UNKNOWN for what it cannot see, never OK]
AS
BEGIN
    EXEC [test_PipelineHealth].[Arrange];
    CREATE TABLE #Seen (Step varchar (20) NOT NULL, TrustStatus varchar (10) NULL, SummaryStatus varchar (10) NULL, ProcStatus varchar (10) NULL,
                        ErrorMessage nvarchar (4000) NULL);
    DECLARE @Batch nvarchar (max) = N'
DECLARE @T varchar (10), @S varchar (10), @P varchar (10), @R nvarchar (4000), @E nvarchar (4000);
EXECUTE AS LOGIN = N''CpOrdersTest_OperatorLogin'';
BEGIN TRY
    SELECT @T = h.[Status] FROM woo.HealthCheck AS h WHERE h.Area = ''SERVER'' AND h.CheckName = ''clr_trusted'';
    SELECT @S = s.[Status] FROM woo.HealthSummary AS s;
    EXEC woo.usp_PipelineHealth @ResultSets = ''N'', @Status = @P OUTPUT, @Reason = @R OUTPUT;
END TRY
BEGIN CATCH
    SET @E = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Seen (Step, TrustStatus, SummaryStatus, ProcStatus, ErrorMessage) VALUES (''{step}'', @T, @S, @P, @E);';

    DECLARE @Run nvarchar (max) = REPLACE(@Batch, N'{step}', N'no record');
    EXEC (@Run);
    INSERT INTO woo.InstallCheckRecord (CheckName, [Status], Detail, CheckedBy, ServerName, DatabaseCreatedAt)
    SELECT 'clr_trusted', 'OK', N'The assembly''s SHA2_512 is in sys.trusted_assemblies.', N'dba', ISNULL(@@SERVERNAME, N''), d.create_date
    FROM sys.databases AS d WHERE d.database_id = DB_ID();
    SET @Run = REPLACE(@Batch, N'{step}', N'record here');
    EXEC (@Run);
    UPDATE woo.InstallCheckRecord SET ServerName = N'OTHER-SERVER' WHERE CheckName = 'clr_trusted';
    SET @Run = REPLACE(@Batch, N'{step}', N'record elsewhere');
    EXEC (@Run);

    DECLARE @Error nvarchar (4000) = (SELECT TOP (1) ErrorMessage FROM #Seen WHERE ErrorMessage IS NOT NULL);
    IF @Error IS NOT NULL
        EXEC tSQLt.Fail N'the operator login could not read its health: ', @Error;
    IF HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 0
        EXEC tSQLt.Fail N'sanity: the runner is expected to be sysadmin';
    SELECT Step, TrustStatus, CASE WHEN SummaryStatus = 'OK' THEN 'OK' ELSE 'not OK' END AS Summary,
           CASE WHEN ProcStatus = 'OK' THEN 'OK' ELSE 'not OK' END AS ByProc
    INTO #Actual FROM #Seen WHERE Step <> 'record here';
    INSERT INTO #Actual (Step, TrustStatus, Summary, ByProc) SELECT Step, TrustStatus, 'any', 'any' FROM #Seen WHERE Step = 'record here';
    CREATE TABLE #Expected (Step varchar (20) NOT NULL, TrustStatus varchar (10) NULL, Summary varchar (10) NOT NULL, ByProc varchar (10) NOT NULL);
    INSERT INTO #Expected (Step, TrustStatus, Summary, ByProc)
    VALUES ('no record', 'UNKNOWN', 'not OK', 'not OK'), ('record here', 'OK', 'any', 'any'), ('record elsewhere', 'UNKNOWN', 'not OK', 'not OK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
