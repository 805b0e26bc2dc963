#ifndef CLOUD_ASSESS_NCURSES_SHIM_H
#define CLOUD_ASSESS_NCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags: ask for the wide-character API here, before the header.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot see (or flags as not concurrency-safe), as functions.

static inline WINDOW *ca_stdscr(void) { return stdscr; }
static inline int ca_lines(void) { return LINES; }
static inline int ca_cols(void) { return COLS; }
static inline int ca_colors(void) { return COLORS; }
static inline int ca_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ca_err(void) { return ERR; }

static inline attr_t ca_a_normal(void) { return A_NORMAL; }
static inline attr_t ca_a_bold(void) { return A_BOLD; }
static inline attr_t ca_a_reverse(void) { return A_REVERSE; }
static inline attr_t ca_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ca_a_dim(void) { return A_DIM; }
static inline attr_t ca_color_pair(int pair) { return COLOR_PAIR(pair); }

static inline int ca_getmaxy(void) { return getmaxy(stdscr); }
static inline int ca_getmaxx(void) { return getmaxx(stdscr); }

/// Starts curses on standard output and input without exiting on failure (initscr exits from
/// inside ncurses when the terminal is unknown or TERM is unset): NULL then.
static inline SCREEN *ca_newterm(void) {
  SCREEN *screen = newterm(NULL, stdout, stdin);
  if (screen != NULL) set_term(screen);
  return screen;
}

/// Writes a UTF-8 string at (y, x); ncurses converts through the locale.
static inline int ca_mvaddstr(int y, int x, const char *text) { return mvaddstr(y, x, text); }

/// Reads one key: returns OK with a character, KEY_CODE_YES with a key code, or ERR.
static inline int ca_get_wch(unsigned int *out) {
  wint_t wch = 0;
  int result = get_wch(&wch);
  *out = (unsigned int)wch;
  return result;
}

static inline int ca_attrset(attr_t attributes) { return attrset(attributes); }
static inline int ca_move(int y, int x) { return move(y, x); }

#endif
