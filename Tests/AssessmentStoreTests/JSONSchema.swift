import Foundation

/// A validator for the subset of JSON Schema (2020-12) the project's schemas use: `type`,
/// `const`, `enum`, `required`, `properties`, `additionalProperties`, `items`, `minProperties`,
/// `maxProperties`, `maxLength`, `minimum`, `maximum`, `pattern`, `$ref` to `#/$defs/...`.
/// Any other keyword makes validation fail, so a schema cannot silently use more than is checked.
struct JSONSchema {
  let root: [String: Any]

  init(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SchemaError("the schema is not an object")
    }
    root = object
  }

  struct SchemaError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// Problems, as "path: message"; empty when the instance is valid.
  func validate(_ data: Data) throws -> [String] {
    let instance = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    var problems: [String] = []
    check(instance, against: root, at: "$", &problems)
    return problems
  }

  private static let known: Set<String> = [
    "$schema", "$id", "title", "description", "type", "const", "enum", "required", "properties",
    "additionalProperties", "items", "minProperties", "maxProperties", "maxLength", "minimum",
    "maximum", "pattern", "$ref", "$defs",
  ]

  private func resolve(_ reference: String) -> [String: Any]? {
    guard reference.hasPrefix("#/$defs/") else { return nil }
    let name = String(reference.dropFirst("#/$defs/".count))
    return (root["$defs"] as? [String: Any])?[name] as? [String: Any]
  }

  private func typeName(_ value: Any) -> String {
    switch value {
    case is NSNull: return "null"
    case let number as NSNumber:
      if String(describing: type(of: number)).contains("Boolean")
        || String(cString: number.objCType) == "c"
      {
        return "boolean"
      }
      return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
    case is String: return "string"
    case is [Any]: return "array"
    case is [String: Any]: return "object"
    default: return "unknown"
    }
  }

  private func check(
    _ value: Any, against schema: [String: Any], at path: String, _ problems: inout [String]
  ) {
    for key in schema.keys where !Self.known.contains(key) {
      problems.append("\(path): the schema uses '\(key)', which this validator does not check")
    }
    if let reference = schema["$ref"] as? String {
      guard let target = resolve(reference) else {
        problems.append("\(path): unresolvable $ref \(reference)")
        return
      }
      check(value, against: target, at: path, &problems)
    }
    let actual = typeName(value)
    if let type = schema["type"] {
      let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
      let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
      if !ok {
        problems.append("\(path): is \(actual), expected \(allowed.joined(separator: " or "))")
        return
      }
    }
    if let constant = schema["const"], !isEqual(value, constant) {
      problems.append("\(path): must be \(constant)")
    }
    if let options = schema["enum"] as? [Any], !options.contains(where: { isEqual(value, $0) }) {
      problems.append("\(path): \(value) is not one of \(options)")
    }
    if let text = value as? String {
      if let maximum = schema["maxLength"] as? Int, text.count > maximum {
        problems.append("\(path): longer than \(maximum)")
      }
      if let pattern = schema["pattern"] as? String,
        text.range(of: pattern, options: .regularExpression) == nil
      {
        problems.append("\(path): '\(text)' does not match \(pattern)")
      }
    }
    if let number = value as? NSNumber, actual != "boolean" {
      if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
        problems.append("\(path): below \(minimum)")
      }
      if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum {
        problems.append("\(path): above \(maximum)")
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, item) in array.enumerated() {
        check(item, against: items, at: "\(path)[\(index)]", &problems)
      }
    }
    if let object = value as? [String: Any] {
      for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
        problems.append("\(path): lacks '\(key)'")
      }
      if let minimum = schema["minProperties"] as? Int, object.count < minimum {
        problems.append("\(path): fewer than \(minimum) properties")
      }
      if let maximum = schema["maxProperties"] as? Int, object.count > maximum {
        problems.append("\(path): more than \(maximum) properties")
      }
      let properties = (schema["properties"] as? [String: Any]) ?? [:]
      for (key, item) in object {
        if let propertySchema = properties[key] as? [String: Any] {
          check(item, against: propertySchema, at: "\(path).\(key)", &problems)
        } else if let additional = schema["additionalProperties"] {
          if let allowed = additional as? Bool, !allowed {
            problems.append("\(path): unexpected property '\(key)'")
          } else if let additionalSchema = additional as? [String: Any] {
            check(item, against: additionalSchema, at: "\(path).\(key)", &problems)
          }
        }
      }
    }
  }

  private func isEqual(_ lhs: Any, _ rhs: Any) -> Bool {
    switch (lhs, rhs) {
    case (let a as String, let b as String): return a == b
    case (let a as NSNumber, let b as NSNumber): return a == b
    case (is NSNull, is NSNull): return true
    default: return false
    }
  }
}
