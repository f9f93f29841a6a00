package io.selfeval.read;

import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;

/**
 * StAX readers over the XML parts of an Office file. A UTF-8 part (all that Excel and WPS write) is decoded here,
 * strictly, so a damaged byte fails the part with an exception and the file is reported as unreadable: handed the
 * bytes, the JDK's parser also printed "[Fatal Error] …" on stderr. A part with a UTF-16 byte-order mark is left to
 * the parser.
 */
final class XmlParts {
    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private XmlParts() {
    }

    static XMLStreamReader reader(InputStream part) throws IOException, XMLStreamException {
        PushbackInputStream in = new PushbackInputStream(part, 3);
        byte[] head = in.readNBytes(3);
        boolean utf8Bom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        boolean utf16 = head.length >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
                || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE);
        if (!utf8Bom) in.unread(head);
        if (utf16) return XML.createXMLStreamReader(in);
        return XML.createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
    }
}
