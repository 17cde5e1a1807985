import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document parsed with Foundation's XML parser, for checking a chart's key elements:
/// every element in document order with its attributes and the text directly inside it.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
    }

    /// The element names, in document order.
    var names: [String] { elements.map(\.name) }
    /// All character data, concatenated.
    var text: String { elements.map(\.text).joined() }
    /// The contents of every `<text>` element, in order.
    var texts: [String] { elements.filter { $0.name == "text" }.map(\.text) }
    /// The elements named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}
