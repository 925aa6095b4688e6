package xuncha.engine.safety;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second line: classes as Drools would compile them from a pack, made here with ASM so that
 * they hold what the syntax-tree check would never let through. Each way out is refused.
 */
class BytecodeCheckTest {
    private static final String RULE = "xuncha/rules/Rule_zz1234";

    /** A class {@code name} whose one static method's code is written by {@code code}. */
    private static byte[] classWith(String name, Consumer<MethodVisitor> code) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "defaultConsequence",
                "(Ljava/lang/Object;)V", null, null);
        m.visitCode();
        code.accept(m);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    private static java.util.List<BytecodeCheck.Violation> check(String name, Consumer<MethodVisitor> code) {
        return BytecodeCheck.check(Map.of(name + ".class", classWith(name, code)));
    }

    @Test
    void whatARuleMayDoPasses() {
        assertThat(check(RULE, m -> {
            m.visitLdcInsn(3L);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/math/BigDecimal", "valueOf", "(J)Ljava/math/BigDecimal;", false);
            m.visitFieldInsn(Opcodes.GETSTATIC, "java/math/BigDecimal", "ZERO", "Ljava/math/BigDecimal;");
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/math/BigDecimal", "compareTo", "(Ljava/math/BigDecimal;)I", false);
            m.visitInsn(Opcodes.POP);
            m.visitTypeInsn(Opcodes.NEW, "java/util/ArrayList");
            m.visitInsn(Opcodes.DUP);
            m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "<init>", "()V", false);
            m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I", true);
            m.visitInsn(Opcodes.POP);
            m.visitFieldInsn(Opcodes.GETSTATIC, "xuncha/facts/UnitType", "SCHOOL", "Lxuncha/facts/UnitType;");
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "xuncha/facts/UnitType", "yaml", "()Ljava/lang/String;", false);
            m.visitInsn(Opcodes.POP);
        })).isEmpty();
    }

    @Test
    void runtimeExecIsRefused() {
        assertThat(check(RULE, m -> {
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
            m.visitLdcInsn("touch x");
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "exec", "(Ljava/lang/String;)Ljava/lang/Process;", false);
            m.visitInsn(Opcodes.POP);
        })).extracting(BytecodeCheck.Violation::reached)
                .containsExactly("java.lang.Runtime.getRuntime", "java.lang.Runtime.exec");
    }

    @Test
    void reflectionClassLiteralsAndGetClassAreRefused() {
        assertThat(check(RULE, m -> {
            m.visitLdcInsn(Type.getType("Ljava/lang/String;"));
            m.visitInsn(Opcodes.POP);
            m.visitLdcInsn("x");
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
            m.visitInsn(Opcodes.POP);
        })).extracting(BytecodeCheck.Violation::reached)
                .containsExactly("java.lang.String.class", "java.lang.Object.getClass");
    }

    @Test
    void aLambdaIsRefused() {
        Handle metafactory = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        assertThat(check(RULE, m -> {
            m.visitInvokeDynamicInsn("run", "()Ljava/lang/Runnable;", metafactory,
                    Type.getType("()V"), new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "gc", "()V", false),
                    Type.getType("()V"));
            m.visitInsn(Opcodes.POP);
        })).singleElement().satisfies(v -> assertThat(v.reached().toString()).contains("LambdaMetafactory"));
    }

    @Test
    void newOfAFileAndAProjectClassAreRefused() {
        assertThat(check(RULE, m -> {
            m.visitTypeInsn(Opcodes.NEW, "java/io/File");
            m.visitInsn(Opcodes.POP);
            m.visitInsn(Opcodes.ACONST_NULL);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "xuncha/cli/Main", "main", "([Ljava/lang/String;)V", false);
        })).extracting(BytecodeCheck.Violation::reached).containsExactly("new java.io.File", "xuncha.cli.Main.main");
    }

    @Test
    void theContextMayOnlyInsertUpdateAndDelete() {
        assertThat(check(RULE, m -> {
            m.visitInsn(Opcodes.ACONST_NULL);
            m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/drools/core/rule/consequence/KnowledgeHelper",
                    "getKieRuntime", "()Lorg/kie/api/runtime/KieRuntime;", true);
            m.visitInsn(Opcodes.POP);
        })).extracting(BytecodeCheck.Violation::reached)
                .containsExactly("org.drools.core.rule.consequence.KnowledgeHelper.getKieRuntime");
    }

    @Test
    void droolsInvokersMayReachDroolsButNotFiles() {
        String invoker = RULE + "DefaultConsequenceInvoker";
        assertThat(check(invoker, m -> {
            m.visitInsn(Opcodes.ACONST_NULL);
            m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/drools/base/rule/consequence/Consequence", "getName",
                    "()Ljava/lang/String;", true);
            m.visitInsn(Opcodes.POP);
        })).isEmpty();
        assertThat(check(invoker, m -> {
            m.visitTypeInsn(Opcodes.NEW, "java/io/FileOutputStream");
            m.visitInsn(Opcodes.POP);
        })).extracting(BytecodeCheck.Violation::reached).containsExactly("new java.io.FileOutputStream");
    }
}
