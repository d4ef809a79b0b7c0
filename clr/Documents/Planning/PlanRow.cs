using System;
using System.Collections.Generic;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>
    /// One planned row: a value per catalogue column of its plan key (null until set). Setting a column the catalogue does
    /// not list is a planner bug (InvalidOperationException), so a row can never carry a column PlanColumns does not list.
    /// </summary>
    public sealed class PlanRow
    {
        private readonly List<PlanColumn> _columns;
        private readonly Dictionary<string, int> _index;
        private readonly object[] _values;

        internal PlanRow(List<PlanColumn> columns, Dictionary<string, int> index)
        {
            _columns = columns;
            _index = index;
            _values = new object[columns.Count];
        }

        public List<PlanColumn> Columns
        {
            get { return _columns; }
        }

        public object this[string column]
        {
            get { return _values[IndexOf(column)]; }
            set { _values[IndexOf(column)] = value; }
        }

        public object ValueAt(int i)
        {
            return _values[i];
        }

        public PlanRow Set(string column, object value)
        {
            _values[IndexOf(column)] = value;
            return this;
        }

        public decimal Decimal(string column)
        {
            object v = _values[IndexOf(column)];
            return v == null ? 0m : Convert(v);
        }

        private static decimal Convert(object v)
        {
            if (v is decimal) return (decimal)v;
            if (v is int) return (int)v;
            if (v is long) return (long)v;
            throw new InvalidOperationException("not a number: " + v.GetType().Name);
        }

        private int IndexOf(string column)
        {
            int i;
            if (!_index.TryGetValue(column, out i)) throw new InvalidOperationException("the plan has no column " + column + " in " + (_columns.Count > 0 ? _columns[0].PlanKey : "?"));
            return i;
        }
    }

    /// <summary>Makes rows for one plan key.</summary>
    public sealed class PlanRowFactory
    {
        private readonly List<PlanColumn> _columns;
        private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);

        public PlanRowFactory(List<PlanColumn> columns)
        {
            _columns = columns;
            for (int i = 0; i < columns.Count; i++) _index.Add(columns[i].Column, i);
        }

        public PlanRow NewRow()
        {
            return new PlanRow(_columns, _index);
        }
    }
}
