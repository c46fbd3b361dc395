/// The report page's style sheet: readable on a screen, and printable to
/// PDF from a browser: A4, each chapter on a new page, tables and figures
/// kept whole, table headers repeated when a table runs over a page.
enum ReportStyle {
    static let css = """
        @page { size: A4; margin: 16mm 14mm; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
               color: #1d2327; max-width: 62em; margin: 2em auto; padding: 0 1.2em; }
        h1 { font-size: 1.9em; margin: 0 0 0.6em; }
        h2 { font-size: 1.4em; margin: 1.4em 0 0.5em; border-bottom: 2px solid #2b6f8e; padding-bottom: 0.15em; }
        h3 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
        h2, h3 { break-after: avoid; page-break-after: avoid; }
        p, li { orphans: 3; widows: 3; }
        .table { overflow-x: auto; margin: 0.8em 0; }
        table { border-collapse: collapse; font-size: 0.85em; break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border-bottom: 1px solid #d3d8dc; padding: 0.25em 0.55em; text-align: left; vertical-align: top; }
        th { background: #e9eff2; font-weight: 600; }
        .number { text-align: right; font-variant-numeric: tabular-nums; }
        td.number { white-space: nowrap; }
        figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
        figure img { max-width: 100%; height: auto; border: 1px solid #d3d8dc; }
        figcaption { font-size: 0.9em; color: #4a555c; margin-top: 0.3em; }
        dl.definitions dt { font-weight: 600; margin-top: 0.6em; }
        dl.definitions dd { margin: 0.1em 0 0 1.4em; white-space: pre-line; }
        dl.definitions div { break-inside: avoid; page-break-inside: avoid; }
        pre { background: #f3f5f6; padding: 0.6em; overflow-x: auto; font-size: 0.8em; white-space: pre-wrap; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.92em; }
        .missing { color: #9b2c2c; }
        footer { margin-top: 2em; font-size: 0.85em; color: #4a555c; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; }
          section.chapter { break-before: page; page-break-before: always; }
          .table { overflow: visible; }
          table { font-size: 0.78em; }
          th, td { padding: 0.2em 0.35em; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
