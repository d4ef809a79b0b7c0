-- 6. Record woo.usp_CheckInstall's answers as the deploying sysadmin sees them (woo.InstallCheckRecord, through
--    woo.usp_PipelineHealth), so the health views tell the job login, operators and monitor logins the server-level
--    facts they cannot see themselves (the trust entry, the signer's link to the Counterpoint user, the exact grants,
--    the master key), never an OK nobody checked. After the jobs step: the record says what the deploy leaves behind.
--    The same answers as last time: only their confirmation time moves, and the step says "no changes.".
DECLARE @HealthRecorded int, @HealthStatus varchar(10), @HealthReason nvarchar(4000);
IF IS_SRVROLEMEMBER(N'sysadmin') = 1
BEGIN
    EXEC woo.usp_PipelineHealth @ResultSets = 'N', @Status = @HealthStatus OUTPUT, @Reason = @HealthReason OUTPUT, @Recorded = @HealthRecorded OUTPUT;
    IF @HealthRecorded > 0
        RAISERROR (N'CpOrders post-deploy: health record: recorded %d changed install check answer(s) for the health views (SELECT * FROM woo.HealthServer).', 10, 1, @HealthRecorded) WITH NOWAIT;
    ELSE
        RAISERROR (N'CpOrders post-deploy: health record: no changes.', 10, 1) WITH NOWAIT;
END
ELSE
    RAISERROR (N'CpOrders post-deploy: health record (deployed by a non-sysadmin, nothing recorded: a DBA runs EXEC woo.usp_PipelineHealth;): no changes.', 10, 1) WITH NOWAIT;
GO
