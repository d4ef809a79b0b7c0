-- Role of the dedicated non-sysadmin login that owns the CpOrders jobs (design 8). It holds only what
-- database/Security/Permissions.sql grants it; everything else reaches Counterpoint and wooclr through signed,
-- dbo-owned modules.
CREATE ROLE [CpOrdersJob] AUTHORIZATION [dbo];
