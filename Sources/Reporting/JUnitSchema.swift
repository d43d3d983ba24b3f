/// The JUnit XML schema conform's reports are validated against before they are written.
///
/// It follows the de-facto format read by Jenkins (`junit-10.xsd`), GitLab, GitHub test-report actions
/// and Azure: `<testsuites>` → `<testsuite>` → `<testcase>` with `<failure>`, `<error>`, `<skipped>`,
/// `<system-out>`, `<system-err>` and `<properties>`. It is stricter where conform promises more:
/// `time` is seconds with at most 3 decimals, counts are non-negative integers, `classname` is non-empty.
public enum JUnitSchema {
    public static let xsd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">

          <xs:simpleType name="seconds">
            <xs:restriction base="xs:decimal">
              <xs:minInclusive value="0"/>
              <xs:fractionDigits value="3"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="nonEmptyString">
            <xs:restriction base="xs:string">
              <xs:minLength value="1"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:complexType name="problem">
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute name="message" type="xs:string"/>
                <xs:attribute name="type" type="xs:string"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>

          <xs:element name="properties">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="name" type="nonEmptyString" use="required"/>
                    <xs:attribute name="value" type="xs:string" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>

          <xs:element name="system-out" type="xs:string"/>
          <xs:element name="system-err" type="xs:string"/>

          <xs:element name="testcase">
            <xs:complexType>
              <xs:choice minOccurs="0" maxOccurs="unbounded">
                <xs:element ref="properties"/>
                <xs:element name="skipped" type="problem"/>
                <xs:element name="failure" type="problem"/>
                <xs:element name="error" type="problem"/>
                <xs:element ref="system-out"/>
                <xs:element ref="system-err"/>
              </xs:choice>
              <xs:attribute name="name" type="nonEmptyString" use="required"/>
              <xs:attribute name="classname" type="nonEmptyString" use="required"/>
              <xs:attribute name="time" type="seconds"/>
              <xs:attribute name="file" type="xs:string"/>
              <xs:attribute name="line" type="xs:nonNegativeInteger"/>
              <xs:attribute name="assertions" type="xs:nonNegativeInteger"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="testsuite">
            <xs:complexType>
              <xs:sequence>
                <xs:element ref="properties" minOccurs="0"/>
                <xs:element ref="testcase" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element ref="system-out" minOccurs="0"/>
                <xs:element ref="system-err" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="name" type="nonEmptyString" use="required"/>
              <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
              <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
              <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
              <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
              <xs:attribute name="assertions" type="xs:nonNegativeInteger"/>
              <xs:attribute name="time" type="seconds"/>
              <xs:attribute name="timestamp" type="xs:string"/>
              <xs:attribute name="hostname" type="xs:string"/>
              <xs:attribute name="id" type="xs:string"/>
              <xs:attribute name="package" type="xs:string"/>
              <xs:attribute name="file" type="xs:string"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="testsuites">
            <xs:complexType>
              <xs:sequence>
                <xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="name" type="xs:string"/>
              <xs:attribute name="tests" type="xs:nonNegativeInteger"/>
              <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
              <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
              <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
              <xs:attribute name="time" type="seconds"/>
              <xs:attribute name="timestamp" type="xs:string"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """
}
