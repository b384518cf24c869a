/*
 * tmpl_int: the parsed form of a template, shared by parse.c (which builds
 * it), set.c (which links includes) and render.c. Not a public interface.
 */
#ifndef MX_TMPL_INT_H
#define MX_TMPL_INT_H

#include "tmpl.h"

/* Deepest nesting of if/for blocks, and longest chain of includes: deeper
 * templates are refused, so rendering never runs out of stack. */
#define TMPL_MAX_DEPTH 100

/* A dotted path: segs[0].segs[1]...; line/col of its first character. */
struct tmpl_path {
	const char **segs;
	size_t nsegs;
	const char *text; /* "schema.alias", for messages */
	unsigned line, col;
};

enum tmpl_cond_kind { COND_PATH, COND_NOT, COND_AND, COND_OR };

struct tmpl_cond {
	enum tmpl_cond_kind kind;
	struct tmpl_path path;          /* COND_PATH */
	struct tmpl_cond *left, *right; /* NOT: left only */
};

enum tmpl_node_kind { NODE_TEXT, NODE_VALUE, NODE_LITERAL, NODE_IF, NODE_FOR, NODE_INCLUDE };

struct tmpl_node;
struct tmpl_nodes {
	struct tmpl_node **v;
	size_t n, alloc;
};

struct tmpl_branch {
	struct tmpl_cond *cond; /* NULL for else */
	struct tmpl_nodes body;
};

struct tmpl_node {
	enum tmpl_node_kind kind;
	unsigned line, col; /* of the tag's "{%" (text: of its first byte) */
	union {
		struct {
			const char *s;
			size_t len;
		} text;                 /* NODE_TEXT, NODE_LITERAL */
		struct tmpl_path value; /* NODE_VALUE */
		struct {
			struct tmpl_branch *br; /* if, elifs, then else (cond NULL) */
			size_t n, alloc;
		} if_;
		struct {
			const char *var;
			struct tmpl_path list;
			const char *join; /* NULL without join */
			size_t join_len;
			struct tmpl_nodes body, else_body;
		} for_;
		struct {
			const char *name;
			const char *indent; /* the standalone line's indentation */
			size_t indent_len;
			const struct mx_tmpl *target; /* set by linking */
		} include;
	} u;
};

enum tmpl_state { TMPL_PARSED, TMPL_LINKING, TMPL_LINKED };

struct mx_tmpl {
	struct mx_arena arena; /* nodes, strings, the source copy */
	const char *name;
	const char *file;
	struct tmpl_nodes body;
	struct tmpl_node **includes; /* every NODE_INCLUDE, for linking */
	size_t nincludes, aincludes;
	enum tmpl_state state;
};

/* Parses src[0..len) (copied into the template) into a new template, or
 * returns NULL with err at file:line:col. */
struct mx_tmpl *tmpl_parse(const char *name, const char *file, const char *src, size_t len,
                           struct mx_err *err);
void tmpl_free(struct mx_tmpl *t);

#endif
