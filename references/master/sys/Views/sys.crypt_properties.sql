-- sys.crypt_properties (SQL Server 2017). Signature stub: never deployed.
CREATE VIEW [sys].[crypt_properties]
AS
SELECT CAST(NULL AS tinyint) AS [class],
       CAST(NULL AS nvarchar(60)) AS [class_desc],
       CAST(NULL AS int) AS [major_id],
       CAST(NULL AS varbinary(32)) AS [thumbprint],
       CAST(NULL AS char(2)) AS [crypt_type],
       CAST(NULL AS nvarchar(60)) AS [crypt_type_desc],
       CAST(NULL AS varbinary(max)) AS [crypt_property];
