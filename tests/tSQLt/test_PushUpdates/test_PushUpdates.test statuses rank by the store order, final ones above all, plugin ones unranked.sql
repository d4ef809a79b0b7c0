CREATE PROCEDURE [test_PushUpdates].[test statuses rank by the store order, final ones above all, plugin ones unranked]
AS
BEGIN
    DECLARE @Order varchar (400) = 'pending,on-hold,processing,awaiting-pickup,completed';
    SELECT v.S, r.StatusRank INTO #Actual
    FROM (VALUES ('pending'), ('on-hold'), ('processing'), ('awaiting-pickup'), ('completed'), ('cancelled'), ('refunded'), ('failed'),
                 ('trash'), ('shipped'), ('hold'), (NULL)) AS v (S)
    CROSS APPLY woo.fn_StatusRank(@Order, v.S) AS r;
    CREATE TABLE #Expected (S varchar (40), StatusRank int);
    INSERT INTO #Expected VALUES ('pending', 10), ('on-hold', 20), ('processing', 30), ('awaiting-pickup', 40), ('completed', 50), ('cancelled', 1000),
                                 ('refunded', 1000), ('failed', 1000), ('trash', 1000), ('shipped', NULL), ('hold', NULL), (NULL, NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
