// The HTML report's built-in style sheet, for the screen and for print.
import AssessmentCore
import Foundation

extension SummaryReport {
  /// The built-in style sheet: screen and print (A4, a part per page, page numbers in the
  /// running footer).
  public func htmlStyle() -> String {
    let footer = Self.cssString("\(questionnaire.id) \(questionnaire.version) · \(r(.reportTitle))")
    let page = Self.cssString(r(.pageFooter) + " ")
    return """
      @page { size: A4; margin: 16mm 14mm 18mm 14mm;
        @bottom-left { content: \(footer); font: 8pt sans-serif; color: #555; }
        @bottom-right { content: \(page) counter(page) " / " counter(pages); font: 8pt sans-serif; color: #555; } }
      :root { --t0: #cfe9d3; --t1: #fff0a8; --t2: #ffc48a; --t3: #f29b9b; }
      * { box-sizing: border-box; }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #1a1a1a; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
      h1 { font-size: 16pt; margin: 0; }
      h2 { font-size: 13pt; margin: 0 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5px solid #333; }
      h3 { font-size: 10.5pt; margin: 3.5mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
      .subtitle { margin: 0 0 2mm; color: #333; font-size: 11pt; }
      .letterhead { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 1px solid #999; padding-bottom: 2mm; margin-bottom: 3mm; font-size: 8.5pt; color: #333; }
      .marking { font-weight: bold; letter-spacing: .08em; }
      table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; page-break-inside: auto; }
      caption { caption-side: bottom; text-align: left; font-size: 7.5pt; color: #555; padding-top: .8mm; }
      th, td { border: 0.6px solid #b5b5b5; padding: .8mm 1.4mm; vertical-align: top; text-align: left; }
      thead th { background: #eceff3; font-size: 8.5pt; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      tbody th { font-weight: 600; }
      code { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
      code.hash { font-size: 7pt; word-break: break-all; }
      .ident { font-size: 8pt; }
      .ident thead { display: none; }
      .ident caption { display: none; }
      .ident { table-layout: fixed; }
      .ident th { width: 19%; background: #f6f7f9; font-weight: 600; }
      .ident td { width: 31%; overflow-wrap: anywhere; }
      .ident th, .ident td { padding: .4mm 1.4mm; }
      .verdict { border: 2px solid #333; border-left-width: 6mm; padding: 1.5mm 3mm; margin: 2mm 0 1mm; }
      .verdict.not_acceptable { border-color: #b3261e; background: #fbeaea; }
      .verdict.acceptable_with_conditions { border-color: #b26b00; background: #fff4e0; }
      .verdict.acceptable { border-color: #2f6f4f; background: #e8f4ec; }
      .verdict-line { font-size: 12.5pt; margin: 0 0 .5mm; }
      .reasons { margin: 0; padding-left: 5mm; }
      .warn { font-weight: 600; margin: 1mm 0 0; }
      ol.blocking { margin: 0; padding-left: 5mm; }
      ol.blocking li { margin-bottom: 1mm; }
      .cols { display: flex; gap: 5mm; align-items: flex-start; }
      .col { flex: 1 1 0; min-width: 0; }
      .matrix td { text-align: center; width: 17%; padding: .3mm .6mm; line-height: 1.15; }
      .matrix .n { display: block; font-size: 10pt; font-weight: bold; }
      .matrix .l { display: block; font-size: 6pt; }
      .matrix td.zero .n { font-weight: normal; color: #555; }
      .matrix thead th, .matrix tbody th { font-size: 7.5pt; }
      .t0 { background: var(--t0); } .t1 { background: var(--t1); } .t2 { background: var(--t2); } .t3 { background: var(--t3); }
      .lvl { display: inline-block; padding: 0 1.4mm; border-radius: 1mm; border: 0.6px solid #777; font-size: 8pt; white-space: nowrap; }
      .bars { font-size: 8pt; }
      .bars th { font-weight: normal; }
      svg.bar { width: 22mm; height: 3mm; vertical-align: middle; border: 0.5px solid #888; }
      .pct { font-weight: bold; }
      .bars td { white-space: nowrap; }
      .bars td:last-child { text-align: right; }
      .matrix { break-inside: avoid; page-break-inside: avoid; }
      .col.keep { break-inside: avoid; page-break-inside: avoid; }
      .register td, .register th { font-size: 8.5pt; padding-top: .4mm; padding-bottom: .4mm; }
      .dim { color: #555; }
      .facts { font-size: 8.5pt; color: #333; }
      .note { font-style: italic; }
      .waived { font-weight: 600; }
      .plan-counts { margin: 1mm 0 0; }
      .plan-alert { margin: 0 0 2mm; font-weight: 600; color: #8f1d17; }
      .plan-alert a { color: inherit; }
      span.plan { font-size: 8.5pt; }
      table.plan td, table.plan th { font-size: 8.5pt; }
      table.plan td:nth-child(5) { white-space: nowrap; }
      table.plan td:nth-child(6) { overflow-wrap: normal; }
      .ok { color: #1e5a3a; } .bad { color: #8f1d17; font-weight: 600; }
      ul.ev { margin: 0; padding-left: 4mm; overflow-wrap: anywhere; }
      td { overflow-wrap: anywhere; }
      .gaps td:nth-child(2) { width: 17mm; }
      .gaps th:first-child { width: 8mm; }
      .appendix { table-layout: fixed; }
      .appendix td, .appendix th { font-size: 8.5pt; }
      .appendix thead th:nth-child(1) { width: 24%; } .appendix thead th:nth-child(2) { width: 34%; }
      .appendix thead th:nth-child(3) { width: 16%; } .appendix thead th:nth-child(4) { width: 26%; }
      .appendix tbody th { font-weight: normal; overflow-wrap: anywhere; }
      .appendix tbody th code { word-break: break-all; }
      .list { table-layout: fixed; }
      .list thead th:nth-child(1) { width: 18%; } .list thead th:nth-child(2) { width: 45%; }
      .part { margin-top: 5mm; }
      .part.break { break-before: page; page-break-before: always; margin-top: 0; }
      @media screen { body { padding: 10mm; } .part { border-top: 3px double #999; margin-top: 8mm; padding-top: 4mm; } }
      """
  }
}
