extension ReportSet {
    /// The set with a single-file HTML page beside each Markdown report (`report.md` →
    /// `report.html`): the same text rendered by Ink, with every chart the report links from
    /// this set drawn inline, so the page opens anywhere, mails as one attachment and needs no
    /// other file. Pages come right after their Markdown report.
    package func addingHTMLPages() -> ReportSet {
        let charts = Dictionary(files.filter { $0.path.hasSuffix(".svg") }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var pages: [ReportFile] = []
        for file in files {
            pages.append(file)
            guard file.path.hasSuffix(".md") else { continue }
            let markdown = file
            pages.append(
                ReportFile(path: String(file.path.dropLast(3)) + ".html") { sink throws(ReportWriteError) in
                    try HTMLPage.write(markdown: markdown.text, charts: charts, to: sink)
                })
        }
        return ReportSet(files: pages)
    }
}
