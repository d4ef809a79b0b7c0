-- Schema woo: CpOrders' own tables, views and procedures (the pipeline's logic).
CREATE SCHEMA [woo] AUTHORIZATION [dbo];
