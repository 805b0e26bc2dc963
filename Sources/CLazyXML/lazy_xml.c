// libxml2's SAX2 parser, loaded with dlopen the first time a workbook is read.
//
// Why not Foundation's XMLParser (libxml2 too): linking FoundationXML makes the dynamic loader
// map and relocate libFoundationXML, libxml2, ICU 72 and liblzma at the start of every command,
// about a millisecond each time (docs/performance.md), for the one command in ten that reads a
// workbook. Here libxml2 is loaded only by that one.
//
// No libxml2 header is needed to build: the few declarations below are libxml2's stable ABI
// (the soname libxml2.so.2 has kept these structures' layout since version 2.6), checked
// against the headers of libxml2 2.9.14 when written.

#include "lazy_xml.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef void (*sax_function)(void);

// libxml2's xmlSAXHandler (parser.h).
typedef struct {
  sax_function internalSubset, isStandalone, hasInternalSubset, hasExternalSubset,
      resolveEntity, getEntity, entityDecl, notationDecl, attributeDecl, elementDecl,
      unparsedEntityDecl, setDocumentLocator, startDocument, endDocument, startElement,
      endElement, reference;
  void (*characters)(void *context, const unsigned char *bytes, int length);
  void (*ignorableWhitespace)(void *context, const unsigned char *bytes, int length);
  sax_function processingInstruction, comment, warning, error, fatalError, getParameterEntity;
  void (*cdataBlock)(void *context, const unsigned char *bytes, int length);
  sax_function externalSubset;
  unsigned int initialized;
  void *private_data;
  void (*startElementNs)(void *context, const unsigned char *localname,
                         const unsigned char *prefix, const unsigned char *uri,
                         int namespaceCount, const unsigned char **namespaces,
                         int attributeCount, int defaultedCount,
                         const unsigned char **attributes);
  void (*endElementNs)(void *context, const unsigned char *localname,
                       const unsigned char *prefix, const unsigned char *uri);
  void (*serror)(void *context, void *error);
} sax_handler;

// libxml2's xmlError (xmlerror.h).
typedef struct {
  int domain;
  int code;
  char *message;
  int level;
  char *file;
  int line;
  char *str1, *str2, *str3;
  int int1, int2;
  void *ctxt, *node;
} xml_error;

enum {
  SAX2_MAGIC = 0xDEEDBEAF,     // XML_SAX2_MAGIC
  PARSE_NOENT = 1 << 1,        // XML_PARSE_NOENT: entities (here predefined ones) substituted,
                               // also in attribute values
  PARSE_NONET = 1 << 11,       // XML_PARSE_NONET
  LEVEL_ERROR = 2,             // XML_ERR_ERROR; XML_ERR_WARNING (1) is not a failure
};

static struct {
  void (*init_parser)(void);
  void *(*create_push_parser)(sax_handler *sax, void *user_data, const char *chunk, int size,
                              const char *filename);
  int (*use_options)(void *parser, int options);
  int (*parse_chunk)(void *parser, const char *chunk, int size, int terminate);
  void (*stop_parser)(void *parser);
  void (*free_parser)(void *parser);
} library;
static char load_failure[256];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
#if defined(__APPLE__)
  const char *name = "/usr/lib/libxml2.2.dylib";
#else
  const char *name = "libxml2.so.2";
#endif
  void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    const char *reason = dlerror();
    snprintf(load_failure, sizeof load_failure, "%s", reason ? reason : name);
    return;
  }
  struct {
    const char *symbol;
    void **slot;
  } wanted[] = {
      {"xmlInitParser", (void **)&library.init_parser},
      {"xmlCreatePushParserCtxt", (void **)&library.create_push_parser},
      {"xmlCtxtUseOptions", (void **)&library.use_options},
      {"xmlParseChunk", (void **)&library.parse_chunk},
      {"xmlStopParser", (void **)&library.stop_parser},
      {"xmlFreeParserCtxt", (void **)&library.free_parser},
  };
  for (size_t index = 0; index < sizeof wanted / sizeof wanted[0]; index++) {
    *wanted[index].slot = dlsym(handle, wanted[index].symbol);
    if (*wanted[index].slot == NULL) {
      snprintf(load_failure, sizeof load_failure, "%s: no %s", name, wanted[index].symbol);
      library.parse_chunk = NULL;
      return;
    }
  }
  // Once, before any parser, as libxml2 asks of a program that may use threads.
  library.init_parser();
}

typedef struct {
  void *parser;
  void *context;
  lazy_xml_start start;
  lazy_xml_end end;
  lazy_xml_text text;
  int status;
  lazy_xml_outcome *outcome;
} parse_state;

static void stop(parse_state *state, int status) {
  if (state->status != LAZY_XML_PARSED) return;
  state->status = status;
  library.stop_parser(state->parser);
}

static void on_start(void *user, const unsigned char *localname, const unsigned char *prefix,
                     const unsigned char *uri, int namespaceCount,
                     const unsigned char **namespaces, int attributeCount, int defaultedCount,
                     const unsigned char **attributes) {
  (void)prefix, (void)uri, (void)namespaceCount, (void)namespaces, (void)defaultedCount;
  parse_state *state = user;
  if (state->status != LAZY_XML_PARSED) return;
  if (state->start(state->context, (const char *)localname, attributeCount,
                   (const char *const *)attributes) != 0) {
    stop(state, LAZY_XML_STOPPED);
  }
}

static void on_end(void *user, const unsigned char *localname, const unsigned char *prefix,
                   const unsigned char *uri) {
  (void)prefix, (void)uri;
  parse_state *state = user;
  if (state->status != LAZY_XML_PARSED) return;
  if (state->end(state->context, (const char *)localname) != 0) stop(state, LAZY_XML_STOPPED);
}

static void on_text(void *user, const unsigned char *bytes, int length) {
  parse_state *state = user;
  if (state->status != LAZY_XML_PARSED || state->text == NULL) return;
  if (state->text(state->context, (const char *)bytes, length) != 0) {
    stop(state, LAZY_XML_STOPPED);
  }
}

static void on_error(void *user, void *raw) {
  parse_state *state = user;
  const xml_error *error = raw;
  if (error == NULL || error->level < LEVEL_ERROR || state->status != LAZY_XML_PARSED) return;
  state->outcome->code = error->code;
  state->outcome->line = error->line;
  snprintf(state->outcome->message, sizeof state->outcome->message, "%s",
           error->message ? error->message : "");
  stop(state, LAZY_XML_MALFORMED);
}

int lazy_xml_parse(const char *bytes, int length, void *context, lazy_xml_start start,
                   lazy_xml_end end, lazy_xml_text text, lazy_xml_outcome *outcome) {
  memset(outcome, 0, sizeof *outcome);
  pthread_once(&load_once, load);
  if (library.parse_chunk == NULL) {
    snprintf(outcome->message, sizeof outcome->message, "%s", load_failure);
    return LAZY_XML_UNAVAILABLE;
  }
  sax_handler handler;
  memset(&handler, 0, sizeof handler);
  handler.initialized = SAX2_MAGIC;
  handler.startElementNs = on_start;
  handler.endElementNs = on_end;
  handler.characters = on_text;
  handler.ignorableWhitespace = on_text;
  // Left out, CDATA sections come to `characters`: their text is text like any other.
  handler.cdataBlock = NULL;
  handler.serror = on_error;
  parse_state state = {NULL, context, start, end, text, LAZY_XML_PARSED, outcome};
  state.parser = library.create_push_parser(&handler, &state, NULL, 0, NULL);
  if (state.parser == NULL) return LAZY_XML_NO_MEMORY;
  library.use_options(state.parser, PARSE_NOENT | PARSE_NONET);
  library.parse_chunk(state.parser, bytes, length, 1);
  library.free_parser(state.parser);
  return state.status;
}
