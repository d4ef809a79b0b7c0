-- The PS_DOC_LIN_PRICE rows of a document plan (wooclr.PlanOrderDocument's "PS_DOC_LIN_PRICE" array), typed with Counterpoint's
-- column types (text columns as varchar(max), which OPENJSON can return). The ONE list of the columns CpOrders writes to
-- PS_DOC_LIN_PRICE: woo.usp_WriteOrderDocument inserts from it, the dry run shows it, woo.usp_CheckCounterpointSchema compares it with
-- the live table, and tests/CpOrders.Build.Tests (PlanWriterTests) prove it equals the planner's output columns.
CREATE FUNCTION [woo].[fn_Plan_PS_DOC_LIN_PRICE] (@Plan nvarchar (max))
RETURNS TABLE
AS
RETURN
    SELECT p.[DOC_ID], p.[LIN_SEQ_NO], p.[PRC_JUST_STR], p.[PRC_GRP_COD], p.[PRC_GRP_DESCR], p.[PRC_RUL_DESCR], p.[PRC_GRP_TYP], p.[PRC_RUL_SEQ_NO], p.[PRC_BRK_DESCR], p.[PRC_SEQ_NO], p.[QTY_PRCD], p.[UNIT_PRC], p.[DIM_1_UPR], p.[DIM_2_UPR], p.[DIM_3_UPR]
    FROM OPENJSON(@Plan, N'$.PS_DOC_LIN_PRICE')
    WITH (
        [DOC_ID]          bigint,
        [LIN_SEQ_NO]      int,
        [PRC_JUST_STR]    varchar(20),
        [PRC_GRP_COD]     varchar(10),
        [PRC_GRP_DESCR]   varchar(30),
        [PRC_RUL_DESCR]   varchar(30),
        [PRC_GRP_TYP]     varchar(1),
        [PRC_RUL_SEQ_NO]  int,
        [PRC_BRK_DESCR]   varchar(50),
        [PRC_SEQ_NO]      smallint,
        [QTY_PRCD]        decimal(15, 4),
        [UNIT_PRC]        decimal(15, 4),
        [DIM_1_UPR]       varchar(15),
        [DIM_2_UPR]       varchar(15),
        [DIM_3_UPR]       varchar(15)
    ) AS p;
