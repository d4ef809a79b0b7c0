-- tSQLt test class for the numbering functions (wooclr.GenDocId, NextDocIdCandidate, DocIdParts, NextDocNumber,
-- OrderNumberProblems; README "SQL surface: numbering"). The rules are tested exhaustively in C#
-- (tests/CpOrders.WooClr.Tests/NumberingFunctionsTests.cs); these prove what only SQL Server can: that the wrappers bind
-- Counterpoint's own column types (datetime TKT_DT, smallint STR_NO/STA_NO, varchar(15) numbers) and how an error arrives.
CREATE SCHEMA [test_Numbering] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Numbering';
