import CreditTestSupport
import Foundation

/// Reads an `.xlsx` file back as a spreadsheet program would see it, with Python's standard
/// library only (zipfile and ElementTree): every sheet's cells with their type, formula, value
/// and number format, its frozen pane, its autofilter and its charts' series.
struct WorkbookReader: Decodable {
    struct Sheet: Decodable {
        var name: String
        /// By reference (`B2`): type (`s` text, `n` number, `str` a formula's text), formula
        /// without `=`, value, number format code (`General` when none).
        var cells: [String: [String?]]
        /// The top-left cell below and right of the frozen panes.
        var frozen: String?
        var autofilter: String?
        var charts: [Chart]

        func type(_ reference: String) -> String? { cells[reference]?[0] ?? nil }
        func formula(_ reference: String) -> String? { cells[reference]?[1] ?? nil }
        func value(_ reference: String) -> String? { cells[reference]?[2] ?? nil }
        func format(_ reference: String) -> String? { cells[reference]?[3] ?? nil }
    }

    struct Chart: Decodable {
        var title: String
        /// Each series' name, then its categories and values as range formulas.
        var series: [[String]]
    }

    var sheets: [Sheet]

    func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Reads the workbook at `path`.
    static func read(_ path: String) throws -> WorkbookReader {
        let json = try ExternalCommand.run("/usr/bin/env", ["python3", "-c", script, path])
        return try JSONDecoder().decode(WorkbookReader.self, from: Data(json.utf8))
    }

    private static let script = """
        import json, posixpath, sys, zipfile, xml.etree.ElementTree as ET
        M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
        P = "{http://schemas.openxmlformats.org/package/2006/relationships}"
        C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
        A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
        book = zipfile.ZipFile(sys.argv[1])
        def xml(name): return ET.fromstring(book.read(name))
        def series_ref(node, path):
            # A series' name is a range formula (c:f) or literal text (c:v); the rest are formulas.
            found = node.find(path)
            if found is None: return ""
            if found.tag != C + "tx": return found.text or ""
            return "".join(t.text or "" for t in found.iter() if t.tag in (C + "f", C + "v"))
        def rels(part):
            folder, base = posixpath.split(part)
            name = posixpath.join(folder, "_rels", base + ".rels")
            if name not in book.namelist(): return {}
            return {r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target"))) for r in xml(name).iter(P + "Relationship")}
        strings = []
        if "xl/sharedStrings.xml" in book.namelist():
            for item in xml("xl/sharedStrings.xml").iter(M + "si"):
                strings.append("".join(t.text or "" for t in item.iter(M + "t")))
        styles = xml("xl/styles.xml")
        codes = {14: "mm-dd-yy", 0: "General", 3: "#,##0", 4: "#,##0.00", 10: "0.00%"}
        for f in styles.iter(M + "numFmt"): codes[int(f.get("numFmtId"))] = f.get("formatCode")
        xfs = [codes.get(int(x.get("numFmtId", "0")), "General") for x in styles.find(M + "cellXfs")]
        book_rels = rels("xl/workbook.xml")
        sheets = []
        for entry in xml("xl/workbook.xml").iter(M + "sheet"):
            part = book_rels[entry.get(R + "id")]
            root = xml(part)
            cells = {}
            for c in root.iter(M + "c"):
                kind, f, v = c.get("t", "n"), c.find(M + "f"), c.find(M + "v")
                text = v.text if v is not None else None
                if kind == "s" and text is not None: text = strings[int(text)]
                cells[c.get("r")] = [kind, f.text if f is not None else None, text, xfs[int(c.get("s", "0"))]]
            pane = root.find(".//" + M + "pane")
            frozen = pane.get("topLeftCell") if pane is not None and pane.get("state") == "frozen" else None
            autofilter = root.find(M + "autoFilter")
            charts = []
            sheet_rels = rels(part)
            for drawing in root.iter(M + "drawing"):
                drawing_part = sheet_rels[drawing.get(R + "id")]
                for target in rels(drawing_part).values():
                    if "/charts/" not in target: continue
                    chart = xml(target)
                    title = "".join(t.text or "" for t in chart.find(".//" + C + "title").iter(A + "t"))
                    series = [[series_ref(s, path) for path in
                               (C + "tx", C + "cat//" + C + "f", C + "val//" + C + "f")] for s in chart.iter(C + "ser")]
                    charts.append({"title": title, "series": series})
            sheets.append({"name": entry.get("name"), "cells": cells, "frozen": frozen,
                           "autofilter": autofilter.get("ref") if autofilter is not None else None, "charts": charts})
        print(json.dumps({"sheets": sheets}))
        """
}
