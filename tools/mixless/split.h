/*
 * split: an alias step's words, as mix splits "ecto.create --quiet".
 */
#ifndef MIXLESS_SPLIT_H
#define MIXLESS_SPLIT_H

#include "strvec.h"

/* OptionParser.split/1: words split at blanks (space, tab, newline), with
 * "..." and '...' quoting (a quote joins the word it touches) and backslash
 * escapes outside single quotes. Appends each word to out, a copy; an
 * unterminated quote runs to the end. */
void mixless_split_words(const char *s, struct mx_strvec *out);

#endif
