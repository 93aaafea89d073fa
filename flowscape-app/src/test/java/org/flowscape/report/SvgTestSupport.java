package org.flowscape.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses rendered SVG and finds its elements, for the renderer and page tests. */
final class SvgTestSupport {
    private SvgTestSupport() {
    }

    /** The SVG as a DOM document; throws when it is not well-formed XML. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<Element> elements(Document d, String tag) {
        NodeList nodes = d.getElementsByTagNameNS("*", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The paths with at least {@code segments} line-to commands: drawn curves, not axis ticks or boxes. */
    static List<Element> longPaths(Document d, int segments) {
        return elements(d, "path").stream().filter(p -> count(p.getAttribute("d"), 'L') >= segments).toList();
    }

    /** The style of {@code e} and its ancestors, innermost first, as one string. */
    static String inheritedStyle(Element e) {
        StringBuilder sb = new StringBuilder();
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            sb.append(el.getAttribute("style")).append(';');
        }
        return sb.toString();
    }

    /** The texts of all {@code <text>} elements. */
    static List<String> texts(Document d) {
        return elements(d, "text").stream().map(t -> t.getTextContent().strip()).toList();
    }

    static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
