-- tSQLt test class for how CLR errors reach T-SQL (README "Write procedures: common rules").
CREATE SCHEMA [test_ClrErrors] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_ClrErrors';
