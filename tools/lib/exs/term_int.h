/*
 * term_int: what term.c and term_text.c share. Not a public interface.
 */
#ifndef MX_EXS_TERM_INT_H
#define MX_EXS_TERM_INT_H

#include "term.h"

/* Terms the evaluator builds in a loop can nest deeper than any source
 * could ([acc] 100,000 times). The recursive walks (equal, compare, inspect,
 * to_string) count their depth in mx_term_walk_depth and stop at these
 * depths instead of overflowing the C stack: equal says false, compare
 * says equal, inspect prints "...", to_string fails. */
enum { MX_TERM_MAX_WALK_DEPTH = 10000, MX_TERM_MAX_INSPECT_DEPTH = 2000 };
extern unsigned mx_term_walk_depth;

/* Indices of a map's keys in term order (Erlang compares maps by their
 * sorted keys, then the values in that order; small maps print in it).
 * Caller frees. */
size_t *mx_term_sorted_key_order(const struct mx_term *m);

#endif
