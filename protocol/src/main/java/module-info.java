/**
 * The child-to-parent protocol: event records and their sealed encoding. The harness JVM needs
 * only the encoder, which uses no library; decoding (parent side) uses Jackson databind, which is
 * therefore optional here and absent from the harness JVM's module graph.
 */
module grader.protocol {
  requires static com.fasterxml.jackson.annotation;
  requires static com.fasterxml.jackson.databind;

  // The student's classes (unnamed module) get nothing: not even the records or the encoder.
  exports grader.protocol to grader.harness;
}
