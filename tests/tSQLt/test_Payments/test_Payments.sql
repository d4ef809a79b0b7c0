-- tSQLt test class for payments (issue 15; README "Payments"): each payment mode keeps the order's totals reconciled, a
-- deposit is written as Counterpoint's native order deposit (CDM 7.3: a deposit ticket with 'U' mirror lines, payment
-- rows on both documents, the ticket-to-order link, TOT_TND / AMT_DUE / TOT_DEP_RECEIVED), a closed web drawer makes a
-- deposit order wait, and the setter reports every problem at once. Counterpoint rows are arranged by plain INSERT in
-- the scratch Counterpoint database (design 3b). Store T15Y, Counterpoint store T15Y (STR_NO 915), station 1, drawer 1.
-- The processing tests are NoTransaction tests (the processor refuses an outer transaction) whose CleanUp deletes every
-- row they made; the setter tests use tSQLt's usual transaction.
CREATE SCHEMA [test_Payments] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Payments';
