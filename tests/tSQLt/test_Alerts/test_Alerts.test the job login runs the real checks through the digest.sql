-- r15 finding 12: the AlertDigest job's own command (EXEC woo.usp_SendAlertDigest @Check = 'Y') as the job login, with
-- the real woo.usp_CheckInstall (no spy): the CLR call inside its TRY, the signed reads of Counterpoint and
-- HAS_PERMS_BY_NAME there. Nothing raises, the check's run is not FAILED and the installation was checked (its
-- answer may be a CPO-INSTALL alert on a scratch server, never "not checked: <error>"), and no CPO-CHECK-FAILED.
CREATE PROCEDURE [test_Alerts].[test the job login runs the real checks through the digest]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange] @SpyInstall = 0;

    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_SendAlertDigest @Check = ''Y'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'the AlertDigest job command raised as the job login';

    DECLARE @Outcome varchar (10), @Install nvarchar (2048);
    SELECT @Outcome = r.Outcome, @Install = JSON_VALUE(r.Details, '$.install') FROM woo.RunLog AS r WHERE r.Step = 'ALERT_CHECK';
    DECLARE @CheckFailed int = (SELECT COUNT(*) FROM woo.Alert WHERE Code = 'CPO-CHECK-FAILED');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @CheckFailed, @Message = N'the check failed as the job login';
    IF @Outcome IS NULL OR @Outcome NOT IN ('OK', 'WARNING')
        EXEC tSQLt.Fail N'ALERT_CHECK as the job login ended ', @Outcome;
    IF @Install IS NULL OR @Install LIKE N'not checked%'
        EXEC tSQLt.Fail N'the installation was not checked as the job login: ', @Install;
END;
