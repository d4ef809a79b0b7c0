-- The daily reconciliation report (issue 15 point 4): the findings of the latest finished woo.usp_Reconcile run
-- (woo.RunLog Step RECONCILE) of each store AND range (FromUtc, ToUtc), so a manual run of another range (or one that
-- found nothing for its own range) never hides the daily findings. Operators: SELECT * FROM woo.ReconcileReport ORDER BY
-- ToUtc DESC; older runs stay in woo.ReconcileFinding by RunId.
CREATE VIEW [woo].[ReconcileReport]
AS
SELECT f.StoreId, f.RunId, r.EndedAtUtc AS RunEndedAtUtc, r.Outcome AS RunOutcome, f.FromUtc, f.ToUtc, f.Severity, f.Code,
       f.WooOrderId, f.WooOrderNumber, f.WooStatus, f.DateCreatedGmt, f.QueueId, f.QueueState, f.DocId, f.TktNo, f.Field,
       f.ShopValue, f.CounterpointValue, f.[Difference], f.[Message]
FROM woo.ReconcileFinding AS f
JOIN woo.RunLog AS r ON r.RunId = f.RunId
WHERE f.RunId = (SELECT MAX(l.RunId) FROM woo.RunLog AS l
                 WHERE l.Step = 'RECONCILE' AND l.StoreId = f.StoreId AND l.IsDryRun = 'N' AND l.Outcome IN ('OK', 'WARNING')
                   AND TRY_CONVERT(datetime2 (0), JSON_VALUE(l.Details, N'$.from_utc')) = f.FromUtc
                   AND TRY_CONVERT(datetime2 (0), JSON_VALUE(l.Details, N'$.to_utc')) = f.ToUtc);
