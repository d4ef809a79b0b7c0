-- sys.assembly_files (SQL Server 2017). Signature stub: never deployed.
CREATE VIEW [sys].[assembly_files]
AS
SELECT CAST(NULL AS int) AS [assembly_id],
       CAST(NULL AS nvarchar(260)) AS [name],
       CAST(NULL AS int) AS [file_id],
       CAST(NULL AS varbinary(max)) AS [content];
