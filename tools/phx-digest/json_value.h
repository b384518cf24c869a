/*
 * JSON values (json_value.c), enough to carry an old cache_manifest.json
 * through a run unchanged in meaning: parsed as Jason decodes it, built, and
 * encoded as Jason encodes it. Strings are escaped by the core's
 * json_escape.
 */
#ifndef PHX_DIGEST_JSON_VALUE_H
#define PHX_DIGEST_JSON_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

enum phx_json_type {
	PHX_JSON_NULL,
	PHX_JSON_BOOL,
	PHX_JSON_NUM,
	PHX_JSON_STR,
	PHX_JSON_ARR,
	PHX_JSON_OBJ,
	PHX_JSON_RAW /* a container kept as its (checked) text, in s */
};

struct phx_json {
	enum phx_json_type type;
	bool b;
	char *s; /* STR: decoded bytes (NUL-terminated, may hold NULs); NUM: the text */
	size_t len;
	struct phx_json *items; /* ARR items, OBJ values */
	char **keys;            /* OBJ keys (decoded) */
	size_t *keylens;
	size_t n, alloc;
};
#define PHX_JSON_INIT                                                                              \
	{                                                                                          \
		PHX_JSON_NULL, false, NULL, 0, NULL, NULL, NULL, 0, 0                              \
	}

/* ---- Reading -------------------------------------------------------------- */

/* Parses text (RFC 8259, as Jason accepts it) into out. Duplicate keys: the
 * last one wins, as in a decoded map. Errors carry "line:col". */
int phx_json_parse(const char *text, size_t n, struct phx_json *out, struct mx_err *err);
/* The same, but containers nested depth deep or more are only checked and
 * kept as PHX_JSON_RAW text (decoded when encoded): reading a large
 * manifest costs little when most of its entries are about to be replaced. */
int phx_json_parse_lazy(const char *text, size_t n, int depth, struct phx_json *out,
                        struct mx_err *err);
/* Frees everything v holds and leaves it null; accepts NULL. */
void phx_json_release(struct phx_json *v);
/* The value of key in an object, or NULL. */
const struct phx_json *phx_json_get(const struct phx_json *obj, const char *key);
/* Reads an integer or float value as a double; false when not a number. */
bool phx_json_number(const struct phx_json *v, double *out);

/* ---- Building ------------------------------------------------------------- */

/* An empty object. */
void phx_json_obj_init(struct phx_json *v);
/* Appends key -> val (val is moved: *val is reset). */
void phx_json_obj_put(struct phx_json *obj, const char *key, size_t klen, struct phx_json *val);
void phx_json_set_str(struct phx_json *v, const char *s, size_t n);
void phx_json_set_int(struct phx_json *v, long long i);
/* Removes later duplicates so each key appears once, the last value winning,
 * and sorts keys in byte order. */
void phx_json_obj_normalize(struct phx_json *obj);

/* ---- Writing -------------------------------------------------------------- */

/* Encodes v as Jason.encode!/1 does: compact, object keys in byte order. */
void phx_json_encode(const struct phx_json *v, struct mx_buf *out);

#endif
