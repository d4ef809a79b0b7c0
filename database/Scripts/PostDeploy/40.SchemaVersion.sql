-- 4. Record the installed version once per change (a repeated deploy adds no row). @Version comes from the generated
--    part included just before this file (CpoVersion in CpOrders.sqlproj).
-- Through woo.fn_ClrVersion: schema wooclr is denied to public, so a deploying db_owner member cannot call it directly.
DECLARE @ClrVersion varchar(20) = CONVERT(varchar(20), woo.fn_ClrVersion());
IF NOT EXISTS (SELECT 1 FROM woo.SchemaVersion AS v
               WHERE v.SchemaVersionId = (SELECT MAX(SchemaVersionId) FROM woo.SchemaVersion)
                 AND v.[Version] = @Version AND ISNULL(v.ClrVersion, '') = ISNULL(@ClrVersion, ''))
BEGIN
    INSERT INTO woo.SchemaVersion ([Version], ClrVersion) VALUES (@Version, @ClrVersion);
    RAISERROR (N'CpOrders post-deploy: version %s (CLR %s) recorded.', 10, 1, @Version, @ClrVersion) WITH NOWAIT;
END
ELSE
    PRINT N'CpOrders post-deploy: schema version: no changes.';
GO
