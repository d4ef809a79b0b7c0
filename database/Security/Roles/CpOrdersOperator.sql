-- Role of the people who run CpOrders day to day (health check, recovery after a failed deploy). It holds only what
-- database/Security/Permissions.sql grants it.
CREATE ROLE [CpOrdersOperator] AUTHORIZATION [dbo];
