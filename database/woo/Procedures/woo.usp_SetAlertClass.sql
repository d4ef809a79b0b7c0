-- Sets one problem class's digest exception (woo.AlertClassSetting): @PeriodMinutes (its own period), @Mail = 'Y'
-- (always mailed) or 'N' (never mailed, still marked); NULL keeps a value; @Remove = 'Y' returns the class to its
-- severity's rules. Every problem is reported at once; @Execute = 'N' lists current and new, writes nothing.
CREATE PROCEDURE [woo].[usp_SetAlertClass]
    @Code          varchar (40),
    @PeriodMinutes int = NULL,
    @Mail          char (1) = NULL,
    @Remove        char (1) = 'N',
    @Execute       char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Found bit = 0, @CurPeriod int, @CurMail char (1);
    SELECT @Found = 1, @CurPeriod = c.PeriodMinutes, @CurMail = c.Mail FROM woo.AlertClassSetting AS c WHERE c.Code = @Code;
    IF @Code IS NULL OR @Code NOT LIKE 'CPO-_%'
        INSERT INTO @Errors ([Message]) VALUES (N'@Code must be a problem class as woo.Alert.Code spells it (CPO-...).');
    IF @PeriodMinutes IS NOT NULL AND @PeriodMinutes NOT BETWEEN 1 AND 10080
        INSERT INTO @Errors ([Message]) VALUES (N'@PeriodMinutes must be between 1 and 10080 (a week).');
    IF @Mail IS NOT NULL AND @Mail NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Mail must be NULL, Y (always mailed) or N (never mailed).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove must be Y or N.');
    IF @Remove = 'Y' AND (@PeriodMinutes IS NOT NULL OR @Mail IS NOT NULL)
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove = ''Y'' takes no @PeriodMinutes or @Mail.');
    IF @Remove = 'Y' AND @Found = 0 AND @Code IS NOT NULL
        INSERT INTO @Errors ([Message]) VALUES (N'class ''' + @Code + N''' has no exception to remove.');
    IF @Remove = 'N' AND @PeriodMinutes IS NULL AND @Mail IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'give @PeriodMinutes or @Mail (or @Remove = ''Y'').');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetAlertClass: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50651, @All, 1;
    END;

    SELECT v.Setting, v.[Current], v.[New]
    FROM (VALUES (1, N'PeriodMinutes', CONVERT(nvarchar (20), @CurPeriod), CASE WHEN @Remove = 'Y' THEN NULL ELSE CONVERT(nvarchar (20), ISNULL(@PeriodMinutes, @CurPeriod)) END),
                 (2, N'Mail', CONVERT(nvarchar (20), @CurMail), CASE WHEN @Remove = 'Y' THEN NULL ELSE CONVERT(nvarchar (20), ISNULL(@Mail, @CurMail)) END)) AS v (Ord, Setting, [Current], [New])
    ORDER BY v.Ord;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetAlertClass: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.AlertClassSetting WHERE Code = @Code;
    ELSE
    BEGIN
        UPDATE c
        SET PeriodMinutes = ISNULL(@PeriodMinutes, c.PeriodMinutes), Mail = ISNULL(@Mail, c.Mail), UpdatedAtUtc = SYSUTCDATETIME(), UpdatedBy = ORIGINAL_LOGIN()
        FROM woo.AlertClassSetting AS c WITH (UPDLOCK, HOLDLOCK)
        WHERE c.Code = @Code;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.AlertClassSetting (Code, PeriodMinutes, Mail) VALUES (@Code, @PeriodMinutes, @Mail);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetAlertClass: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
