import Foundation

/// LibreOffice Calc, to open the CSV files the tool writes as a spreadsheet user would and read
/// back what each cell became: shared by the report tests and the command's tests.
public enum Calc {
    /// `soffice` on the `PATH`, `nil` where LibreOffice is not installed.
    public static let soffice = ExternalCommand.find("soffice")

    /// Why the Calc tests are skipped where it is missing.
    public static let missing =
        "LibreOffice Calc is not installed, so exported CSV files are not opened in it: "
        + "bash scripts/install-deps.sh --with-calc installs it (CI does)"

    /// One cell of a sheet as Calc saved it: its type (`s` text, `n` number), formula and value.
    public struct SheetCell: Equatable, CustomStringConvertible {
        public var type: String
        public var formula: String?
        public var value: String
        public var description: String { "\(type) \(formula.map { "=\($0) " } ?? "")\(value.debugDescription)" }
    }

    /// Opens each CSV file in Calc, saves it as xlsx and reads the cells back: per file name
    /// (without `.csv`), the cells by reference (`A2`).
    public static func open(_ files: [String], in directory: String) throws -> [String: [String: SheetCell]] {
        // Comma, quote, UTF-8, from line 1, default formats, en-US, quoted fields not forced to
        // text, special numbers detected, and "evaluate formulas" on: the most trusting import.
        let filter = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"
        _ = try ExternalCommand.run(
            soffice!,
            [
                "--headless", "-env:UserInstallation=file://\(directory)/calc-profile", "--infilter=\(filter)",
                "--convert-to", "xlsx", "--outdir", directory,
            ] + files.map { "\(directory)/\($0)" })
        var sheets: [String: [String: SheetCell]] = [:]
        for file in files {
            let name = String(file.dropLast(4))
            let json = try ExternalCommand.run("/usr/bin/env", ["python3", "-c", xlsxReader, "\(directory)/\(name).xlsx"])
            let cells = try JSONDecoder().decode([String: [String?]].self, from: Data(json.utf8))
            sheets[name] = cells.mapValues { SheetCell(type: $0[0] ?? "", formula: $0[1], value: $0[2] ?? "") }
        }
        return sheets
    }

    /// Prints the first sheet of an xlsx as JSON: `{"A2": [type, formula, value]}`, shared
    /// strings resolved.
    static let xlsxReader = """
        import json, sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        book = zipfile.ZipFile(sys.argv[1])
        strings = []
        if "xl/sharedStrings.xml" in book.namelist():
            for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns):
                strings.append("".join(t.text or "" for t in item.iter("{%s}t" % ns["m"])))
        cells = {}
        for cell in ET.fromstring(book.read("xl/worksheets/sheet1.xml")).iter("{%s}c" % ns["m"]):
            kind = cell.get("t", "n")
            formula = cell.find("m:f", ns)
            value = cell.find("m:v", ns)
            text = value.text if value is not None else None
            if kind == "s" and text is not None:
                text = strings[int(text)]
            cells[cell.get("r")] = [kind, formula.text if formula is not None else None, text]
        print(json.dumps(cells))
        """
}
