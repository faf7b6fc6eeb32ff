package grader.policy;

import java.util.List;
import java.util.Set;

/**
 * What the policy needs of a class's place in the type hierarchy: its supertypes and the members
 * it declares. Names are internal ({@code java/lang/Thread}).
 *
 * @param methods declared methods as {@code name + descriptor}
 * @param methodNames declared method names (every overload)
 * @param fields declared field names
 */
record ClassShape(String name, String superName, List<String> interfaces, Set<String> methods,
    Set<String> methodNames, Set<String> fields) {

  ClassShape {
    interfaces = List.copyOf(interfaces);
    methods = Set.copyOf(methods);
    methodNames = Set.copyOf(methodNames);
    fields = Set.copyOf(fields);
  }

  /** Whether this class declares the member itself (a method by name and descriptor, a field by name). */
  boolean declaresExactly(String member, String descriptor, boolean field) {
    return field ? fields.contains(member) : methods.contains(member + descriptor);
  }

  /** Whether this class declares a member of that name (for methods: any overload). */
  boolean declaresNamed(String member, boolean field) {
    return field ? fields.contains(member) : methodNames.contains(member);
  }

  /** The direct supertypes, superclass first. */
  List<String> supertypes() {
    return superName == null ? interfaces
        : java.util.stream.Stream.concat(java.util.stream.Stream.of(superName), interfaces.stream()).toList();
  }
}
