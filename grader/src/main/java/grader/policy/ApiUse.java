package grader.policy;

import java.util.Objects;

/**
 * One use of an API in a student class, as the class file records it.
 *
 * @param kind what kind of use
 * @param owner the internal name of the type used, or that declares the member (may be an array
 *     descriptor such as {@code [I})
 * @param member the field or method name; {@code ""} for a use of a type
 * @param descriptor the member's descriptor; {@code ""} for a type
 * @param line the source line from the LineNumberTable, or 0 where the class file has none
 */
record ApiUse(Kind kind, String owner, String member, String descriptor, int line) {

  /** The kinds of use the policy checks. */
  enum Kind {
    /** A type named by an instruction or a constant (new, cast, instanceof, array, class literal). */
    TYPE,
    /** A superclass or an implemented interface. */
    SUPERTYPE,
    /** A field read or written, or a field handle. */
    FIELD,
    /** A method or constructor called, or a method handle (a lambda's or method reference's target). */
    METHOD,
    /** The bootstrap method of an invokedynamic or a dynamic constant. */
    BOOTSTRAP,
    /** A native method the student declared. */
    NATIVE_METHOD
  }

  ApiUse {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(owner, "owner must not be null");
    member = member == null ? "" : member;
    descriptor = descriptor == null ? "" : descriptor;
  }
}
