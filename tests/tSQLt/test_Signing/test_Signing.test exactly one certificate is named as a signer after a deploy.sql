CREATE PROCEDURE [test_Signing].[test exactly one certificate is named as a signer after a deploy]
AS
BEGIN
    -- Post-deploy drops every certificate named CpOrdersCounterpointSigner_* other than the anchored signer (old or
    -- foreign), so after the runner's two publishes only that one is left.
    DECLARE @Count int = (SELECT COUNT(*) FROM sys.certificates AS c
                          WHERE c.name = N'CpOrdersCounterpointSigner' OR c.name LIKE N'CpOrdersCounterpointSigner[_]%');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Count;
END;
