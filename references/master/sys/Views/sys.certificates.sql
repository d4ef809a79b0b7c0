-- sys.certificates (SQL Server 2017). Signature stub: never deployed.
CREATE VIEW [sys].[certificates]
AS
SELECT CAST(NULL AS sysname) AS [name],
       CAST(NULL AS int) AS [certificate_id],
       CAST(NULL AS int) AS [principal_id],
       CAST(NULL AS char(2)) AS [pvt_key_encryption_type],
       CAST(NULL AS nvarchar(60)) AS [pvt_key_encryption_type_desc],
       CAST(NULL AS bit) AS [is_active_for_begin_dialog],
       CAST(NULL AS nvarchar(442)) AS [issuer_name],
       CAST(NULL AS nvarchar(64)) AS [cert_serial_number],
       CAST(NULL AS varbinary(85)) AS [sid],
       CAST(NULL AS nvarchar(128)) AS [string_sid],
       CAST(NULL AS nvarchar(4000)) AS [subject],
       CAST(NULL AS datetime) AS [expiry_date],
       CAST(NULL AS datetime) AS [start_date],
       CAST(NULL AS varbinary(32)) AS [thumbprint],
       CAST(NULL AS nvarchar(260)) AS [attested_by],
       CAST(NULL AS datetime) AS [pvt_key_last_backup_date];
