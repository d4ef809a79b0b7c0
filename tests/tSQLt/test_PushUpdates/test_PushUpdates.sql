-- tSQLt test class: what CpOrders tells the shop (issue 15 point 1 and 4; README "Status back to the shop"):
-- woo.usp_PushUpdates, woo.usp_SetStatusRule, the operator procedures on messages, and the CREATED messages queued in
-- woo.usp_ProcessStagedOrders' document transaction. CpOrders' tables are faked; the four transport procedures are spied
-- (Arrange): each request is a row of the test's #sent, the batch answers every order applied except the ids in the
-- test's #fail, notes land in the test's #shopNotes (the stand-in for the shop's notes), and a note whose marker is in
-- #lostAnswers reaches the shop but its answer is lost (a timeout). woo.usp_PushUpdates' short transactions nest in
-- tSQLt's (no tested path rolls back), so tSQLt's transaction is used; only the test through woo.usp_ProcessStagedOrders
-- (which refuses an outer transaction) is a NoTransaction test, cleaned up by test_ProcessStagedOrders.CleanUp.
CREATE SCHEMA [test_PushUpdates] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_PushUpdates';
