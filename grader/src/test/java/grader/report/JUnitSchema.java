package grader.report;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/** The Jenkins xUnit plugin's {@code junit-10.xsd} (see {@code src/test/resources/schema/README.md}). */
public final class JUnitSchema {
  private static final Schema SCHEMA = load();

  private JUnitSchema() {}

  /** Fails with the validator's message if {@code xml} is not valid against the schema. */
  public static void assertValid(String xml) {
    try {
      SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not valid against junit-10.xsd: " + e.getMessage() + "\n" + xml, e);
    }
  }

  private static Schema load() {
    URL xsd = JUnitSchema.class.getResource("/schema/junit-10.xsd");
    if (xsd == null) {
      throw new IllegalStateException("test resource /schema/junit-10.xsd is missing");
    }
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return factory.newSchema(xsd);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read junit-10.xsd: " + e.getMessage(), e);
    }
  }
}
