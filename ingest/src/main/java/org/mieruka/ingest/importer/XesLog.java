package org.mieruka.ingest.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the traces of an IEEE 1849 XES log, one at a time, with only what the importer maps:
 * each trace's {@code concept:name} and, per event, its activity, resource, transition and
 * timestamp as written. Only attributes directly inside a trace or an event count: the log's own
 * attributes, {@code <global>} defaults (receipt.xes declares a 1970 timestamp there, which is not
 * an event), {@code <extension>}, {@code <classifier>} and nested attributes are skipped. Element
 * names are matched without namespace, since exporters write XES both with and without it.
 */
final class XesLog {

    /** One {@code <event>}: its 1-based number among all events of the file, and its raw values. */
    record XesEvent(long number, String activity, String resource, String transition, String timestamp) {
    }

    record XesTrace(long number, String caseId, List<XesEvent> events) {
    }

    private XesLog() {
    }

    static void read(Path file, Consumer<XesTrace> traces) throws IOException, ImportException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A log file is data: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                walk(xml, traces);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new ImportException("not a well-formed XES (XML) file, near line " + line, e);
        }
    }

    private static void walk(XMLStreamReader xml, Consumer<XesTrace> traces) throws XMLStreamException {
        int depth = 0;
        int traceDepth = -1;
        int eventDepth = -1;
        long traceCount = 0;
        long eventCount = 0;
        String caseId = null;
        List<XesEvent> events = new ArrayList<>();
        String[] values = new String[4];
        while (xml.hasNext()) {
            int type = xml.next();
            if (type == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (name.equals("trace") && traceDepth < 0) {
                    traceDepth = depth;
                    traceCount++;
                    caseId = null;
                    events = new ArrayList<>();
                } else if (name.equals("event") && traceDepth > 0 && eventDepth < 0 && depth == traceDepth + 1) {
                    eventDepth = depth;
                    eventCount++;
                    values = new String[4];
                } else if (eventDepth > 0 && depth == eventDepth + 1) {
                    keep(xml, values);
                } else if (eventDepth < 0 && traceDepth > 0 && depth == traceDepth + 1
                        && "concept:name".equals(xml.getAttributeValue(null, "key"))) {
                    caseId = xml.getAttributeValue(null, "value");
                }
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                if (depth == eventDepth) {
                    events.add(new XesEvent(eventCount, values[0], values[1], values[2], values[3]));
                    eventDepth = -1;
                } else if (depth == traceDepth) {
                    traces.accept(new XesTrace(traceCount, caseId, events));
                    traceDepth = -1;
                }
                depth--;
            }
        }
    }

    private static void keep(XMLStreamReader xml, String[] values) {
        String key = xml.getAttributeValue(null, "key");
        String value = xml.getAttributeValue(null, "value");
        if (key == null) {
            return;
        }
        switch (key) {
            case "concept:name" -> values[0] = value;
            case "org:resource" -> values[1] = value;
            case "lifecycle:transition" -> values[2] = value;
            case "time:timestamp" -> values[3] = value;
            default -> { }
        }
    }
}
