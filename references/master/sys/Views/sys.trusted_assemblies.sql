-- sys.trusted_assemblies (SQL Server 2017+). Signature stub: never deployed.
CREATE VIEW [sys].[trusted_assemblies]
AS
SELECT CAST(NULL AS varbinary(8000)) AS [hash],
       CAST(NULL AS nvarchar(4000)) AS [description],
       CAST(NULL AS datetime2(7)) AS [create_date],
       CAST(NULL AS nvarchar(128)) AS [created_by];
