import AssessmentCore
import Foundation

/// What a file is when it is not an Office Open XML workbook.
public enum FileKind: Sendable, Equatable {
  /// An OLE2 compound file: an Excel 97-2003 workbook (.xls), or a workbook encrypted with a
  /// password (Office stores those in the same container).
  case ole2
  /// An OpenDocument file (a `mimetype` entry): a spreadsheet (.ods) or another kind.
  case openDocument(mimetype: String)
  /// An Office Open XML package of another kind: a Word document, a presentation, a binary
  /// workbook (.xlsb); `part` is its main part.
  case otherOffice(part: String)
  /// A zip archive without the parts of a workbook (a renamed .zip).
  case zipWithoutWorkbook
  /// Not a zip archive at all.
  case notZip
}

/// Why a workbook was refused: every case names the part of the file (and the cell, where there
/// is one), in French, English and Dutch (`message(_:)`).
public enum WorkbookError: Error, Equatable, LocalizedError {
  case notAWorkbook(FileKind)
  case fileTooLarge(size: Int, limit: Int)
  case damagedArchive(ArchiveProblem)
  case tooManyEntries(limit: Int)
  case duplicateEntry(part: String)
  /// The declared or actual uncompressed size of a part exceeds the limit, or its ratio to the
  /// compressed size does: a zip bomb.
  case partTooLarge(part: String, limit: Int)
  case compressionRatio(part: String, ratio: Int, limit: Int)
  case totalTooLarge(limit: Int)
  case partMissing(part: String)
  case doctype(part: String)
  case unsupportedEncoding(part: String, encoding: String)
  case malformedXML(part: String, line: Int, problem: XMLProblem)
  /// libxml2 could not allocate its parser for the part.
  case xmlOutOfMemory(part: String)
  /// libxml2, which reads the workbook's XML, could not be loaded (`reason`: the loader's words).
  case xmlLibraryUnavailable(reason: String)
  case tooManySheets(count: Int, limit: Int)
  case tooManyRows(sheet: String, part: String, limit: Int)
  case tooManyCells(part: String, limit: Int)
  case invalidCellReference(part: String, reference: String)
  case sharedStringOutOfRange(sheet: String, part: String, cell: String, index: String, count: Int)
  case invalidValue(sheet: String, part: String, cell: String, type: String, value: String)
  case textTooLong(part: String, cell: String?, limit: Int)

  public var errorDescription: String? { message(.en) }

  public func message(_ language: InterfaceLanguage) -> String {
    let pick = language.pick
    func place(_ sheet: String, _ part: String, _ cell: String) -> (String, String, String) {
      (
        "feuille « \(sheet) » (\(part)), cellule \(cell)",
        "sheet '\(sheet)' (\(part)), cell \(cell)",
        "blad ‘\(sheet)’ (\(part)), cel \(cell)"
      )
    }
    switch self {
    case .notAWorkbook(let kind):
      switch kind {
      case .ole2:
        return pick(
          "ce fichier est un classeur Excel 97-2003 (.xls) ou un classeur chiffré par un mot de passe (fichier composé OLE2), pas un classeur .xlsx ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx, sans mot de passe",
          "this file is an Excel 97-2003 workbook (.xls) or a password-encrypted workbook (an OLE2 compound file), not an .xlsx workbook; open it in Excel or LibreOffice and save it as .xlsx, without a password",
          "dit bestand is een Excel 97-2003-werkmap (.xls) of een met een wachtwoord versleutelde werkmap (een OLE2-bestand), geen .xlsx-werkmap; open het in Excel of LibreOffice en sla het op als .xlsx, zonder wachtwoord"
        )
      case .openDocument(let mimetype):
        if mimetype == "application/vnd.oasis.opendocument.spreadsheet" {
          return pick(
            "ce fichier est un classeur OpenDocument (.ods), pas un classeur .xlsx ; enregistrez-le au format Excel 2007-365 (.xlsx) dans LibreOffice",
            "this file is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as Excel 2007-365 (.xlsx) in LibreOffice",
            "dit bestand is een OpenDocument-rekenblad (.ods), geen .xlsx-werkmap; sla het op als Excel 2007-365 (.xlsx) in LibreOffice"
          )
        }
        return pick(
          "ce fichier est un document OpenDocument (mimetype \(mimetype)), pas un classeur .xlsx",
          "this file is an OpenDocument file (mimetype \(mimetype)), not an .xlsx workbook",
          "dit bestand is een OpenDocument-bestand (mimetype \(mimetype)), geen .xlsx-werkmap")
      case .otherOffice(let part):
        return pick(
          "ce fichier est un document Office d'un autre type (partie principale \(part) : un document Word, une présentation ou un classeur binaire .xlsb), pas un classeur .xlsx",
          "this file is an Office document of another kind (main part \(part): a Word document, a presentation or a binary .xlsb workbook), not an .xlsx workbook",
          "dit bestand is een Office-document van een ander soort (hoofddeel \(part): een Word-document, een presentatie of een binaire .xlsb-werkmap), geen .xlsx-werkmap"
        )
      case .zipWithoutWorkbook:
        return pick(
          "ce fichier est une archive zip sans les parties d'un classeur ([Content_Types].xml, xl/workbook.xml) : une archive renommée en .xlsx ?",
          "this file is a zip archive without the parts of a workbook ([Content_Types].xml, xl/workbook.xml): an archive renamed to .xlsx?",
          "dit bestand is een zip-archief zonder de delen van een werkmap ([Content_Types].xml, xl/workbook.xml): een archief hernoemd naar .xlsx?"
        )
      case .notZip:
        return pick(
          "ce fichier n'est pas un classeur .xlsx (ce n'est pas une archive zip) ; enregistrez-le au format Excel (.xlsx)",
          "this file is not an .xlsx workbook (it is not a zip archive); save it as an Excel workbook (.xlsx)",
          "dit bestand is geen .xlsx-werkmap (het is geen zip-archief); sla het op als Excel-werkmap (.xlsx)"
        )
      }
    case .fileTooLarge(let size, let limit):
      return pick(
        "le classeur fait \(size) octets, plus que la limite de \(limit) octets",
        "the workbook is \(size) bytes, more than the limit of \(limit) bytes",
        "de werkmap is \(size) bytes, meer dan de limiet van \(limit) bytes")
    case .damagedArchive(let problem):
      let reason = problem.message(language)
      return pick(
        "l'archive zip du classeur est endommagée ou chiffrée : \(reason) ; enregistrez à nouveau le classeur dans Excel ou LibreOffice, sans mot de passe",
        "the workbook's zip archive is damaged or encrypted: \(reason); save the workbook again in Excel or LibreOffice, without a password",
        "het zip-archief van de werkmap is beschadigd of versleuteld: \(reason); sla de werkmap opnieuw op in Excel of LibreOffice, zonder wachtwoord"
      )
    case .tooManyEntries(let limit):
      return pick(
        "le classeur contient plus de \(limit) parties : refusé",
        "the workbook holds more than \(limit) parts: refused",
        "de werkmap bevat meer dan \(limit) delen: geweigerd")
    case .duplicateEntry(let part):
      return pick(
        "la partie \(part) figure deux fois dans l'archive : refusé (deux lecteurs pourraient y lire deux contenus)",
        "the part \(part) is in the archive twice: refused (two readers could read two contents)",
        "het deel \(part) staat twee keer in het archief: geweigerd (twee lezers zouden twee inhouden kunnen lezen)"
      )
    case .partTooLarge(let part, let limit):
      return pick(
        "la partie \(part) dépasse \(limit) octets une fois décompressée (bombe zip ?) : refusé",
        "the part \(part) exceeds \(limit) bytes once decompressed (a zip bomb?): refused",
        "het deel \(part) overschrijdt \(limit) bytes na decompressie (een zipbom?): geweigerd")
    case .compressionRatio(let part, let ratio, let limit):
      return pick(
        "la partie \(part) est compressée \(ratio) fois, plus que la limite de \(limit) (bombe zip ?) : refusé",
        "the part \(part) is compressed \(ratio) times, more than the limit of \(limit) (a zip bomb?): refused",
        "het deel \(part) is \(ratio) keer gecomprimeerd, meer dan de limiet van \(limit) (een zipbom?): geweigerd"
      )
    case .totalTooLarge(let limit):
      return pick(
        "les parties du classeur dépassent ensemble \(limit) octets une fois décompressées (bombe zip ?) : refusé",
        "the workbook's parts exceed \(limit) bytes in all once decompressed (a zip bomb?): refused",
        "de delen van de werkmap overschrijden samen \(limit) bytes na decompressie (een zipbom?): geweigerd"
      )
    case .partMissing(let part):
      return pick(
        "la partie \(part) manque au classeur",
        "the workbook lacks the part \(part)",
        "het deel \(part) ontbreekt in de werkmap")
    case .doctype(let part):
      return pick(
        "la partie \(part) contient une déclaration de type de document ou d'entité (DOCTYPE, ENTITY), qu'un classeur n'a pas : refusé sans la lire",
        "the part \(part) holds a document type or entity declaration (DOCTYPE, ENTITY), which a workbook does not have: refused unread",
        "het deel \(part) bevat een documenttype- of entiteitsdeclaratie (DOCTYPE, ENTITY), die een werkmap niet heeft: ongelezen geweigerd"
      )
    case .unsupportedEncoding(let part, let encoding):
      return pick(
        "la partie \(part) est encodée en \(encoding) ; un classeur est en UTF-8",
        "the part \(part) is encoded in \(encoding); a workbook is in UTF-8",
        "het deel \(part) is gecodeerd in \(encoding); een werkmap is in UTF-8")
    case .xmlLibraryUnavailable(let reason):
      return pick(
        "la bibliothèque XML libxml2, qui lit les classeurs, n'a pas pu être chargée (\(reason)) ; installez-la (Debian, Ubuntu : apt install libxml2) et recommencez",
        "the XML library libxml2, which reads workbooks, could not be loaded (\(reason)); install it (Debian, Ubuntu: apt install libxml2) and try again",
        "de XML-bibliotheek libxml2, die werkmappen leest, kon niet worden geladen (\(reason)); installeer ze (Debian, Ubuntu: apt install libxml2) en probeer opnieuw"
      )
    case .malformedXML(let part, let line, let problem):
      let reason = problem.message(language)
      return pick(
        "la partie \(part) n'est pas du XML valide (ligne \(line)) : \(reason)",
        "the part \(part) is not well-formed XML (line \(line)): \(reason)",
        "het deel \(part) is geen geldige XML (regel \(line)): \(reason)")
    case .xmlOutOfMemory(let part):
      return pick(
        "la mémoire a manqué pour lire la partie \(part) : libérez de la mémoire et recommencez",
        "memory ran out while reading the part \(part): free some memory and try again",
        "het geheugen raakte op bij het lezen van het deel \(part): maak geheugen vrij en probeer opnieuw"
      )
    case .tooManySheets(let count, let limit):
      return pick(
        "le classeur a \(count) feuilles, plus que la limite de \(limit) (xl/workbook.xml) : refusé",
        "the workbook has \(count) sheets, more than the limit of \(limit) (xl/workbook.xml): refused",
        "de werkmap heeft \(count) bladen, meer dan de limiet van \(limit) (xl/workbook.xml): geweigerd"
      )
    case .tooManyRows(let sheet, let part, let limit):
      return pick(
        "la feuille « \(sheet) » (\(part)) a plus de \(limit) lignes : refusé",
        "the sheet '\(sheet)' (\(part)) has more than \(limit) rows: refused",
        "het blad ‘\(sheet)’ (\(part)) heeft meer dan \(limit) rijen: geweigerd")
    case .tooManyCells(let part, let limit):
      return pick(
        "le classeur a plus de \(limit) cellules (à \(part)) : refusé",
        "the workbook has more than \(limit) cells (at \(part)): refused",
        "de werkmap heeft meer dan \(limit) cellen (bij \(part)): geweigerd")
    case .invalidCellReference(let part, let reference):
      return pick(
        "la partie \(part) désigne une cellule « \(reference) » qui n'existe pas (ni en ordre, ni dans les limites d'une feuille)",
        "the part \(part) names a cell '\(reference)' that does not exist (out of order, or beyond a sheet's bounds)",
        "het deel \(part) noemt een cel ‘\(reference)’ die niet bestaat (buiten volgorde, of buiten de grenzen van een blad)"
      )
    case .sharedStringOutOfRange(let sheet, let part, let cell, let index, let count):
      let at = place(sheet, part, cell)
      return pick(
        "\(at.0) : renvoi au texte partagé n° \(index), alors que xl/sharedStrings.xml en contient \(count)",
        "\(at.1): refers to shared string \(index), while xl/sharedStrings.xml holds \(count)",
        "\(at.2): verwijst naar gedeelde tekst nr. \(index), terwijl xl/sharedStrings.xml er \(count) bevat"
      )
    case .invalidValue(let sheet, let part, let cell, let type, let value):
      let at = place(sheet, part, cell)
      return pick(
        "\(at.0) : la valeur « \(value) » n'est pas du type « \(type) » déclaré",
        "\(at.1): the value '\(value)' is not of its declared type '\(type)'",
        "\(at.2): de waarde ‘\(value)’ is niet van het opgegeven type ‘\(type)’")
    case .textTooLong(let part, let cell, let limit):
      if let cell {
        return pick(
          "\(part), cellule \(cell) : texte de plus de \(limit) caractères, plus qu'une cellule n'en contient : refusé",
          "\(part), cell \(cell): text of more than \(limit) characters, more than a cell holds: refused",
          "\(part), cel \(cell): tekst van meer dan \(limit) tekens, meer dan een cel bevat: geweigerd"
        )
      }
      return pick(
        "\(part) : texte de plus de \(limit) caractères, plus qu'une cellule n'en contient : refusé",
        "\(part): text of more than \(limit) characters, more than a cell holds: refused",
        "\(part): tekst van meer dan \(limit) tekens, meer dan een cel bevat: geweigerd")
    }
  }
}

/// What is wrong with an XML part, in French, English and Dutch: libxml2's common errors by
/// their number (`xmlParserErrors`), and what the reader refuses itself.
public enum XMLProblem: Equatable, Sendable {
  case emptyDocument
  case contentAfterEnd
  case forbiddenCharacter
  case undeclaredEntity
  case malformedAttribute(code: Int)
  case mismatchedEndTag
  case endsInsideElement
  case unclosedElements
  case noRootElement
  case processingInstruction
  /// Another of libxml2's errors, by its number.
  case libxml2(code: Int)

  /// The problem libxml2's error `code` names.
  init(libxml2Code code: Int) {
    switch code {
    case 4: self = .emptyDocument
    case 5: self = .contentAfterEnd
    case 9: self = .forbiddenCharacter
    case 26: self = .undeclaredEntity
    case 38, 39, 40, 41: self = .malformedAttribute(code: code)
    case 76: self = .mismatchedEndTag
    case 77: self = .endsInsideElement
    default: self = .libxml2(code: code)
    }
  }

  public func message(_ language: InterfaceLanguage) -> String {
    let pick = language.pick
    switch self {
    case .emptyDocument: return pick("document vide", "empty document", "leeg document")
    case .contentAfterEnd:
      return pick(
        "du contenu après la fin du document", "content after the end of the document",
        "inhoud na het einde van het document")
    case .forbiddenCharacter:
      return pick(
        "un caractère que XML n'admet pas", "a character XML does not allow",
        "een teken dat XML niet toelaat")
    case .undeclaredEntity:
      return pick(
        "une entité non déclarée", "an undeclared entity", "een niet-gedeclareerde entiteit")
    case .malformedAttribute(let code):
      return pick(
        "un attribut mal formé (code \(code))", "a malformed attribute (code \(code))",
        "een misvormd attribuut (code \(code))")
    case .mismatchedEndTag:
      return pick(
        "une balise de fin qui ne correspond pas à sa balise de début",
        "an end tag that does not match its start tag",
        "een eindtag die niet overeenkomt met zijn begintag")
    case .endsInsideElement:
      return pick(
        "le document s'arrête à l'intérieur d'un élément", "the document ends inside an element",
        "het document eindigt binnen een element")
    case .unclosedElements:
      return pick(
        "des éléments non fermés à la fin", "unclosed elements at the end",
        "niet-afgesloten elementen aan het einde")
    case .noRootElement:
      return pick("aucun élément racine", "no root element", "geen hoofdelement")
    case .processingInstruction:
      return pick(
        "une instruction de traitement (<?…?>), ce que les parties d'un classeur ne contiennent pas",
        "a processing instruction (<?…?>), which a workbook's parts do not hold",
        "een verwerkingsinstructie (<?…?>), die de delen van een werkmap niet bevatten")
    case .libxml2(let code):
      return pick("erreur libxml2 \(code)", "libxml2 error \(code)", "libxml2-fout \(code)")
    }
  }
}

/// What is wrong with a workbook's zip archive, found by the reader's own check of its structure
/// (WorkbookReader.checkStructure) or by ZIPFoundation, which reads it.
public enum ArchiveProblem: Equatable, Sendable {
  /// No end of central directory record: a truncated file, most often.
  case noEndRecord
  /// ZIP64, which a workbook under the size limit never needs.
  case zip64
  case directoryOutsideFile
  case entryOutsideDirectory
  case headerOutsideFile
  case dataOutsideFile
  case descriptorOutsideFile
  case directoryPastEnd
  /// ZIPFoundation could not open the archive (`detail`: its error, a technical name).
  case unreadable(detail: String)
  /// ZIPFoundation could not decompress `part` (`detail`: its error).
  case partUnreadable(part: String, detail: String)

  public func message(_ language: InterfaceLanguage) -> String {
    let pick = language.pick
    switch self {
    case .noEndRecord:
      return pick(
        "pas de fin de répertoire central (un fichier tronqué ?)",
        "no end of central directory record (a truncated file?)",
        "geen einde van de centrale map (een afgebroken bestand?)")
    case .zip64:
      return pick(
        "une archive ZIP64, dont un classeur de cette taille n'a pas besoin",
        "a ZIP64 archive, which a workbook of this size does not need",
        "een ZIP64-archief, dat een werkmap van deze grootte niet nodig heeft")
    case .directoryOutsideFile:
      return pick(
        "le répertoire central est hors du fichier", "the central directory lies outside the file",
        "de centrale map ligt buiten het bestand")
    case .entryOutsideDirectory:
      return pick(
        "une entrée du répertoire central est hors de celui-ci",
        "an entry of the central directory lies outside it",
        "een item van de centrale map ligt erbuiten")
    case .headerOutsideFile:
      return pick(
        "l'en-tête d'une entrée est hors du fichier", "an entry's header lies outside the file",
        "de kop van een item ligt buiten het bestand")
    case .dataOutsideFile:
      return pick(
        "les données d'une entrée sont hors du fichier", "an entry's data lies outside the file",
        "de gegevens van een item liggen buiten het bestand")
    case .descriptorOutsideFile:
      return pick(
        "le descripteur de données d'une entrée est hors du fichier",
        "an entry's data descriptor lies outside the file",
        "de gegevensdescriptor van een item ligt buiten het bestand")
    case .directoryPastEnd:
      return pick(
        "le répertoire central dépasse sa fin", "the central directory runs past its end",
        "de centrale map loopt voorbij haar einde")
    case .unreadable(let detail):
      return pick(
        "la bibliothèque zip ne peut pas l'ouvrir (\(detail))",
        "the zip library cannot open it (\(detail))",
        "de zip-bibliotheek kan het niet openen (\(detail))")
    case .partUnreadable(let part, let detail):
      return pick(
        "la partie \(part) ne peut pas être décompressée (\(detail))",
        "the part \(part) cannot be decompressed (\(detail))",
        "het deel \(part) kan niet worden gedecomprimeerd (\(detail))")
    }
  }
}
