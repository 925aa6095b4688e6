package xuncha.engine.safety;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Defence in depth: the classes Drools compiled from a pack, read with ASM before any of them
 * runs. The classes that hold the rules' own code (consequences, accumulate arguments, functions)
 * may invoke, read and make only what the {@link AllowList} allows, the pack's own classes, the
 * consequence macros of Drools' {@code KnowledgeHelper} and xuncha's helpers; the invokers Drools
 * generates around them from its templates may reach Drools, java.lang, java.util and the pack,
 * and nothing else (no files, network, processes or reflection outside java.lang). A gap in
 * {@link PackCheck} is still caught here. Conditions are not here: Drools compiles them with MVEL
 * at run time, so the syntax-tree check is what covers them.
 */
public final class BytecodeCheck {
    /** One refused instruction: the class (as Drools named it), its method, and what it reached. */
    public record Violation(String className, String method, Object reached) {
    }

    private static final String PACKAGE = AllowList.PACKAGE.replace('.', '/') + "/";
    private static final String HELPER = "org/drools/core/rule/consequence/KnowledgeHelper";
    private static final Set<String> MACROS = Set.of("insert", "insertLogical", "update", "delete", "retract",
            "getFactHandle");
    private static final Map<String, Set<String>> RULE_GLUE = Map.of(
            HELPER, MACROS,
            "xuncha/findings/Emit", Set.of("finding"),
            "org/drools/mvel/field/FieldFactory", Set.of("getInstance", "getFieldValue"),
            "java/lang/StringBuilder", Set.of("<init>", "append", "toString"),
            "java/lang/Object", Set.of("<init>"));
    /** What Drools writes for update($fact): which properties changed, as a bit mask. */
    private static final String BIT_MASKS = "org/drools/util/bitmask/";
    private static final List<String> INVOKER_REACH = List.of("org/drools/", "org/kie/", "java/lang/Object",
            "java/lang/Boolean", "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte",
            "java/lang/Character", "java/lang/Double", "java/lang/Float", "java/lang/String", "java/lang/Number",
            "java/lang/Exception", "java/lang/RuntimeException", "java/lang/Throwable", "java/lang/Class",
            "java/util/", PACKAGE);

    private BytecodeCheck() {
    }

    /** Every refused instruction of these classes (internal name with ".class" to bytes), sorted by class. */
    public static List<Violation> check(Map<String, byte[]> classes) {
        List<Violation> found = new ArrayList<>();
        new TreeMap<>(classes).forEach((name, bytes) -> {
            String internal = name.endsWith(".class") ? name.substring(0, name.length() - 6) : name;
            boolean invoker = internal.endsWith("Invoker") || internal.contains("Invoker$");
            new ClassReader(bytes).accept(new Classes(internal, invoker, found), ClassReader.SKIP_DEBUG);
        });
        return found;
    }

    private static final class Classes extends ClassVisitor {
        private final String owner;
        private final boolean invoker;
        private final List<Violation> found;

        Classes(String owner, boolean invoker, List<Violation> found) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.invoker = invoker;
            this.found = found;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new Methods(name);
        }

        private final class Methods extends MethodVisitor {
            private final String method;

            Methods(String method) {
                super(Opcodes.ASM9);
                this.method = method;
            }

            private void refuse(Object reached) {
                found.add(new Violation(owner.replace('/', '.'), method, reached));
            }

            @Override
            public void visitMethodInsn(int opcode, String on, String name, String descriptor, boolean itf) {
                if (!(invoker ? reachable(on) : callable(on, name, opcode == Opcodes.INVOKESTATIC))) {
                    refuse(on.replace('/', '.') + "." + name);
                }
            }

            @Override
            public void visitFieldInsn(int opcode, String on, String name, String descriptor) {
                boolean ok = invoker ? reachable(on) : on.startsWith(PACKAGE)
                        || (opcode == Opcodes.GETSTATIC && type(on).map(c -> AllowList.staticField(c, name)).orElse(false));
                if (!ok) {
                    refuse(on.replace('/', '.') + "." + name);
                }
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                String element = type.replaceAll("^\\[+L?|;$", "");
                boolean ok = invoker ? reachable(element) : element.startsWith(PACKAGE) || element.equals(HELPER)
                        || element.length() == 1 || element.startsWith(BIT_MASKS) || type(element).map(c -> opcode != Opcodes.NEW
                        || AllowList.constructible(c)).orElse(false);
                if (!ok) {
                    refuse((opcode == Opcodes.NEW ? "new " : "") + element.replace('/', '.'));
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Type t && !invoker && !ownClass(t)) {
                    refuse(t.getClassName() + ".class");
                } else if (value instanceof Handle || value instanceof ConstantDynamic) {
                    refuse(new xuncha.problems.Messages.Term("bytecode.method_handle"));
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
                if (!bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                    refuse(new xuncha.problems.Messages.Term("bytecode.lambda",
                            bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName()));
                }
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                if (!invoker) {
                    refuse(new xuncha.problems.Messages.Term("bytecode.new_array", descriptor));
                }
            }
        }
    }

    /**
     * A class literal Drools writes itself: update($fact) names the fact's class (a pack's declared
     * type or a fact). The rules cannot write one (PackCheck refuses class literals).
     */
    private static boolean ownClass(Type t) {
        String internal = t.getInternalName();
        return internal.startsWith(PACKAGE) || type(internal).map(AllowList::isFact).orElse(false);
    }

    /** What the rules' own code may call. */
    private static boolean callable(String on, String name, boolean isStatic) {
        if (on.startsWith(PACKAGE) || on.startsWith(BIT_MASKS)) {
            return true;
        }
        Set<String> glue = RULE_GLUE.get(on);
        if (glue != null && glue.contains(name)) {
            return true;
        }
        if (on.startsWith("[")) {
            return name.equals("clone");
        }
        Optional<Class<?>> type = type(on);
        if (type.isEmpty()) {
            return false;
        }
        if (name.equals("<init>")) {
            return AllowList.constructible(type.get());
        }
        return isStatic ? AllowList.staticMethod(type.get(), name) : AllowList.method(name);
    }

    /** What Drools' generated invokers may reach. */
    private static boolean reachable(String on) {
        String element = on.replaceAll("^\\[+L?|;$", "");
        return element.length() == 1 || type(element).isPresent() || INVOKER_REACH.stream().anyMatch(
                p -> p.endsWith("/") ? element.startsWith(p) : element.equals(p));
    }

    private static Optional<Class<?>> type(String internal) {
        return AllowList.type(internal.replace('/', '.'));
    }
}
