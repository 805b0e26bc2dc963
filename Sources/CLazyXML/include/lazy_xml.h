#ifndef LAZY_XML_H
#define LAZY_XML_H

// An XML document parsed by libxml2's SAX2 parser, libxml2 being loaded on first use: see
// lazy_xml.c for why.

// An element starts: its local name (NUL-terminated), and its attributes as `count` groups of
// five pointers, libxml2's own: local name, prefix, namespace URI, value start, value end (the
// value is not NUL-terminated). Return 0 to go on, anything else to stop.
typedef int (*lazy_xml_start)(void *context, const char *name, int count,
                              const char *const *attributes);
// An element ends: its local name.
typedef int (*lazy_xml_end)(void *context, const char *name);
// Text: `length` bytes of UTF-8, a piece of an element's text (CDATA sections included).
typedef int (*lazy_xml_text)(void *context, const char *bytes, int length);

enum lazy_xml_status {
  // Parsed to the end, well-formed.
  LAZY_XML_PARSED = 0,
  // A handler asked to stop.
  LAZY_XML_STOPPED = 1,
  // Not well-formed: `code` is libxml2's error number (xmlParserErrors), `line` where.
  LAZY_XML_MALFORMED = 2,
  // libxml2 could not be loaded, or lacks a function: `message` says why.
  LAZY_XML_UNAVAILABLE = 3,
  // libxml2 could not allocate its parser.
  LAZY_XML_NO_MEMORY = 4,
};

typedef struct lazy_xml_outcome {
  int code;
  int line;
  char message[256];
} lazy_xml_outcome;

// Parses `length` bytes with entity substitution (the predefined entities and character
// references only: the caller refuses documents with a DTD) and no network access, stopping at
// the first error. `text` may be NULL when the text is not wanted.
int lazy_xml_parse(const char *bytes, int length, void *context, lazy_xml_start start,
                   lazy_xml_end end, lazy_xml_text text, lazy_xml_outcome *outcome);

#endif
