-- Schema of tSQLt (signature stub; the real framework is installed by the test runner).
CREATE SCHEMA [tSQLt] AUTHORIZATION [dbo];
