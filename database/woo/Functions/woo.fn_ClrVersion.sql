-- The CLR assembly's version, read through this dbo-owned module: schema wooclr is denied to public (direct calls
-- fail even for db_owner members), and ownership chaining lets dbo-owned woo modules call it. Post-deploy uses it.
CREATE FUNCTION [woo].[fn_ClrVersion] ()
RETURNS nvarchar (100)
AS
BEGIN
    RETURN CONVERT(nvarchar(100), wooclr.ClrVersion());
END;
