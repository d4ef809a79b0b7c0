using System.Collections.Generic;
using System.Reflection;

namespace CpOrders.WooClr.Diagnostics
{
    /// <summary>One property of the loaded assembly, as a row.</summary>
    public sealed class AssemblyProperty
    {
        public AssemblyProperty(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; private set; }
        public string Value { get; private set; }
    }

    /// <summary>Reads the identity of this assembly. Pure: no state kept between calls.</summary>
    public sealed class BuildIdentity
    {
        private readonly Assembly _assembly;

        private BuildIdentity(Assembly assembly)
        {
            _assembly = assembly;
        }

        public static BuildIdentity Current()
        {
            return new BuildIdentity(typeof(BuildIdentity).Assembly);
        }

        public string Version
        {
            get
            {
                var info = (AssemblyInformationalVersionAttribute)System.Attribute.GetCustomAttribute(
                    _assembly, typeof(AssemblyInformationalVersionAttribute));
                string v = info != null ? info.InformationalVersion : _assembly.GetName().Version.ToString();
                int plus = v.IndexOf('+');
                return plus >= 0 ? v.Substring(0, plus) : v;
            }
        }

        public IList<AssemblyProperty> Properties()
        {
            AssemblyName name = _assembly.GetName();
            byte[] token = name.GetPublicKeyToken();
            var rows = new List<AssemblyProperty>();
            rows.Add(new AssemblyProperty("assembly_name", name.Name));
            rows.Add(new AssemblyProperty("version", Version));
            rows.Add(new AssemblyProperty("assembly_version", name.Version.ToString()));
            rows.Add(new AssemblyProperty("public_key_token", token == null ? null : CpOrders.WooClr.Text.Hex.Lower(token)));
            rows.Add(new AssemblyProperty("runtime_version", _assembly.ImageRuntimeVersion));
            return rows;
        }
    }
}
