package grader.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one class file with ASM (the class is never loaded) and lists every API it uses: the
 * owners of the fields and methods it touches, the types its instructions and constants name, the
 * bootstraps and handles of its invokedynamic instructions and dynamic constants, its supertypes
 * and its native methods, each with the line the LineNumberTable gives. Annotations are not uses.
 */
final class ClassScanner {
  private static final int API = Opcodes.ASM9;

  private ClassScanner() {}

  /** A student class: its shape, its source file name, its uses, and every class name it mentions. */
  record ScannedClass(ClassShape shape, String sourceFile, List<ApiUse> uses, Set<String> mentioned) {
    ScannedClass {
      uses = List.copyOf(uses);
      mentioned = Set.copyOf(mentioned);
    }
  }

  /** Scans a student class in full. */
  static ScannedClass scan(byte[] classFile) {
    Collector collector = new Collector(true);
    new ClassReader(classFile).accept(collector, ClassReader.SKIP_FRAMES);
    return new ScannedClass(collector.shape(), collector.sourceFile, collector.uses, collector.mentioned);
  }

  /** Reads only the shape of a class (a JDK class, for the hierarchy). */
  static ClassShape shapeOf(byte[] classFile) {
    Collector collector = new Collector(false);
    new ClassReader(classFile).accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return collector.shape();
  }

  private static final class Collector extends ClassVisitor {
    private final boolean withCode;
    private String name;
    private String superName;
    private List<String> interfaces = List.of();
    private String sourceFile;
    private final Set<String> methods = new HashSet<>();
    private final Set<String> methodNames = new HashSet<>();
    private final Set<String> fields = new HashSet<>();
    private final List<ApiUse> uses = new ArrayList<>();
    private final Set<String> mentioned = new LinkedHashSet<>();
    private final List<ApiUse> supertypeUses = new ArrayList<>();
    private int firstConstructorLine;

    Collector(boolean withCode) {
      super(API);
      this.withCode = withCode;
    }

    ClassShape shape() {
      return new ClassShape(name, superName, interfaces, methods, methodNames, fields);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      this.name = name;
      this.superName = superName;
      this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
      if (superName != null) {
        supertypeUses.add(new ApiUse(ApiUse.Kind.SUPERTYPE, superName, "", "", 0));
        mentioned.add(superName);
      }
      for (String type : this.interfaces) {
        supertypeUses.add(new ApiUse(ApiUse.Kind.SUPERTYPE, type, "", "", 0));
        mentioned.add(type);
      }
    }

    @Override
    public void visitSource(String source, String debug) {
      this.sourceFile = source;
    }

    @Override
    public void visitNestHost(String nestHost) {
      mentioned.add(nestHost);
    }

    @Override
    public void visitNestMember(String nestMember) {
      mentioned.add(nestMember);
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
      mentioned.add(owner);
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
      // Not a use (javac lists MethodHandles$Lookup here for every lambda); only a class to follow.
      mentioned.add(name);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      fields.add(name);
      mentionDescriptor(descriptor);
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      methods.add(name + descriptor);
      methodNames.add(name);
      if (!withCode) {
        return null;
      }
      mentionDescriptor(descriptor);
      if ((access & Opcodes.ACC_NATIVE) != 0) {
        uses.add(new ApiUse(ApiUse.Kind.NATIVE_METHOD, this.name, name, descriptor, 0));
      }
      return new CodeCollector(name.equals("<init>"));
    }

    @Override
    public void visitEnd() {
      for (ApiUse use : supertypeUses) {
        uses.add(new ApiUse(use.kind(), use.owner(), "", "", firstConstructorLine));
      }
    }

    private void mentionDescriptor(String descriptor) {
      Type type = Type.getType(descriptor);
      if (type.getSort() == Type.METHOD) {
        mentionType(type.getReturnType());
        for (Type argument : type.getArgumentTypes()) {
          mentionType(argument);
        }
      } else {
        mentionType(type);
      }
    }

    private void mentionType(Type type) {
      Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
      if (element.getSort() == Type.OBJECT) {
        mentioned.add(element.getInternalName());
      }
    }

    private void mentionOwner(String owner) {
      if (owner.startsWith("[")) {
        mentionType(Type.getType(owner));
      } else {
        mentioned.add(owner);
      }
    }

    /** The uses inside one method's code. */
    private final class CodeCollector extends MethodVisitor {
      private final boolean constructor;
      private int line;

      CodeCollector(boolean constructor) {
        super(API);
        this.constructor = constructor;
      }

      @Override
      public void visitLineNumber(int line, Label start) {
        this.line = line;
        if (constructor && (firstConstructorLine == 0 || line < firstConstructorLine)) {
          firstConstructorLine = line;
        }
      }

      @Override
      public void visitTypeInsn(int opcode, String type) {
        type(type);
      }

      @Override
      public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        type(descriptor);
      }

      @Override
      public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        member(ApiUse.Kind.FIELD, owner, name, descriptor);
      }

      @Override
      public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        member(ApiUse.Kind.METHOD, owner, name, descriptor);
      }

      @Override
      public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        bootstrap(bootstrap, arguments);
      }

      @Override
      public void visitLdcInsn(Object value) {
        constant(value);
      }

      @Override
      public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type != null) {
          mentioned.add(type); // catching a type is no use of it, but the class is loaded to verify
        }
      }

      @Override
      public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
          int index) {
        mentionDescriptor(descriptor);
      }

      private void bootstrap(Handle bootstrap, Object[] arguments) {
        uses.add(new ApiUse(ApiUse.Kind.BOOTSTRAP, bootstrap.getOwner(), bootstrap.getName(), bootstrap.getDesc(),
            line));
        mentionOwner(bootstrap.getOwner());
        for (Object argument : arguments) {
          constant(argument);
        }
      }

      private void constant(Object value) {
        if (value instanceof Type type) {
          if (type.getSort() == Type.OBJECT) {
            type(type.getInternalName());
          } else if (type.getSort() == Type.ARRAY) {
            type(type.getDescriptor());
          } else if (type.getSort() == Type.METHOD) {
            mentionDescriptor(type.getDescriptor());
          }
        } else if (value instanceof Handle handle) {
          boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
          member(field ? ApiUse.Kind.FIELD : ApiUse.Kind.METHOD, handle.getOwner(), handle.getName(),
              handle.getDesc());
        } else if (value instanceof ConstantDynamic dynamic) {
          mentionDescriptor(dynamic.getDescriptor());
          Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
          for (int i = 0; i < arguments.length; i++) {
            arguments[i] = dynamic.getBootstrapMethodArgument(i);
          }
          bootstrap(dynamic.getBootstrapMethod(), arguments);
        }
      }

      /** A type by internal name or descriptor ({@code java/lang/String}, {@code [Ljava/lang/String;}). */
      private void type(String nameOrDescriptor) {
        Type type = nameOrDescriptor.startsWith("[") ? Type.getType(nameOrDescriptor)
            : Type.getObjectType(nameOrDescriptor);
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
          uses.add(new ApiUse(ApiUse.Kind.TYPE, element.getInternalName(), "", "", line));
          mentioned.add(element.getInternalName());
        }
      }

      private void member(ApiUse.Kind kind, String owner, String name, String descriptor) {
        uses.add(new ApiUse(kind, owner, name, descriptor, line));
        mentionOwner(owner);
        mentionDescriptor(descriptor);
      }
    }
  }
}
