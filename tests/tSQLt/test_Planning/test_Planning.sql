-- tSQLt test class for the order-document planner (wooclr.PlanOrderDocument, wooclr.PlanColumns;
-- clr/Documents/Planning/PlanContract.md). The planning rules are tested exhaustively in C#
-- (tests/CpOrders.WooClr.Tests/Planning); these prove what only SQL Server can: that the wrappers bind, that bad input is
-- an answer and never an error, and that PlanColumns equals the columns of a Counterpoint database published from the
-- reference dacpac (the comparison the run-time drift check makes against the live database, design 7).
CREATE SCHEMA [test_Planning] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Planning';
