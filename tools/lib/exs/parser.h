/*
 * parser: the Elixir parser behind mx_exs_parse (declared in ast.h with the
 * tree it builds). It reads the tokens of lexer.h into the AST of ast.h,
 * with Elixir's operator table and call rules; see parser.c.
 */
#ifndef MX_EXS_PARSER_H
#define MX_EXS_PARSER_H

#include "ast.h"

#endif
