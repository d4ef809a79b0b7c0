-- The operator must name the Counterpoint company database (sqlpackage /v:CounterpointDb=... or the :setvar line);
-- the shipped profile and script carry only a placeholder.
IF N'$(CounterpointDb)' = N'__SET_CounterpointDb__'
    RAISERROR (N'CPO-DEPLOY-COUNTERPOINTDB: name the Counterpoint company database: sqlpackage /v:CounterpointDb=<name>, or the :setvar CounterpointDb line of the SQLCMD script.', 16, 1);
ELSE IF DB_ID(N'$(CounterpointDb)') IS NULL
    RAISERROR (N'CPO-DEPLOY-COUNTERPOINTDB: the Counterpoint database [$(CounterpointDb)] does not exist on this instance. CpOrders must be deployed on the same instance as the Counterpoint company database.', 16, 1);
ELSE IF DB_ID(N'$(CounterpointDb)') = DB_ID()
    RAISERROR (N'CPO-DEPLOY-COUNTERPOINTDB: CpOrders must live in its own database, not in the Counterpoint database [$(CounterpointDb)].', 16, 1);
ELSE
    PRINT N'CpOrders pre-deploy: Counterpoint database [$(CounterpointDb)] found.';
GO
