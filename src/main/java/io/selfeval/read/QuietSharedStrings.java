package io.selfeval.read;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * POI's read-only shared strings (phonetic guides left out, as the user model leaves them out), parsed with an error
 * handler: POI's own parse has none, so the JDK parser printed "[Fatal Error] …" on stderr for a damaged part before
 * the file was reported as unreadable.
 */
final class QuietSharedStrings extends ReadOnlySharedStringsTable {
    QuietSharedStrings(PackagePart part) throws IOException, SAXException {
        super(part, false);
    }

    @Override
    public void readFrom(InputStream is) throws IOException, SAXException {
        PushbackInputStream in = new PushbackInputStream(is, 1);
        int first = in.read();
        if (first < 0) return; // an empty part: no strings, as POI reads it
        in.unread(first);
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(this);
            parser.setErrorHandler(new DefaultHandler()); // fatal errors are thrown, nothing is printed
            parser.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new SAXException("SAX parser appears to be broken - " + e.getMessage(), e);
        }
    }
}
