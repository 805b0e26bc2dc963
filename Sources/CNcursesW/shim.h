#ifndef CLOUD_ASSESS_NCURSES_SHIM_H
#define CLOUD_ASSESS_NCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags: ask for the wide-character API here, before the header.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <dlfcn.h>
#include <locale.h>
#include <stddef.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// The curses library is opened when the full-screen wizard starts, not when the program does:
// the commands that only print (summary, list, validate, compare...) never load it, which spares
// them the dynamic loader's work for two libraries (about half a millisecond of every start), and
// a machine without ncurses still runs them and the plain mode. Only the header's types and
// constants are used at build time; every function and global comes from `ca_load()`.

struct ca_curses {
  int loaded;  // 0: not tried; 1: loaded; -1: not found
  SCREEN *(*f_newterm)(const char *, FILE *, FILE *);
  SCREEN *(*f_set_term)(SCREEN *);
  int (*f_endwin)(void);
  void (*f_delscreen)(SCREEN *);
  int (*f_raw)(void);
  int (*f_noecho)(void);
  int (*f_nonl)(void);
  int (*f_keypad)(WINDOW *, bool);
  int (*f_set_escdelay)(int);
  bool (*f_has_colors)(void);
  int (*f_start_color)(void);
  int (*f_use_default_colors)(void);
  int (*f_init_pair)(NCURSES_PAIRS_T, NCURSES_COLOR_T, NCURSES_COLOR_T);
  int (*f_clearok)(WINDOW *, bool);
  int (*f_refresh)(void);
  int (*f_erase)(void);
  int (*f_curs_set)(int);
  void (*f_timeout)(int);
  int (*f_mvaddstr)(int, int, const char *);
  int (*f_attrset)(NCURSES_ATTR_T);
  int (*f_move)(int, int);
  int (*f_get_wch)(wint_t *);
  int (*f_getmaxx)(const WINDOW *);
  int (*f_getmaxy)(const WINDOW *);
  WINDOW **v_stdscr;
};

/// The table: one per file that includes this header, hence one (NcursesTerminal.swift is the
/// only Swift file that imports the shim).
static inline struct ca_curses *ca_curses_table(void) {
  static struct ca_curses table;
  return &table;
}

/// Finds in `library` everything the wizard uses: 1 when all is there.
static inline int ca_find_all(void *library, struct ca_curses *c) {
#define CA_FIND(field, name) \
  if ((*(void **)&c->field = dlsym(library, name)) == NULL) return 0;
  CA_FIND(f_newterm, "newterm")
  CA_FIND(f_set_term, "set_term")
  CA_FIND(f_endwin, "endwin")
  CA_FIND(f_delscreen, "delscreen")
  CA_FIND(f_raw, "raw")
  CA_FIND(f_noecho, "noecho")
  CA_FIND(f_nonl, "nonl")
  CA_FIND(f_keypad, "keypad")
  CA_FIND(f_set_escdelay, "set_escdelay")
  CA_FIND(f_has_colors, "has_colors")
  CA_FIND(f_start_color, "start_color")
  CA_FIND(f_use_default_colors, "use_default_colors")
  CA_FIND(f_init_pair, "init_pair")
  CA_FIND(f_clearok, "clearok")
  CA_FIND(f_refresh, "refresh")
  CA_FIND(f_erase, "erase")
  CA_FIND(f_curs_set, "curs_set")
  CA_FIND(f_timeout, "timeout")
  CA_FIND(f_mvaddstr, "mvaddstr")
  CA_FIND(f_attrset, "attrset")
  CA_FIND(f_move, "move")
  CA_FIND(f_get_wch, "get_wch")
  CA_FIND(f_getmaxx, "getmaxx")
  CA_FIND(f_getmaxy, "getmaxy")
  CA_FIND(v_stdscr, "stdscr")
#undef CA_FIND
  return 1;
}

/// Opens the wide-character curses library and finds what the wizard uses, once: 1 when a
/// library has everything, 0 otherwise. Each name is tried in turn, and a library without a
/// function the wizard needs (a narrow `libncurses.so.6`, say) is closed and the next one tried.
static inline int ca_load(void) {
  struct ca_curses *c = ca_curses_table();
  if (c->loaded != 0) return c->loaded == 1;
  c->loaded = -1;
  static const char *const names[] = {
    "libncursesw.so.6", "libncursesw.so", "libncurses.so.6", "libncursesw.6.dylib", "libncurses.dylib",
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    void *library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) continue;
    if (ca_find_all(library, c)) {
      c->loaded = 1;
      return 1;
    }
    dlclose(library);
  }
  return 0;
}

// The functions below are called only once `ca_newterm` has returned a screen (so the library is
// loaded): as `NcursesTerminal` does.

static inline WINDOW *ca_stdscr(void) { return *ca_curses_table()->v_stdscr; }
static inline int ca_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ca_err(void) { return ERR; }

static inline attr_t ca_a_normal(void) { return A_NORMAL; }
static inline attr_t ca_a_bold(void) { return A_BOLD; }
static inline attr_t ca_a_reverse(void) { return A_REVERSE; }
static inline attr_t ca_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ca_a_dim(void) { return A_DIM; }
static inline attr_t ca_color_pair(int pair) { return COLOR_PAIR(pair); }

static inline int ca_getmaxy(void) { return ca_curses_table()->f_getmaxy(ca_stdscr()); }
static inline int ca_getmaxx(void) { return ca_curses_table()->f_getmaxx(ca_stdscr()); }

/// Starts curses on standard output and input without exiting on failure (initscr exits from
/// inside ncurses when the terminal is unknown or TERM is unset): NULL then, or when the library
/// cannot be loaded (`ca_load`).
static inline SCREEN *ca_newterm(void) {
  if (!ca_load()) return NULL;
  struct ca_curses *c = ca_curses_table();
  SCREEN *screen = c->f_newterm(NULL, stdout, stdin);
  if (screen != NULL) c->f_set_term(screen);
  return screen;
}

static inline int ca_endwin(void) { return ca_curses_table()->f_endwin(); }
static inline void ca_delscreen(SCREEN *screen) { ca_curses_table()->f_delscreen(screen); }
static inline int ca_raw(void) { return ca_curses_table()->f_raw(); }
static inline int ca_noecho(void) { return ca_curses_table()->f_noecho(); }
static inline int ca_nonl(void) { return ca_curses_table()->f_nonl(); }
static inline int ca_keypad(bool on) { return ca_curses_table()->f_keypad(ca_stdscr(), on); }
static inline int ca_set_escdelay(int milliseconds) { return ca_curses_table()->f_set_escdelay(milliseconds); }
static inline bool ca_has_colors(void) { return ca_curses_table()->f_has_colors(); }
static inline int ca_start_color(void) { return ca_curses_table()->f_start_color(); }
static inline int ca_use_default_colors(void) { return ca_curses_table()->f_use_default_colors(); }
static inline int ca_init_pair(short pair, short foreground, short background) {
  return ca_curses_table()->f_init_pair(pair, foreground, background);
}
static inline int ca_clearok(bool on) { return ca_curses_table()->f_clearok(ca_stdscr(), on); }
static inline int ca_refresh(void) { return ca_curses_table()->f_refresh(); }
static inline int ca_erase(void) { return ca_curses_table()->f_erase(); }
static inline int ca_curs_set(int visibility) { return ca_curses_table()->f_curs_set(visibility); }
static inline void ca_timeout(int milliseconds) { ca_curses_table()->f_timeout(milliseconds); }

/// Writes a UTF-8 string at (y, x); ncurses converts through the locale.
static inline int ca_mvaddstr(int y, int x, const char *text) { return ca_curses_table()->f_mvaddstr(y, x, text); }

/// Reads one key: returns OK with a character, KEY_CODE_YES with a key code, or ERR.
static inline int ca_get_wch(unsigned int *out) {
  wint_t wch = 0;
  int result = ca_curses_table()->f_get_wch(&wch);
  *out = (unsigned int)wch;
  return result;
}

static inline int ca_attrset(attr_t attributes) { return ca_curses_table()->f_attrset((NCURSES_ATTR_T)attributes); }
static inline int ca_move(int y, int x) { return ca_curses_table()->f_move(y, x); }

#endif
