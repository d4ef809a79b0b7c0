-- tSQLt.TestResult: one row per test of the last run (the runner reads it). Signature stub; never deployed.
CREATE TABLE [tSQLt].[TestResult] (
    [Id]            int            IDENTITY (1, 1) NOT NULL PRIMARY KEY,
    [Class]         nvarchar (max) NOT NULL,
    [TestCase]      nvarchar (max) NOT NULL,
    [Name]          AS ((QUOTENAME([Class]) + '.') + QUOTENAME([TestCase])),
    [TranName]      nvarchar (max) NULL,
    [Result]        nvarchar (max) NULL,
    [Msg]           nvarchar (max) NULL,
    [TestStartTime] datetime2 (7)  NULL,
    [TestEndTime]   datetime2 (7)  NULL
);
