using CpOrders.Build.DbTool;

// Build-time checks and generators for the CpOrders database. Errors use MSBuild's canonical form.
try
{
    return args.Length == 0 ? Usage() : args[0] switch
    {
        "dml-check" => DmlCheck(args[1..]),
        "counterpoint-access" => Access(args[1..]),
        "deploy-script" => Deploy(args[1..]),
        _ => Usage(),
    };
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or Microsoft.SqlServer.Dac.DacServicesException)
{
    Console.Error.WriteLine($"DbTool: error DBT0001: {ex.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: DbTool dml-check --counterpoint <Counterpoint.dacpac> --local <dacpac> [--local <dacpac>...] <file.sql>...
               DbTool counterpoint-access --root <dir> --sql <out.sql> --report <out.txt> [--pre-sql <out.sql> --collation <name>] <file.sql>...
               DbTool deploy-script --dacpac <CpOrders.dacpac> --profile <publish.xml> --database <name> --out <deploy.sql>
        """);
    return 2;
}

static int DmlCheck(string[] args)
{
    var facts = new ModelFacts();
    var files = new List<string>();
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--counterpoint") facts.Load(args[++i], isCounterpoint: true);
        else if (args[i] == "--local") facts.Load(args[++i], isCounterpoint: false);
        else files.Add(args[i]);
    }
    var checker = new DmlChecker(facts);
    int errors = 0;
    foreach (string file in files)
        foreach (Finding f in checker.Check(SqlSource.Load(file)))
        {
            Console.WriteLine(f);
            errors++;
        }
    Console.WriteLine($"DbTool dml-check: {files.Count} file(s), {errors} error(s)");
    return errors == 0 ? 0 : 1;
}

static int Access(string[] args)
{
    string? root = null, sql = null, report = null, preSql = null, collation = null;
    var files = new List<string>();
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--root") root = args[++i];
        else if (args[i] == "--sql") sql = args[++i];
        else if (args[i] == "--report") report = args[++i];
        else if (args[i] == "--pre-sql") preSql = args[++i];
        else if (args[i] == "--collation") collation = args[++i];
        else files.Add(args[i]);
    }
    if (root == null || sql == null || report == null)
        return Usage();
    List<SqlSource> sources = files.Select(SqlSource.Load).ToList();
    IReadOnlyList<Finding> unsignable = UnsignableModules.Find(sources);
    IReadOnlyList<Finding> hidden = HiddenCounterpointReferences.Find(sources);
    if (unsignable.Count + hidden.Count > 0)
    {
        foreach (Finding f in unsignable.Concat(hidden))
            Console.WriteLine(f);
        Console.WriteLine($"DbTool counterpoint-access: {unsignable.Count} module(s) reference the Counterpoint database but cannot be signed; " +
                          $"{hidden.Count} synonym(s) or string literal(s) hide a Counterpoint reference");
        return 1;
    }
    IReadOnlyList<CounterpointModule> modules = CounterpointAccess.Derive(sources);
    WriteIfChanged(sql, CounterpointAccessWriter.PostDeployData(modules));
    WriteIfChanged(report, CounterpointAccessWriter.Report(modules, root));
    if (preSql != null)
        WriteIfChanged(preSql, CounterpointCheckWriter.PreDeployData(modules, collation ?? ""));
    Console.WriteLine($"DbTool counterpoint-access: {modules.Count} module(s) reference the Counterpoint database, {CounterpointAccess.Union(modules).Count} grant(s)");
    return 0;
}

static int Deploy(string[] args)
{
    string? dacpac = null, profile = null, database = null, output = null;
    for (int i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--dacpac": dacpac = args[++i]; break;
            case "--profile": profile = args[++i]; break;
            case "--database": database = args[++i]; break;
            case "--out": output = args[++i]; break;
        }
    }
    if (dacpac == null || profile == null || database == null || output == null)
        return Usage();
    WriteIfChanged(output, DeployScript.Generate(dacpac, profile, database));
    Console.WriteLine($"DbTool deploy-script: wrote {output}");
    return 0;
}

static void WriteIfChanged(string path, string text)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    if (!File.Exists(path) || File.ReadAllText(path) != text)
        File.WriteAllText(path, text);
}
