-- sys.key_encryptions (SQL Server 2017). Signature stub: never deployed. crypt_type 'ESKP' = encrypted by password.
CREATE VIEW [sys].[key_encryptions]
AS
SELECT CAST(NULL AS int) AS [key_id],
       CAST(NULL AS varbinary(32)) AS [thumbprint],
       CAST(NULL AS char(4)) AS [crypt_type],
       CAST(NULL AS nvarchar(60)) AS [crypt_type_desc],
       CAST(NULL AS varbinary(max)) AS [crypt_property];
