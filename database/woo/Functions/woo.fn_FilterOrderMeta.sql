-- Design 10: the order JSON as the queue keeps it: the top-level meta_data[] and each line_items[].meta_data[] reduced to
-- the store's allowed keys (woo.StoreMetaKey; none = no meta_data kept). Other text is left as JSON_MODIFY leaves it.
-- Text that is not JSON, and a meta_data that is not an array, are returned unchanged. The planner reads no meta_data.
CREATE FUNCTION [woo].[fn_FilterOrderMeta] (@StoreId varchar (10), @OrderJson nvarchar (max))
RETURNS nvarchar (max)
AS
BEGIN
    IF @OrderJson IS NULL OR ISJSON(@OrderJson) = 0
        RETURN @OrderJson;
    DECLARE @Out nvarchar (max) = @OrderJson, @Path nvarchar (100) = N'$.meta_data', @Kept nvarchar (max), @Line int = -1, @Lines int;
    SET @Lines = CASE WHEN LEFT(LTRIM(JSON_QUERY(@OrderJson, N'$.line_items')), 1) = N'[' THEN (SELECT COUNT(*) FROM OPENJSON(@OrderJson, N'$.line_items')) ELSE 0 END;
    WHILE @Line < @Lines
    BEGIN
        IF @Line >= 0
            SET @Path = N'$.line_items[' + CONVERT(nvarchar (10), @Line) + N'].meta_data';
        IF LEFT(LTRIM(JSON_QUERY(@Out, @Path)), 1) = N'['
        BEGIN
            SET @Kept = (SELECT N'[' + ISNULL(STRING_AGG(CONVERT(nvarchar (max), m.[value]), N',') WITHIN GROUP (ORDER BY CONVERT(int, m.[key])), N'') + N']'
                         FROM OPENJSON(@Out, @Path) AS m
                         WHERE m.[type] = 5
                           AND EXISTS (SELECT 1 FROM woo.StoreMetaKey AS k WHERE k.StoreId = @StoreId AND k.MetaKey = JSON_VALUE(m.[value], N'$.key')));
            SET @Out = JSON_MODIFY(@Out, @Path, JSON_QUERY(@Kept));
        END;
        SET @Line += 1;
    END;
    RETURN @Out;
END;
