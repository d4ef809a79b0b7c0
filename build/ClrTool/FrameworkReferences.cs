using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CpOrders.ClrTool;

/// <summary>One use of a framework type or member by the assembly.</summary>
/// <param name="Assembly">The referenced assembly (mscorlib, System, System.Core, System.Data, ...).</param>
/// <param name="Type">Metadata name of the type: namespace, nested types after '+', generic arity after '`' (<c>System.Collections.Generic.Dictionary`2+Enumerator</c>).</param>
/// <param name="Member">Metadata name of the member (<c>.ctor</c>, <c>get_Count</c>, <c>op_Equality</c>), or "" when only the type is named (signature, local, base type, cast, typeof, catch).</param>
/// <param name="UserType">The type the developer wrote (compiler-generated nesting removed), or the assembly's name for assembly attributes.</param>
/// <param name="UserMember">The method/field the developer wrote, or null for a type-level use (base type, interface, attribute on the type).</param>
public sealed record FrameworkUse(string Assembly, string Type, string Member, string UserType, string? UserMember)
{
    public string Target => Member.Length == 0 ? Type : $"{Type}::{Member}";
    public string Caller => UserMember is null ? UserType : $"{UserType}.{UserMember}";
}

/// <summary>
/// Every framework type and member the assembly references, with the member that references it: IL operands (calls,
/// field accesses, newobj, casts, ldtoken, generic instantiations of types and methods), locals, catch clauses, method and
/// field signatures, base types, interfaces, explicit interface implementations, generic constraints, custom attributes;
/// and, so nothing escapes, every remaining TypeRef/MemberRef row of the metadata (attributed to the assembly).
/// Primitive types in signatures (int, string, object, ...) are encoded without a TypeRef and are not reported;
/// their members are (a call to <c>Int32.Parse</c> references System.Int32).
/// </summary>
public static class FrameworkReferences
{
    public static IReadOnlyList<FrameworkUse> Collect(byte[] assemblyBytes)
    {
        using var pe = new PEReader(ImmutableArray.Create(assemblyBytes));
        var collector = new Collector(pe, pe.GetMetadataReader());
        collector.Run();
        return collector.Uses;
    }

    private sealed class Collector(PEReader pe, MetadataReader md)
    {
        public readonly List<FrameworkUse> Uses = [];
        private readonly HashSet<FrameworkUse> _seen = [];
        private readonly HashSet<EntityHandle> _covered = [];
        private readonly TypeCollector _types = new(md);
        private string _userType = "";
        private string? _userMember;

        public void Run()
        {
            string assemblyName = md.GetString(md.GetAssemblyDefinition().Name);
            At(assemblyName, null);
            Attributes(md.GetAssemblyDefinition().GetCustomAttributes());
            Attributes(md.GetModuleDefinition().GetCustomAttributes());

            foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(typeHandle);
                List<string> chain = TypeChain(typeHandle);
                if (chain.Count == 1 && chain[0] == "<Module>") continue;
                var (userType, member) = CompilerNames.UserMember(chain, "");
                At(userType, member.Length == 0 ? null : member);
                if (!type.BaseType.IsNil) TypeUse(type.BaseType);
                foreach (InterfaceImplementationHandle i in type.GetInterfaceImplementations())
                {
                    InterfaceImplementation implementation = md.GetInterfaceImplementation(i);
                    TypeUse(implementation.Interface);
                    Attributes(implementation.GetCustomAttributes());
                }
                Attributes(type.GetCustomAttributes());
                GenericParameters(type.GetGenericParameters());

                foreach (FieldDefinitionHandle f in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(f);
                    AtMember(chain, md.GetString(field.Name));
                    Signature(() => field.DecodeSignature(_types, null));
                    Attributes(field.GetCustomAttributes());
                }
                foreach (PropertyDefinitionHandle p in type.GetProperties())
                {
                    PropertyDefinition property = md.GetPropertyDefinition(p);
                    AtMember(chain, md.GetString(property.Name));
                    Signature(() => property.DecodeSignature(_types, null));
                    Attributes(property.GetCustomAttributes());
                }
                foreach (EventDefinitionHandle e in type.GetEvents())
                {
                    EventDefinition @event = md.GetEventDefinition(e);
                    AtMember(chain, md.GetString(@event.Name));
                    TypeUse(@event.Type);
                    Attributes(@event.GetCustomAttributes());
                }
                foreach (MethodImplementationHandle mi in type.GetMethodImplementations())
                {
                    MethodImplementation implementation = md.GetMethodImplementation(mi);
                    if (implementation.MethodBody.Kind == HandleKind.MethodDefinition)
                    {
                        AtMember(chain, md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)implementation.MethodBody).Name));
                    }
                    MemberUse(implementation.MethodDeclaration);
                }
                foreach (MethodDefinitionHandle m in type.GetMethods())
                {
                    Method(chain, md.GetMethodDefinition(m));
                }
            }

            // The safety net: whatever the walk above did not reach is still checked, attributed to the assembly.
            At(assemblyName, null);
            foreach (TypeReferenceHandle t in md.TypeReferences)
            {
                if (!_covered.Contains(t)) TypeUse(t);
            }
            foreach (MemberReferenceHandle m in md.MemberReferences)
            {
                if (!_covered.Contains(m)) MemberUse(m);
            }
            foreach (TypeSpecificationHandle t in Enumerable.Range(1, md.GetTableRowCount(TableIndex.TypeSpec)).Select(MetadataTokens.TypeSpecificationHandle))
            {
                if (!_covered.Contains(t)) TypeUse(t);
            }
            foreach (MethodSpecificationHandle m in Enumerable.Range(1, md.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle))
            {
                if (!_covered.Contains(m)) MemberUse(m);
            }
        }

        private void Method(List<string> chain, MethodDefinition method)
        {
            AtMember(chain, md.GetString(method.Name));
            Signature(() => method.DecodeSignature(_types, null));
            Attributes(method.GetCustomAttributes());
            foreach (ParameterHandle p in method.GetParameters()) Attributes(md.GetParameter(p).GetCustomAttributes());
            GenericParameters(method.GetGenericParameters());
            if (method.RelativeVirtualAddress == 0) return;

            MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                StandaloneSignature locals = md.GetStandaloneSignature(body.LocalSignature);
                Signature(() => locals.DecodeLocalSignature(_types, null));
            }
            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                if (!region.CatchType.IsNil) TypeUse(region.CatchType);
            }
            foreach (int token in IlScanner.Tokens(body.GetILReader()))
            {
                EntityHandle handle = MetadataTokens.EntityHandle(token);
                switch (handle.Kind)
                {
                    case HandleKind.MemberReference:
                    case HandleKind.MethodSpecification:
                        MemberUse(handle);
                        break;
                    case HandleKind.TypeReference:
                    case HandleKind.TypeSpecification:
                        TypeUse(handle);
                        break;
                }
            }
        }

        private void At(string userType, string? userMember) => (_userType, _userMember) = (userType, userMember);

        private void AtMember(List<string> chain, string member)
        {
            var (userType, userMember) = CompilerNames.UserMember(chain, member);
            At(userType, userMember);
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (CustomAttributeHandle a in attributes) MemberUse(md.GetCustomAttribute(a).Constructor);
        }

        private void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (GenericParameterHandle g in parameters)
            {
                GenericParameter parameter = md.GetGenericParameter(g);
                foreach (GenericParameterConstraintHandle c in parameter.GetConstraints()) TypeUse(md.GetGenericParameterConstraint(c).Type);
                Attributes(parameter.GetCustomAttributes());
            }
        }

        /// <summary>Decodes a signature; each framework type it names is reported as a type use.</summary>
        private void Signature(Action decode)
        {
            _types.Found.Clear();
            decode();
            foreach (TypeReferenceHandle t in _types.Found.ToList()) Add(t, "");
        }

        private void TypeUse(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    Add((TypeReferenceHandle)handle, "");
                    break;
                case HandleKind.TypeSpecification:
                    _covered.Add(handle);
                    TypeSpecification spec = md.GetTypeSpecification((TypeSpecificationHandle)handle);
                    Signature(() => spec.DecodeSignature(_types, null));
                    break;
            }
        }

        private void MemberUse(EntityHandle handle)
        {
            _covered.Add(handle);
            switch (handle.Kind)
            {
                case HandleKind.MethodSpecification:
                    MethodSpecification spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    MemberUse(spec.Method);
                    Signature(() => spec.DecodeSignature(_types, null));
                    break;
                case HandleKind.MemberReference:
                    MemberReference reference = md.GetMemberReference((MemberReferenceHandle)handle);
                    string name = md.GetString(reference.Name);
                    switch (reference.Parent.Kind)
                    {
                        case HandleKind.TypeReference:
                            Add((TypeReferenceHandle)reference.Parent, name);
                            break;
                        case HandleKind.TypeSpecification:
                            // Dictionary<string, HashSet<int>>.Add: the member belongs to the generic definition; every argument is a type use.
                            TypeSpecification spec2 = md.GetTypeSpecification((TypeSpecificationHandle)reference.Parent);
                            _covered.Add(reference.Parent);
                            if (GenericDefinition(spec2) is { } definition) Add(definition, name);
                            Signature(() => spec2.DecodeSignature(_types, null));
                            break;
                        default:
                            return; // a member of this assembly (its own signature is checked where it is defined)
                    }
                    if (reference.GetKind() == MemberReferenceKind.Method) Signature(() => reference.DecodeMethodSignature(_types, null));
                    else Signature(() => reference.DecodeFieldSignature(_types, null));
                    break;
            }
        }

        private TypeReferenceHandle? GenericDefinition(TypeSpecification spec)
        {
            BlobReader blob = md.GetBlobReader(spec.Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
            blob.ReadSignatureTypeCode(); // CLASS or VALUETYPE
            EntityHandle definition = blob.ReadTypeHandle();
            return definition.Kind == HandleKind.TypeReference ? (TypeReferenceHandle)definition : null;
        }

        private void Add(TypeReferenceHandle handle, string member)
        {
            _covered.Add(handle);
            if (TypeCollector.AssemblyOf(md, handle) is not { } assembly) return;
            var use = new FrameworkUse(assembly, TypeCollector.Name(md, handle), member, _userType, _userMember);
            if (_seen.Add(use)) Uses.Add(use);
        }

        /// <summary>Outermost first; the first name carries the namespace.</summary>
        private List<string> TypeChain(TypeDefinitionHandle handle)
        {
            var chain = new List<string>();
            while (!handle.IsNil)
            {
                TypeDefinition type = md.GetTypeDefinition(handle);
                string name = md.GetString(type.Name);
                TypeDefinitionHandle outer = type.GetDeclaringType();
                if (outer.IsNil && !type.Namespace.IsNil && md.GetString(type.Namespace) is { Length: > 0 } ns) name = ns + "." + name;
                chain.Insert(0, name);
                handle = outer;
            }
            return chain;
        }
    }

    /// <summary>A signature decoder that only records the TypeRefs a signature names (generic arguments included).</summary>
    private sealed class TypeCollector(MetadataReader md) : ISignatureTypeProvider<int, object?>
    {
        public readonly List<TypeReferenceHandle> Found = [];

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            Found.Add(handle);
            return 0;
        }

        public int GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            md.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => 0;
        public int GetArrayType(int elementType, ArrayShape shape) => 0;
        public int GetByReferenceType(int elementType) => 0;
        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;
        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;
        public int GetGenericMethodParameter(object? genericContext, int index) => 0;
        public int GetGenericTypeParameter(object? genericContext, int index) => 0;
        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;
        public int GetPinnedType(int elementType) => 0;
        public int GetPointerType(int elementType) => 0;
        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;
        public int GetSZArrayType(int elementType) => 0;

        /// <summary>The assembly a TypeRef resolves to, or null when it is this assembly/module.</summary>
        public static string? AssemblyOf(MetadataReader md, TypeReferenceHandle handle)
        {
            EntityHandle scope = md.GetTypeReference(handle).ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference) scope = md.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            return scope.Kind == HandleKind.AssemblyReference ? md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) : null;
        }

        public static string Name(MetadataReader md, TypeReferenceHandle handle)
        {
            TypeReference reference = md.GetTypeReference(handle);
            string name = md.GetString(reference.Name);
            if (reference.ResolutionScope.Kind == HandleKind.TypeReference) return Name(md, (TypeReferenceHandle)reference.ResolutionScope) + "+" + name;
            string ns = md.GetString(reference.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }
    }
}
