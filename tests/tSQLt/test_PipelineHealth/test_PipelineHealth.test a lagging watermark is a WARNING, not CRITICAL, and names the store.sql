-- Watermark lag: 2 minutes is OK, 2 hours is WARNING (limit 30 min), 2 days is CRITICAL (limit 1 day).
CREATE PROCEDURE [test_PipelineHealth].[test a lagging watermark is a WARNING, not CRITICAL, and names the store]
AS
BEGIN
    EXEC [test_PipelineHealth].[Arrange] @WatermarkAgeMinutes = 2;
    CREATE TABLE #Actual (Lag varchar (10) NOT NULL, [Status] varchar (10) NOT NULL);
    INSERT INTO #Actual (Lag, [Status]) SELECT '2 min', h.[Status] FROM woo.HealthCheck AS h WHERE h.CheckName = 'pull_watermark' AND h.StoreId = 'WEB';
    UPDATE woo.Store SET PullWatermarkUtc = DATEADD(MINUTE, -120, SYSUTCDATETIME());
    INSERT INTO #Actual (Lag, [Status]) SELECT '2 h', h.[Status] FROM woo.HealthCheck AS h WHERE h.CheckName = 'pull_watermark' AND h.StoreId = 'WEB';

    DECLARE @Status varchar (10), @Reason nvarchar (4000);
    EXEC woo.usp_PipelineHealth @ResultSets = 'N', @Status = @Status OUTPUT, @Reason = @Reason OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'WARNING', @Actual = @Status, @Message = @Reason;
    IF @Reason NOT LIKE N'%pull_watermark [[]WEB]%'
        EXEC tSQLt.Fail N'the reason does not name the lagging watermark of store WEB: ', @Reason;

    UPDATE woo.Store SET PullWatermarkUtc = DATEADD(DAY, -2, SYSUTCDATETIME());
    INSERT INTO #Actual (Lag, [Status]) SELECT '2 days', h.[Status] FROM woo.HealthCheck AS h WHERE h.CheckName = 'pull_watermark' AND h.StoreId = 'WEB';
    CREATE TABLE #Expected (Lag varchar (10) NOT NULL, [Status] varchar (10) NOT NULL);
    INSERT INTO #Expected (Lag, [Status]) VALUES ('2 min', 'OK'), ('2 h', 'WARNING'), ('2 days', 'CRITICAL');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
