using System.Collections.Generic;

// In the root namespace so every part of the CLR sees it without a using.
namespace CpOrders.WooClr
{
    /// <summary>
    /// A set of keys, for the CLR: .NET Framework's HashSet&lt;T&gt; (System.Core) carries
    /// [HostProtection(MayLeakOnAbort = true)], which SQL Server refuses in EXTERNAL_ACCESS assemblies (a
    /// HostProtectionException at the first call). Dictionary&lt;TKey, TValue&gt; (mscorlib) carries none
    /// (build/ClrTool/FrameworkAllowList.txt). Only what the CLR needs: Add (false when present), Contains, Count.
    /// </summary>
    internal sealed class KeySet<T>
    {
        private readonly Dictionary<T, bool> _keys;

        public KeySet()
        {
            _keys = new Dictionary<T, bool>();
        }

        public KeySet(IEqualityComparer<T> comparer)
        {
            _keys = new Dictionary<T, bool>(comparer);
        }

        public int Count
        {
            get { return _keys.Count; }
        }

        /// <summary>Adds the key; false when it was already there (as HashSet&lt;T&gt;.Add).</summary>
        public bool Add(T key)
        {
            if (_keys.ContainsKey(key)) return false;
            _keys.Add(key, true);
            return true;
        }

        public bool Contains(T key)
        {
            return _keys.ContainsKey(key);
        }
    }
}
