import AssessmentCore
import Foundation
import Mustache

/// Renders the HTML report: the core's model put in a Mustache template, the built-in one by
/// default (`cloud-assess summary --print-template` prints it, to copy and edit).
public enum HTMLReport {
  public struct TemplateError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The template's values: `{{name}}` escapes, `{{{name}}}` does not (only for the parts,
  /// `identification` and `style`, which the core has escaped).
  public static func context(_ model: HTMLReportModel) -> [String: Any] {
    [
      "lang": model.lang, "title": model.title, "organisation": model.organisation,
      "assessor": model.assessor, "provider": model.provider, "service": model.service,
      "questionnaireID": model.questionnaireID, "questionnaireVersion": model.questionnaireVersion,
      "questionnaireDigest": model.questionnaireDigest, "sessionID": model.sessionID,
      "sessionSHA256": model.sessionSHA256, "produced": model.produced, "verdict": model.verdict,
      "verdictKind": model.verdictKind, "style": model.style,
      "identification": model.identification,
      "parts": model.parts.enumerated().map { index, part in
        // The first part follows the identification on page 1.
        [
          "id": part.id, "title": part.title, "html": part.html,
          "pageBreak": index > 0 && part.pageBreak,
        ] as [String: Any]
      },
      "labels": model.labels,
      // Added with the action plan: a template copied before it simply does not use them.
      "plan": [
        "asOf": model.plan.asOf, "overdue": model.plan.overdue, "pending": model.plan.pending,
        "accepted": model.plan.accepted, "done": model.plan.done,
        "overdueText": model.plan.overdueText,
        "title": model.plan.title, "hasOverdue": model.plan.overdue > 0,
        "hasPlan": model.plan.overdue + model.plan.pending + model.plan.accepted + model.plan.done
          > 0,
      ] as [String: Any],
    ]
  }

  /// The report in `template` (Mustache; the built-in one when nil).
  public static func render(_ model: HTMLReportModel, template: String? = nil) throws -> String {
    let parsed: MustacheTemplate
    do {
      parsed = try MustacheTemplate(string: template ?? builtinTemplate)
    } catch {
      throw TemplateError(description: "the template is not valid Mustache: \(error)")
    }
    return parsed.render(context(model))
  }

  /// The built-in template. Copy it (`cloud-assess summary --print-template > mine.mustache`),
  /// edit it, and pass it with `--template mine.mustache`.
  public static let builtinTemplate = #"""
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="cloud-assess">
    <title>{{title}} — {{provider}} {{service}}</title>
    <style>
    {{{style}}}
    </style>
    <style>
    /* An institution's own rules go here. A classification marking on every page, for example:
       @page { @top-center { content: "CONFIDENTIEL"; font: bold 9pt sans-serif; color: #b3261e; } } */
    </style>
    </head>
    <body>
    <header class="letterhead">
      <!-- Letterhead: put the institution's name, address and logo here. A logo must be inline
           (an <svg> element, or <img src="data:image/png;base64,...">) so that the file needs no
           network. -->
      <div>{{organisation}}</div>
      <div class="marking"><!-- CLASSIFICATION MARKING, e.g. CONFIDENTIEL --></div>
    </header>
    <main>
    <h1>{{title}}</h1>
    <p class="subtitle">{{labels.subtitle}}</p>
    {{#plan.hasOverdue}}
    <p class="plan-alert"><a href="#plan">⚠ {{plan.title}} — {{plan.overdueText}}</a></p>
    {{/plan.hasOverdue}}
    {{{identification}}}
    {{#parts}}
    <section class="part{{#pageBreak}} break{{/pageBreak}}" id="{{id}}" aria-label="{{title}}">
    {{{html}}}
    </section>
    {{/parts}}
    </main>
    </body>
    </html>

    """#
}
