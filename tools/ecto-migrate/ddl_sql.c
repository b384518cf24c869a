/*
 * ddl_sql: the SQL of Ecto.Adapters.Postgres.Connection.execute_ddl/1 and
 * the log line of Ecto.Migration.Runner.command/1 (ecto_sql 3.14), for
 * commands given as Ecto's own tuples of terms.
 *
 * Each function follows one clause of the original, in the same order, so
 * that odd corners come out the same: the trailing space after an identity
 * column's sequence options, `ALTER TABLE "t" ` with no changes, a collation
 * appended after SET DEFAULT. Where Ecto raises, we raise the same exception
 * with the same message; where Elixir would fail a pattern match, we raise
 * FunctionClauseError naming the function Elixir would name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddl.h"
#include "ddl_priv.h"
#include "json_escape.h"

#define CONN "Ecto.Adapters.Postgres.Connection"

int ecto_ddl_raise(struct ecto_ddl_raise *r, const char *exception, const char *fmt, ...)
{
	va_list ap;

	if (!r)
		return -1;
	r->raised = true;
	snprintf(r->exception, sizeof(r->exception), "%s", exception);
	va_start(ap, fmt);
	mx_err_vset(&r->err, MX_ERR_EVAL, fmt, ap);
	va_end(ap);
	return -1;
}

static int no_clause(struct ecto_ddl_raise *r, const char *fun)
{
	return ecto_ddl_raise(r, "FunctionClauseError", "no function clause matching in %s", fun);
}

/* quote_name/1: always double-quoted, and a '"' inside raises. */
static int qname(struct mx_buf *b, const struct mx_term *name, struct ecto_ddl_raise *r)
{
	const char *s;
	size_t n;

	if (!ecto_t_text(name, &s, &n))
		return no_clause(r, CONN ".quote_name/1");
	if (memchr(s, '"', n)) {
		struct mx_buf q = MX_BUF_INIT;
		struct mx_arena a = MX_ARENA_INIT;
		ecto_t_inspect(mx_term_binary(&a, s, n), &q);
		ecto_ddl_raise(r, "ArgumentError",
		               "bad literal/field/index/table name %s (\" is not permitted)",
		               q.buf);
		mx_buf_release(&q);
		mx_arena_release(&a);
		return -1;
	}
	mx_buf_addch(b, '"');
	mx_buf_add(b, s, n);
	mx_buf_addch(b, '"');
	return 0;
}

/* quote_name/2: "prefix"."name", or "name" when prefix is nil. */
static int qname2(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                  struct ecto_ddl_raise *r)
{
	if (prefix && !mx_term_is_nil(prefix)) {
		if (qname(b, prefix, r) < 0)
			return -1;
		mx_buf_addch(b, '.');
	}
	return qname(b, name, r);
}

/* quote_names/1: joined with ',' (no space). */
static int qnames(struct mx_buf *b, const struct mx_term *list, struct ecto_ddl_raise *r)
{
	if (!ecto_t_is_list(list))
		return no_clause(r, "Enum.map_intersperse/3");
	for (size_t i = 0; i < list->u.list.n; i++) {
		if (i)
			mx_buf_addch(b, ',');
		if (qname(b, list->u.list.items[i], r) < 0)
			return -1;
	}
	return 0;
}

/* single_quote/1 with escape_string/1: ' doubled. */
static int squote(struct mx_buf *b, const struct mx_term *v, struct ecto_ddl_raise *r)
{
	if (!ecto_t_is_binary(v))
		return no_clause(r, CONN ".escape_string/1");
	mx_buf_addch(b, '\'');
	for (size_t i = 0; i < v->u.bin.len; i++) {
		if (v->u.bin.data[i] == '\'')
			mx_buf_addch(b, '\'');
		mx_buf_addch(b, v->u.bin.data[i]);
	}
	mx_buf_addch(b, '\'');
	return 0;
}

/* Appends to_string(t) (iodata, atoms, numbers), as `#{t}` or to_string/1. */
static int tostr(struct mx_buf *b, const struct mx_term *t, struct ecto_ddl_raise *r)
{
	if (!t || ecto_t_to_string(t, b) < 0) {
		struct mx_buf q = MX_BUF_INIT;
		if (t)
			ecto_t_inspect(t, &q);
		ecto_ddl_raise(r, "Protocol.UndefinedError",
		               "protocol String.Chars not implemented for %s", q.buf);
		mx_buf_release(&q);
		return -1;
	}
	return 0;
}

/* Appends iodata as it would be sent (binaries and nested lists of them). */
static int iodata(struct mx_buf *b, const struct mx_term *t, struct ecto_ddl_raise *r)
{
	if (ecto_t_is_binary(t)) {
		mx_buf_add(b, t->u.bin.data, t->u.bin.len);
		return 0;
	}
	if (t && t->type == MX_TERM_LIST)
		return tostr(b, t, r);
	{
		struct mx_buf q = MX_BUF_INIT;
		if (t)
			ecto_t_inspect(t, &q);
		ecto_ddl_raise(r, "ArgumentError", "argument error: %s", q.buf);
		mx_buf_release(&q);
	}
	return -1;
}

/* ---- Types --------------------------------------------------------------- */

/* ecto_to_db/1 */
static int ecto_to_db(struct mx_buf *b, const struct mx_term *type, const char *map_type,
                      struct ecto_ddl_raise *r)
{
	static const struct {
		const char *ecto, *db;
	} map[] = {
	    {"id", "integer"},
	    {"identity", "bigint"},
	    {"serial", "serial"},
	    {"bigserial", "bigserial"},
	    {"binary_id", "uuid"},
	    {"string", "varchar"},
	    {"bitstring", "varbit"},
	    {"binary", "bytea"},
	    {"time_usec", "time"},
	    {"utc_datetime", "timestamp"},
	    {"utc_datetime_usec", "timestamp"},
	    {"naive_datetime", "timestamp"},
	    {"naive_datetime_usec", "timestamp"},
	    {"duration", "interval"},
	};

	if (ecto_t_is_tuple(type, 2) && ecto_t_atom(type->u.tuple.items[0], "array")) {
		if (ecto_to_db(b, type->u.tuple.items[1], map_type, r) < 0)
			return -1;
		mx_buf_adds(b, "[]");
		return 0;
	}
	if (ecto_t_atom(type, "map") ||
	    (ecto_t_is_tuple(type, 2) && ecto_t_atom(type->u.tuple.items[0], "map"))) {
		mx_buf_adds(b, map_type ? map_type : "jsonb");
		return 0;
	}
	if (ecto_t_is_atom(type)) {
		for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
			if (mx_term_is_atom(type, map[i].ecto)) {
				mx_buf_adds(b, map[i].db);
				return 0;
			}
		}
		mx_buf_add(b, type->u.atom.name, type->u.atom.len);
		return 0;
	}
	{
		struct mx_buf q = MX_BUF_INIT;
		ecto_t_inspect(type, &q);
		ecto_ddl_raise(r, "ArgumentError",
		               "unsupported type `%s`. The type can either be an atom, a string "
		               "or a tuple of the form `{:map, t}` or `{:array, t}` where `t` "
		               "itself follows the same conditions.",
		               q.buf);
		mx_buf_release(&q);
	}
	return -1;
}

static bool atom_in(const struct mx_term *t, const char *const *names)
{
	for (; *names; names++)
		if (ecto_t_atom(t, *names))
			return true;
	return false;
}

/* column_type_name/2 */
static int column_type_name(struct mx_buf *b, const struct mx_term *type,
                            const struct mx_term *opts, const char *map_type,
                            struct ecto_ddl_raise *r)
{
	static const char *const sec[] = {"time", "utc_datetime", "naive_datetime", NULL};
	static const char *const usec[] = {"time_usec", "utc_datetime_usec", "naive_datetime_usec",
	                                   NULL};
	const struct mx_term *size, *precision, *scale, *fields;

	if (ecto_t_is_tuple(type, 2) && ecto_t_atom(type->u.tuple.items[0], "array")) {
		if (column_type_name(b, type->u.tuple.items[1], opts, map_type, r) < 0)
			return -1;
		mx_buf_adds(b, "[]");
		return 0;
	}
	precision = ecto_kw_fetch(opts, "precision");
	if (precision && !mx_term_truthy(precision))
		precision = NULL;
	if (atom_in(type, sec)) {
		if (ecto_to_db(b, type, map_type, r) < 0)
			return -1;
		mx_buf_adds(b, "(0)");
		return 0;
	}
	if (atom_in(type, usec)) {
		if (ecto_to_db(b, type, map_type, r) < 0)
			return -1;
		if (precision) {
			mx_buf_addch(b, '(');
			if (tostr(b, precision, r) < 0)
				return -1;
			mx_buf_addch(b, ')');
		}
		return 0;
	}
	if (ecto_t_atom(type, "duration")) {
		fields = ecto_kw_fetch(opts, "fields");
		if (fields && !mx_term_truthy(fields))
			fields = NULL;
		mx_buf_adds(b, "interval");
		if (fields) {
			mx_buf_addch(b, ' ');
			if (iodata(b, fields, r) < 0)
				return -1;
		}
		if (precision) {
			mx_buf_addch(b, '(');
			if (tostr(b, precision, r) < 0)
				return -1;
			mx_buf_addch(b, ')');
		}
		return 0;
	}
	size = ecto_kw_fetch(opts, "size");
	if (size && !mx_term_truthy(size))
		size = NULL;
	scale = ecto_kw_fetch(opts, "scale");
	if (scale && !mx_term_truthy(scale))
		scale = NULL;
	if (ecto_to_db(b, type, map_type, r) < 0)
		return -1;
	if (size) {
		mx_buf_addch(b, '(');
		if (tostr(b, size, r) < 0)
			return -1;
		mx_buf_addch(b, ')');
	} else if (precision) {
		mx_buf_addch(b, '(');
		if (tostr(b, precision, r) < 0)
			return -1;
		mx_buf_addch(b, ',');
		if (scale) {
			if (tostr(b, scale, r) < 0)
				return -1;
		} else {
			mx_buf_addch(b, '0');
		}
		mx_buf_addch(b, ')');
	} else if (ecto_t_atom(type, "string")) {
		mx_buf_adds(b, "(255)");
	}
	return 0;
}

static bool positive_int(const struct mx_term *v)
{
	return v && v->type == MX_TERM_INT && v->u.i > 0;
}

/* column_type/2 */
static int column_type(struct mx_buf *b, const struct mx_term *type, const struct mx_term *opts,
                       const char *map_type, struct ecto_ddl_raise *r)
{
	const struct mx_term *gen = ecto_kw_fetch(opts, "generated");

	if (column_type_name(b, type, opts, map_type, r) < 0)
		return -1;
	if (!gen || mx_term_is_nil(gen)) {
		if (ecto_t_atom(type, "identity")) {
			const struct mx_term *start = ecto_kw_fetch(opts, "start_value");
			const struct mx_term *inc = ecto_kw_fetch(opts, "increment");
			bool s = positive_int(start), i = positive_int(inc);
			mx_buf_adds(b, " GENERATED BY DEFAULT AS IDENTITY");
			if (s || i) {
				mx_buf_addch(b, '(');
				if (s)
					mx_buf_addf(b, "START WITH %lld", (long long)start->u.i);
				if (s && i)
					mx_buf_addch(b, ' ');
				if (i)
					mx_buf_addf(b, "INCREMENT BY %lld", (long long)inc->u.i);
				/* Ecto really leaves a space after the parenthesis. */
				mx_buf_adds(b, ") ");
			}
		}
		return 0;
	}
	if (ecto_t_is_binary(gen)) {
		mx_buf_adds(b, " GENERATED ");
		mx_buf_add(b, gen->u.bin.data, gen->u.bin.len);
		return 0;
	}
	{
		struct mx_buf q = MX_BUF_INIT;
		ecto_t_inspect(gen, &q);
		ecto_ddl_raise(r, "ArgumentError",
		               "the `:generated` option only accepts strings, received: %s", q.buf);
		mx_buf_release(&q);
	}
	return -1;
}

/* reference_column_type/2 */
static int reference_column_type(struct mx_buf *b, const struct mx_term *type,
                                 const struct mx_term *opts, const char *map_type,
                                 struct ecto_ddl_raise *r)
{
	if (ecto_t_atom(type, "serial")) {
		mx_buf_adds(b, "integer");
		return 0;
	}
	if (ecto_t_atom(type, "bigserial") || ecto_t_atom(type, "identity")) {
		mx_buf_adds(b, "bigint");
		return 0;
	}
	return column_type(b, type, opts, map_type, r);
}

/* ---- Defaults ------------------------------------------------------------ */

static bool valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i], need, cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			need = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			need = 3, cp = c & 0x07;
		else
			return false;
		if (i + need >= n)
			return false;
		for (unsigned k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += need + 1;
	}
	return true;
}

static int cmp_keys(const void *x, const void *y)
{
	const struct mx_term *const *a = x, *const *b = y;
	return mx_term_compare(a[0], b[0]);
}

/* Jason.encode_to_iodata!/1 for the values a migration default can hold.
 * Maps of up to 32 keys iterate in key order in the BEAM, which is what
 * Jason then writes; we sort keys the same way for every size. */
static int json_encode(struct mx_buf *b, const struct mx_term *t, struct ecto_ddl_raise *r)
{
	const char *s;
	size_t n;

	switch (t->type) {
	case MX_TERM_ATOM:
		if (mx_term_is_nil(t))
			mx_buf_adds(b, "null");
		else if (mx_term_is_atom(t, "true") || mx_term_is_atom(t, "false"))
			mx_buf_add(b, t->u.atom.name, t->u.atom.len);
		else
			mx_json_add_string(b, t->u.atom.name, t->u.atom.len);
		return 0;
	case MX_TERM_INT:
	case MX_TERM_FLOAT:
		return tostr(b, t, r);
	case MX_TERM_BINARY:
		mx_json_add_string(b, t->u.bin.data, t->u.bin.len);
		return 0;
	case MX_TERM_LIST:
		mx_buf_addch(b, '[');
		for (size_t i = 0; i < t->u.list.n; i++) {
			if (i)
				mx_buf_addch(b, ',');
			if (json_encode(b, t->u.list.items[i], r) < 0)
				return -1;
		}
		mx_buf_addch(b, ']');
		return 0;
	case MX_TERM_MAP: {
		size_t m = t->u.map.n;
		const struct mx_term **pairs = mx_xcalloc(m ? 2 * m : 1, sizeof(*pairs));
		int ret = 0;
		for (size_t i = 0; i < m; i++) {
			pairs[2 * i] = t->u.map.keys[i];
			pairs[2 * i + 1] = t->u.map.vals[i];
		}
		qsort(pairs, m, 2 * sizeof(*pairs), cmp_keys);
		mx_buf_addch(b, '{');
		for (size_t i = 0; i < m && !ret; i++) {
			if (i)
				mx_buf_addch(b, ',');
			if (ecto_t_text(pairs[2 * i], &s, &n)) {
				mx_json_add_string(b, s, n);
			} else {
				struct mx_buf k = MX_BUF_INIT;
				ret = tostr(&k, pairs[2 * i], r);
				mx_json_add_string(b, k.buf, k.len);
				mx_buf_release(&k);
			}
			mx_buf_addch(b, ':');
			if (!ret)
				ret = json_encode(b, pairs[2 * i + 1], r);
		}
		mx_buf_addch(b, '}');
		free(pairs);
		return ret;
	}
	default: {
		struct mx_buf q = MX_BUF_INIT;
		ecto_t_inspect(t, &q);
		ecto_ddl_raise(r, "Protocol.UndefinedError",
		               "protocol Jason.Encoder not implemented for %s", q.buf);
		mx_buf_release(&q);
		return -1;
	}
	}
}

/* default_type/2 */
static int default_type(struct mx_buf *b, const struct mx_term *lit, const struct mx_term *type,
                        const char *map_type, struct ecto_ddl_raise *r)
{
	if (lit->type == MX_TERM_LIST && ecto_t_is_tuple(type, 2) &&
	    ecto_t_atom(type->u.tuple.items[0], "array")) {
		mx_buf_adds(b, "ARRAY[");
		for (size_t i = 0; i < lit->u.list.n; i++) {
			if (i)
				mx_buf_addch(b, ',');
			if (default_type(b, lit->u.list.items[i], type->u.tuple.items[1], map_type,
			                 r) < 0)
				return -1;
		}
		mx_buf_adds(b, "]::");
		return ecto_to_db(b, type, map_type, r);
	}
	if (lit->type == MX_TERM_BINARY) {
		if (!memchr(lit->u.bin.data, 0, lit->u.bin.len) &&
		    valid_utf8((const unsigned char *)lit->u.bin.data, lit->u.bin.len))
			return squote(b, lit, r);
		{
			struct mx_buf q = MX_BUF_INIT, hex = MX_BUF_INIT;
			ecto_t_inspect(lit, &q);
			for (size_t i = 0; i < lit->u.bin.len; i++)
				mx_buf_addf(&hex, "%02x", (unsigned char)lit->u.bin.data[i]);
			ecto_ddl_raise(
			    r, "ArgumentError",
			    "default values are interpolated as UTF-8 strings and cannot "
			    "contain null bytes. `%s` is invalid. If you want to write it "
			    "as a binary, use \"\\x%s\", otherwise refer to PostgreSQL "
			    "documentation for instructions on how to escape this SQL type",
			    q.buf, hex.buf);
			mx_buf_release(&q);
			mx_buf_release(&hex);
			return -1;
		}
	}
	if (lit->type == MX_TERM_INT || lit->type == MX_TERM_FLOAT)
		return tostr(b, lit, r);
	if (mx_term_is_atom(lit, "true") || mx_term_is_atom(lit, "false")) {
		mx_buf_add(b, lit->u.atom.name, lit->u.atom.len);
		return 0;
	}
	if (lit->type == MX_TERM_MAP && ecto_t_atom(type, "map")) {
		struct mx_buf json = MX_BUF_INIT;
		struct mx_arena a = MX_ARENA_INIT;
		int ret = json_encode(&json, lit, r);
		if (!ret)
			ret = squote(b, mx_term_binary(&a, json.buf, json.len), r);
		mx_buf_release(&json);
		mx_arena_release(&a);
		return ret;
	}
	if (ecto_t_is_tuple(lit, 2) && ecto_t_atom(lit->u.tuple.items[0], "fragment"))
		return iodata(b, lit->u.tuple.items[1], r);
	{
		struct mx_buf q = MX_BUF_INIT, qt = MX_BUF_INIT;
		ecto_t_inspect(lit, &q);
		ecto_t_inspect(type, &qt);
		ecto_ddl_raise(r, "ArgumentError",
		               "unknown default `%s` for type `%s`. :default may be a string, "
		               "number, boolean, list of strings, list of integers, map (when "
		               "type is Map), or a fragment(...)",
		               q.buf, qt.buf);
		mx_buf_release(&q);
		mx_buf_release(&qt);
	}
	return -1;
}

/* default_expr/2 with Keyword.fetch(opts, :default) as lit (NULL: :error). */
static int default_expr(struct mx_buf *b, const struct mx_term *lit, const struct mx_term *type,
                        const char *map_type, struct ecto_ddl_raise *r)
{
	if (!lit)
		return 0;
	if (mx_term_is_nil(lit)) {
		mx_buf_adds(b, " DEFAULT NULL");
		return 0;
	}
	mx_buf_adds(b, " DEFAULT ");
	return default_type(b, lit, type, map_type, r);
}

static int collation_expr(struct mx_buf *b, const struct mx_term *opts, struct ecto_ddl_raise *r)
{
	const struct mx_term *c = ecto_kw_fetch(opts, "collation");
	if (!c)
		return 0;
	mx_buf_adds(b, " COLLATE \"");
	if (tostr(b, c, r) < 0)
		return -1;
	mx_buf_addch(b, '"');
	return 0;
}

/* column_options/2 */
static int column_options(struct mx_buf *b, const struct mx_term *type, const struct mx_term *opts,
                          const char *map_type, struct ecto_ddl_raise *r)
{
	const struct mx_term *null = ecto_kw_fetch(opts, "null");

	if (default_expr(b, ecto_kw_fetch(opts, "default"), type, map_type, r) < 0)
		return -1;
	if (null && mx_term_is_atom(null, "false"))
		mx_buf_adds(b, " NOT NULL");
	else if (null && mx_term_is_atom(null, "true"))
		mx_buf_adds(b, " NULL");
	return collation_expr(b, opts, r);
}

/* ---- References ---------------------------------------------------------- */

static int reference_name(struct mx_buf *b, const struct mx_term *ref, const struct mx_term *table,
                          const struct mx_term *column, struct ecto_ddl_raise *r)
{
	const struct mx_term *name = ecto_t_field(ref, "name");
	if (name && !mx_term_is_nil(name))
		return qname(b, name, r);
	{
		struct mx_buf n = MX_BUF_INIT;
		struct mx_arena a = MX_ARENA_INIT;
		int ret = tostr(&n, ecto_t_field(table, "name"), r);
		if (!ret) {
			mx_buf_addch(&n, '_');
			ret = tostr(&n, column, r);
		}
		if (!ret) {
			mx_buf_adds(&n, "_fkey");
			ret = qname(b, mx_term_binary(&a, n.buf, n.len), r);
		}
		mx_buf_release(&n);
		mx_arena_release(&a);
		return ret;
	}
}

static int reference_expr(struct mx_buf *b, const struct mx_term *ref, const struct mx_term *table,
                          const struct mx_term *name, struct ecto_ddl_raise *r)
{
	const struct mx_term *with = ecto_t_field(ref, "with");
	const struct mx_term *options = ecto_t_field(ref, "options");
	const struct mx_term *prefix = ecto_kw_fetch(options, "prefix");
	const struct mx_term *match = ecto_t_field(ref, "match");
	const struct mx_term *od = ecto_t_field(ref, "on_delete");
	const struct mx_term *ou = ecto_t_field(ref, "on_update");
	const struct mx_term *validate = ecto_t_field(ref, "validate");
	size_t nwith = ecto_t_is_list(with) ? with->u.list.n : 0;

	for (size_t i = 0; i < nwith; i++)
		if (!ecto_t_is_tuple(with->u.list.items[i], 2))
			return no_clause(r, "Enum.unzip/1");
	mx_buf_adds(b, "CONSTRAINT ");
	if (reference_name(b, ref, table, name, r) < 0)
		return -1;
	mx_buf_adds(b, " FOREIGN KEY (");
	if (qname(b, name, r) < 0)
		return -1;
	for (size_t i = 0; i < nwith; i++) {
		mx_buf_addch(b, ',');
		if (qname(b, with->u.list.items[i]->u.tuple.items[0], r) < 0)
			return -1;
	}
	mx_buf_adds(b, ") REFERENCES ");
	if (!prefix)
		prefix = ecto_t_field(table, "prefix");
	if (qname2(b, prefix, ecto_t_field(ref, "table"), r) < 0)
		return -1;
	mx_buf_addch(b, '(');
	if (qname(b, ecto_t_field(ref, "column"), r) < 0)
		return -1;
	for (size_t i = 0; i < nwith; i++) {
		mx_buf_addch(b, ',');
		if (qname(b, with->u.list.items[i]->u.tuple.items[1], r) < 0)
			return -1;
	}
	mx_buf_addch(b, ')');

	if (!match || mx_term_is_nil(match))
		;
	else if (ecto_t_atom(match, "full"))
		mx_buf_adds(b, " MATCH FULL");
	else if (ecto_t_atom(match, "simple"))
		mx_buf_adds(b, " MATCH SIMPLE");
	else if (ecto_t_atom(match, "partial"))
		mx_buf_adds(b, " MATCH PARTIAL");
	else
		return no_clause(r, CONN ".reference_match/1");

	if (ecto_t_atom(od, "nilify_all")) {
		mx_buf_adds(b, " ON DELETE SET NULL");
	} else if (ecto_t_is_tuple(od, 2) && (ecto_t_atom(od->u.tuple.items[0], "nilify") ||
	                                      ecto_t_atom(od->u.tuple.items[0], "default"))) {
		mx_buf_adds(b, ecto_t_atom(od->u.tuple.items[0], "nilify")
		                   ? " ON DELETE SET NULL ("
		                   : " ON DELETE SET DEFAULT (");
		if (qnames(b, od->u.tuple.items[1], r) < 0)
			return -1;
		mx_buf_addch(b, ')');
	} else if (ecto_t_atom(od, "default_all")) {
		mx_buf_adds(b, " ON DELETE SET DEFAULT");
	} else if (ecto_t_atom(od, "delete_all")) {
		mx_buf_adds(b, " ON DELETE CASCADE");
	} else if (ecto_t_atom(od, "restrict")) {
		mx_buf_adds(b, " ON DELETE RESTRICT");
	}

	if (ecto_t_atom(ou, "nilify_all"))
		mx_buf_adds(b, " ON UPDATE SET NULL");
	else if (ecto_t_atom(ou, "update_all"))
		mx_buf_adds(b, " ON UPDATE CASCADE");
	else if (ecto_t_atom(ou, "restrict"))
		mx_buf_adds(b, " ON UPDATE RESTRICT");

	if (ecto_t_atom(validate, "false"))
		mx_buf_adds(b, " NOT VALID");
	return 0;
}

/* drop_reference_expr/3: from may be a %Reference{}, {%Reference{}, opts}, or
 * anything else (nothing to drop). */
static int drop_reference_expr(struct mx_buf *b, const struct mx_term *from,
                               const struct mx_term *table, const struct mx_term *name,
                               bool if_exists, struct ecto_ddl_raise *r)
{
	if (ecto_t_is_tuple(from, 2) && ecto_t_is_struct(from->u.tuple.items[0], ECTO_REFERENCE))
		from = from->u.tuple.items[0];
	if (!ecto_t_is_struct(from, ECTO_REFERENCE))
		return 0;
	mx_buf_adds(b, if_exists ? "DROP CONSTRAINT IF EXISTS " : "DROP CONSTRAINT ");
	if (reference_name(b, from, table, name, r) < 0)
		return -1;
	mx_buf_adds(b, ", ");
	return 0;
}

/* ---- Tables -------------------------------------------------------------- */

struct sub {
	const struct mx_term *op, *name, *type, *opts;
	size_t arity; /* tuple size: 2, 3 or 4 */
};

static bool sub_of(const struct mx_term *t, struct sub *s)
{
	if (!t || t->type != MX_TERM_TUPLE || t->u.tuple.n < 2 || t->u.tuple.n > 4)
		return false;
	s->arity = t->u.tuple.n;
	s->op = t->u.tuple.items[0];
	s->name = t->u.tuple.items[1];
	s->type = s->arity > 2 ? t->u.tuple.items[2] : NULL;
	s->opts = s->arity > 3 ? t->u.tuple.items[3] : NULL;
	return true;
}

static int column_definition(struct mx_buf *b, const struct mx_term *table,
                             const struct mx_term *col, const char *map_type,
                             struct ecto_ddl_raise *r)
{
	struct sub s;

	if (!sub_of(col, &s) || s.arity != 4 || !ecto_t_atom(s.op, "add"))
		return no_clause(r, CONN ".column_definition/2");
	if (qname(b, s.name, r) < 0)
		return -1;
	mx_buf_addch(b, ' ');
	if (ecto_t_is_struct(s.type, ECTO_REFERENCE)) {
		const struct mx_term *rtype = ecto_t_field(s.type, "type");
		if (reference_column_type(b, rtype, s.opts, map_type, r) < 0 ||
		    column_options(b, rtype, s.opts, map_type, r) < 0)
			return -1;
		mx_buf_adds(b, ", ");
		return reference_expr(b, s.type, table, s.name, r);
	}
	if (column_type(b, s.type, s.opts, map_type, r) < 0)
		return -1;
	return column_options(b, s.type, s.opts, map_type, r);
}

static int modify_null_default(struct mx_buf *b, const struct sub *s, const struct mx_term *type,
                               const char *map_type, struct ecto_ddl_raise *r)
{
	const struct mx_term *null = ecto_kw_fetch(s->opts, "null");
	const struct mx_term *def = ecto_kw_fetch(s->opts, "default");

	if (null && mx_term_is_atom(null, "true")) {
		mx_buf_adds(b, ", ALTER COLUMN ");
		if (qname(b, s->name, r) < 0)
			return -1;
		mx_buf_adds(b, " DROP NOT NULL");
	} else if (null && mx_term_is_atom(null, "false")) {
		mx_buf_adds(b, ", ALTER COLUMN ");
		if (qname(b, s->name, r) < 0)
			return -1;
		mx_buf_adds(b, " SET NOT NULL");
	} else if (null && !mx_term_is_nil(null)) {
		return ecto_ddl_raise(r, "CaseClauseError", "no case clause matching: %s",
		                      null->type == MX_TERM_ATOM ? null->u.atom.name : "term");
	}
	if (def) {
		mx_buf_adds(b, ", ALTER COLUMN ");
		if (qname(b, s->name, r) < 0)
			return -1;
		mx_buf_adds(b, " SET");
		if (default_expr(b, def, type, map_type, r) < 0)
			return -1;
	}
	return collation_expr(b, s->opts, r);
}

static int column_change(struct mx_buf *b, const struct mx_term *table, const struct mx_term *col,
                         const char *map_type, struct ecto_ddl_raise *r)
{
	struct sub s;
	bool is_ref;

	if (!sub_of(col, &s))
		return no_clause(r, CONN ".column_change/2");
	is_ref = ecto_t_is_struct(s.type, ECTO_REFERENCE);

	if (s.arity == 4 && (ecto_t_atom(s.op, "add") || ecto_t_atom(s.op, "add_if_not_exists"))) {
		mx_buf_adds(b,
		            ecto_t_atom(s.op, "add") ? "ADD COLUMN " : "ADD COLUMN IF NOT EXISTS ");
		if (qname(b, s.name, r) < 0)
			return -1;
		mx_buf_addch(b, ' ');
		if (is_ref) {
			const struct mx_term *rtype = ecto_t_field(s.type, "type");
			if (reference_column_type(b, rtype, s.opts, map_type, r) < 0 ||
			    column_options(b, rtype, s.opts, map_type, r) < 0)
				return -1;
			mx_buf_adds(b, ", ADD ");
			return reference_expr(b, s.type, table, s.name, r);
		}
		if (column_type(b, s.type, s.opts, map_type, r) < 0)
			return -1;
		return column_options(b, s.type, s.opts, map_type, r);
	}
	if (s.arity == 4 && ecto_t_atom(s.op, "modify")) {
		if (drop_reference_expr(b, ecto_kw_fetch(s.opts, "from"), table, s.name, false, r) <
		    0)
			return -1;
		mx_buf_adds(b, "ALTER COLUMN ");
		if (qname(b, s.name, r) < 0)
			return -1;
		mx_buf_adds(b, " TYPE ");
		if (is_ref) {
			const struct mx_term *rtype = ecto_t_field(s.type, "type");
			if (reference_column_type(b, rtype, s.opts, map_type, r) < 0)
				return -1;
			mx_buf_adds(b, ", ADD ");
			if (reference_expr(b, s.type, table, s.name, r) < 0)
				return -1;
			return modify_null_default(b, &s, rtype, map_type, r);
		}
		if (column_type(b, s.type, s.opts, map_type, r) < 0)
			return -1;
		return modify_null_default(b, &s, s.type, map_type, r);
	}
	if (ecto_t_atom(s.op, "remove") && (s.arity == 2 || s.arity == 4)) {
		if (s.arity == 4 && is_ref &&
		    drop_reference_expr(b, s.type, table, s.name, false, r) < 0)
			return -1;
		mx_buf_adds(b, "DROP COLUMN ");
		return qname(b, s.name, r);
	}
	if (ecto_t_atom(s.op, "remove_if_exists") && (s.arity == 2 || s.arity == 3)) {
		if (s.arity == 3 && is_ref &&
		    drop_reference_expr(b, s.type, table, s.name, true, r) < 0)
			return -1;
		mx_buf_adds(b, "DROP COLUMN IF EXISTS ");
		return qname(b, s.name, r);
	}
	return no_clause(r, CONN ".column_change/2");
}

/* pk_definition/2 */
static int pk_definition(struct mx_buf *b, const struct mx_term *cols, const char *lead,
                         struct ecto_ddl_raise *r)
{
	bool any = false;

	for (size_t i = 0; i < cols->u.list.n; i++) {
		struct sub s;
		if (!sub_of(cols->u.list.items[i], &s) || s.arity != 4 ||
		    ecto_t_atom(s.op, "remove") || !ecto_kw_truthy(s.opts, "primary_key"))
			continue;
		mx_buf_adds(b, any ? "," : lead);
		if (!any)
			mx_buf_adds(b, "PRIMARY KEY (");
		any = true;
		if (qname(b, s.name, r) < 0)
			return -1;
	}
	if (any)
		mx_buf_addch(b, ')');
	return 0;
}

static void push(struct mx_strvec *out, struct mx_buf *b)
{
	size_t len;
	mx_strvec_push_owned(out, mx_buf_detach(b, &len));
}

/* comments_on/3: COMMENT ON <object> <name> IS '<comment>' (nil: none). */
static int comment_on(struct mx_strvec *out, const char *object, const char *name,
                      const struct mx_term *comment, struct ecto_ddl_raise *r)
{
	struct mx_buf b = MX_BUF_INIT;

	if (!comment || mx_term_is_nil(comment))
		return 0;
	mx_buf_addf(&b, "COMMENT ON %s %s IS ", object, name);
	if (squote(&b, comment, r) < 0) {
		mx_buf_release(&b);
		return -1;
	}
	push(out, &b);
	return 0;
}

static int comments_for_columns(struct mx_strvec *out, const char *table_name,
                                const struct mx_term *cols, struct ecto_ddl_raise *r)
{
	for (size_t i = 0; i < cols->u.list.n; i++) {
		struct sub s;
		struct mx_buf n = MX_BUF_INIT;
		int ret;

		if (!sub_of(cols->u.list.items[i], &s) || s.arity != 4 ||
		    ecto_t_atom(s.op, "remove"))
			continue;
		mx_buf_adds(&n, table_name);
		mx_buf_addch(&n, '.');
		ret = qname(&n, s.name, r);
		if (!ret)
			ret = comment_on(out, "COLUMN", n.buf, ecto_kw_fetch(s.opts, "comment"), r);
		mx_buf_release(&n);
		if (ret < 0)
			return -1;
	}
	return 0;
}

static const struct mx_term *cmd_item(const struct mx_term *cmd, size_t i)
{
	return cmd->u.tuple.items[i];
}

static int table_sql(const struct mx_term *cmd, const char *map_type, struct mx_strvec *out,
                     struct ecto_ddl_raise *r)
{
	const struct mx_term *op = cmd_item(cmd, 0), *table = cmd_item(cmd, 1);
	const struct mx_term *third = cmd_item(cmd, 2);
	struct mx_buf name = MX_BUF_INIT, b = MX_BUF_INIT;
	int ret = -1;

	if (qname2(&name, ecto_t_field(table, "prefix"), ecto_t_field(table, "name"), r) < 0)
		goto out;

	if (ecto_t_atom(op, "create") || ecto_t_atom(op, "create_if_not_exists")) {
		const struct mx_term *mods = ecto_t_field(table, "modifiers");
		const struct mx_term *options = ecto_t_field(table, "options");
		if (!ecto_t_is_list(third)) {
			no_clause(r, CONN ".execute_ddl/1");
			goto out;
		}
		mx_buf_adds(&b, "CREATE ");
		if (mods && !mx_term_is_nil(mods)) {
			if (!ecto_t_is_binary(mods)) {
				struct mx_buf q = MX_BUF_INIT;
				ecto_t_inspect(mods, &q);
				ecto_ddl_raise(r, "ArgumentError",
				               "PostgreSQL adapter expects :modifiers to be a "
				               "string or nil, got %s",
				               q.buf);
				mx_buf_release(&q);
				goto out;
			}
			mx_buf_add(&b, mods->u.bin.data, mods->u.bin.len);
			mx_buf_addch(&b, ' ');
		}
		mx_buf_adds(&b, "TABLE ");
		if (ecto_t_atom(op, "create_if_not_exists"))
			mx_buf_adds(&b, "IF NOT EXISTS ");
		mx_buf_adds(&b, name.buf);
		mx_buf_adds(&b, " (");
		for (size_t i = 0; i < third->u.list.n; i++) {
			if (i)
				mx_buf_adds(&b, ", ");
			if (column_definition(&b, table, third->u.list.items[i], map_type, r) < 0)
				goto out;
		}
		if (pk_definition(&b, third, ", ", r) < 0)
			goto out;
		mx_buf_addch(&b, ')');
		if (options && !mx_term_is_nil(options)) {
			if (ecto_t_is_list(options)) {
				ecto_ddl_raise(r, "ArgumentError",
				               "PostgreSQL adapter does not support keyword lists "
				               "in :options");
				goto out;
			}
			mx_buf_addch(&b, ' ');
			if (iodata(&b, options, r) < 0)
				goto out;
		}
		push(out, &b);
		if (comment_on(out, "TABLE", name.buf, ecto_t_field(table, "comment"), r) < 0 ||
		    comments_for_columns(out, name.buf, third, r) < 0)
			goto out;
		ret = 0;
	} else if (ecto_t_atom(op, "drop") || ecto_t_atom(op, "drop_if_exists")) {
		mx_buf_adds(&b, "DROP TABLE ");
		if (ecto_t_atom(op, "drop_if_exists"))
			mx_buf_adds(&b, "IF EXISTS ");
		mx_buf_adds(&b, name.buf);
		if (ecto_t_atom(third, "cascade"))
			mx_buf_adds(&b, " CASCADE");
		else if (!ecto_t_atom(third, "restrict")) {
			no_clause(r, CONN ".drop_mode/1");
			goto out;
		}
		push(out, &b);
		ret = 0;
	} else if (ecto_t_atom(op, "alter")) {
		if (!ecto_t_is_list(third)) {
			no_clause(r, CONN ".execute_ddl/1");
			goto out;
		}
		mx_buf_addf(&b, "ALTER TABLE %s ", name.buf);
		for (size_t i = 0; i < third->u.list.n; i++) {
			if (i)
				mx_buf_adds(&b, ", ");
			if (column_change(&b, table, third->u.list.items[i], map_type, r) < 0)
				goto out;
		}
		if (pk_definition(&b, third, ", ADD ", r) < 0)
			goto out;
		push(out, &b);
		if (comment_on(out, "TABLE", name.buf, ecto_t_field(table, "comment"), r) < 0 ||
		    comments_for_columns(out, name.buf, third, r) < 0)
			goto out;
		ret = 0;
	} else if (ecto_t_atom(op, "rename") && ecto_t_is_struct(third, ECTO_TABLE)) {
		mx_buf_addf(&b, "ALTER TABLE %s RENAME TO ", name.buf);
		if (qname(&b, ecto_t_field(third, "name"), r) < 0)
			goto out;
		push(out, &b);
		ret = 0;
	} else if (ecto_t_atom(op, "rename") && cmd->u.tuple.n == 4) {
		mx_buf_addf(&b, "ALTER TABLE %s RENAME ", name.buf);
		if (qname(&b, third, r) < 0)
			goto out;
		mx_buf_adds(&b, " TO ");
		if (qname(&b, cmd_item(cmd, 3), r) < 0)
			goto out;
		push(out, &b);
		ret = 0;
	} else {
		no_clause(r, CONN ".execute_ddl/1");
	}
out:
	mx_buf_release(&name);
	mx_buf_release(&b);
	return ret;
}

/* ---- Indexes ------------------------------------------------------------- */

static int index_dir(struct mx_buf *b, const struct mx_term *dir, struct ecto_ddl_raise *r)
{
	static const struct {
		const char *dir, *sql;
	} dirs[] = {
	    {"asc", " ASC"},
	    {"asc_nulls_first", " ASC NULLS FIRST"},
	    {"asc_nulls_last", " ASC NULLS LAST"},
	    {"desc", " DESC"},
	    {"desc_nulls_first", " DESC NULLS FIRST"},
	    {"desc_nulls_last", " DESC NULLS LAST"},
	};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (ecto_t_atom(dir, dirs[i].dir)) {
			mx_buf_adds(b, dirs[i].sql);
			return 0;
		}
	}
	return no_clause(r, CONN ".index_dir/2");
}

/* index_expr/1 and include_expr/1: strings are SQL, sent as they are;
 * anything else is a column name, quoted. */
static int index_expr(struct mx_buf *b, const struct mx_term *e, bool with_dir,
                      struct ecto_ddl_raise *r)
{
	if (with_dir && ecto_t_is_tuple(e, 2)) {
		const struct mx_term *lit = e->u.tuple.items[1];
		if (ecto_t_is_binary(lit))
			mx_buf_add(b, lit->u.bin.data, lit->u.bin.len);
		else if (qname(b, lit, r) < 0)
			return -1;
		return index_dir(b, e->u.tuple.items[0], r);
	}
	if (ecto_t_is_binary(e)) {
		mx_buf_add(b, e->u.bin.data, e->u.bin.len);
		return 0;
	}
	return qname(b, e, r);
}

static int index_sql(const struct mx_term *cmd, struct mx_strvec *out, struct ecto_ddl_raise *r)
{
	const struct mx_term *op = cmd_item(cmd, 0), *ix = cmd_item(cmd, 1);
	const struct mx_term *prefix = ecto_t_field(ix, "prefix");
	const struct mx_term *iname = ecto_t_field(ix, "name");
	struct mx_buf b = MX_BUF_INIT, qn = MX_BUF_INIT;
	int ret = -1;

	if (cmd->u.tuple.n == 2 &&
	    (ecto_t_atom(op, "create") || ecto_t_atom(op, "create_if_not_exists"))) {
		const struct mx_term *cols = ecto_t_field(ix, "columns");
		const struct mx_term *incl = ecto_t_field(ix, "include");
		const struct mx_term *nd = ecto_t_field(ix, "nulls_distinct");
		const struct mx_term *using = ecto_t_field(ix, "using");
		const struct mx_term *options = ecto_t_field(ix, "options");
		const struct mx_term *where = ecto_t_field(ix, "where");

		if (!ecto_t_is_list(cols) || !ecto_t_is_list(incl)) {
			no_clause(r, "Enum.map_intersperse/3");
			goto out;
		}
		mx_buf_adds(&b, "CREATE ");
		if (mx_term_truthy(ecto_t_field(ix, "unique")))
			mx_buf_adds(&b, "UNIQUE ");
		mx_buf_adds(&b, "INDEX ");
		if (mx_term_truthy(ecto_t_field(ix, "concurrently")))
			mx_buf_adds(&b, "CONCURRENTLY ");
		if (ecto_t_atom(op, "create_if_not_exists"))
			mx_buf_adds(&b, "IF NOT EXISTS ");
		if (qname(&b, iname, r) < 0)
			goto out;
		mx_buf_adds(&b, " ON ");
		if (mx_term_truthy(ecto_t_field(ix, "only")))
			mx_buf_adds(&b, "ONLY ");
		if (qname2(&b, prefix, ecto_t_field(ix, "table"), r) < 0)
			goto out;
		if (using && mx_term_truthy(using)) {
			mx_buf_adds(&b, " USING ");
			if (tostr(&b, using, r) < 0)
				goto out;
		}
		mx_buf_adds(&b, " (");
		for (size_t i = 0; i < cols->u.list.n; i++) {
			if (i)
				mx_buf_adds(&b, ", ");
			if (index_expr(&b, cols->u.list.items[i], true, r) < 0)
				goto out;
		}
		mx_buf_addch(&b, ')');
		if (incl->u.list.n) {
			mx_buf_adds(&b, " INCLUDE (");
			for (size_t i = 0; i < incl->u.list.n; i++) {
				if (i)
					mx_buf_adds(&b, ", ");
				if (index_expr(&b, incl->u.list.items[i], false, r) < 0)
					goto out;
			}
			mx_buf_addch(&b, ')');
		}
		if (ecto_t_atom(nd, "true"))
			mx_buf_adds(&b, " NULLS DISTINCT");
		else if (ecto_t_atom(nd, "false"))
			mx_buf_adds(&b, " NULLS NOT DISTINCT");
		else if (nd && !mx_term_is_nil(nd)) {
			ecto_ddl_raise(r, "CaseClauseError", "no case clause matching");
			goto out;
		}
		if (options && !mx_term_is_nil(options)) {
			mx_buf_adds(&b, " WITH (");
			if (iodata(&b, options, r) < 0)
				goto out;
			mx_buf_addch(&b, ')');
		}
		if (where && mx_term_truthy(where)) {
			mx_buf_adds(&b, " WHERE ");
			if (tostr(&b, where, r) < 0)
				goto out;
		}
		push(out, &b);
		if (qname2(&qn, prefix, iname, r) < 0 ||
		    comment_on(out, "INDEX", qn.buf, ecto_t_field(ix, "comment"), r) < 0)
			goto out;
		ret = 0;
	} else if (cmd->u.tuple.n == 3 &&
	           (ecto_t_atom(op, "drop") || ecto_t_atom(op, "drop_if_exists"))) {
		const struct mx_term *mode = cmd_item(cmd, 2);
		mx_buf_adds(&b, "DROP INDEX ");
		if (mx_term_truthy(ecto_t_field(ix, "concurrently")))
			mx_buf_adds(&b, "CONCURRENTLY ");
		if (ecto_t_atom(op, "drop_if_exists"))
			mx_buf_adds(&b, "IF EXISTS ");
		if (qname2(&b, prefix, iname, r) < 0)
			goto out;
		if (ecto_t_atom(mode, "cascade"))
			mx_buf_adds(&b, " CASCADE");
		else if (!ecto_t_atom(mode, "restrict")) {
			no_clause(r, CONN ".drop_mode/1");
			goto out;
		}
		push(out, &b);
		ret = 0;
	} else if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "rename")) {
		mx_buf_adds(&b, "ALTER INDEX ");
		if (qname2(&b, prefix, iname, r) < 0)
			goto out;
		mx_buf_adds(&b, " RENAME TO ");
		if (qname(&b, cmd_item(cmd, 2), r) < 0)
			goto out;
		push(out, &b);
		ret = 0;
	} else {
		no_clause(r, CONN ".execute_ddl/1");
	}
out:
	mx_buf_release(&b);
	mx_buf_release(&qn);
	return ret;
}

/* ---- Constraints --------------------------------------------------------- */

static int constraint_sql(const struct mx_term *cmd, struct mx_strvec *out,
                          struct ecto_ddl_raise *r)
{
	const struct mx_term *op = cmd_item(cmd, 0), *c = cmd_item(cmd, 1);
	const struct mx_term *check = ecto_t_field(c, "check");
	const struct mx_term *exclude = ecto_t_field(c, "exclude");
	struct mx_buf tn = MX_BUF_INIT, b = MX_BUF_INIT, cn = MX_BUF_INIT;
	int ret = -1;

	if (qname2(&tn, ecto_t_field(c, "prefix"), ecto_t_field(c, "table"), r) < 0)
		goto out;
	if (cmd->u.tuple.n == 2 && ecto_t_atom(op, "create")) {
		mx_buf_addf(&b, "ALTER TABLE %s ADD CONSTRAINT ", tn.buf);
		if (qname(&b, ecto_t_field(c, "name"), r) < 0)
			goto out;
		if (ecto_t_is_binary(check)) {
			mx_buf_adds(&b, " CHECK (");
			mx_buf_add(&b, check->u.bin.data, check->u.bin.len);
			mx_buf_addch(&b, ')');
		} else if (ecto_t_is_binary(exclude)) {
			mx_buf_adds(&b, " EXCLUDE USING ");
			mx_buf_add(&b, exclude->u.bin.data, exclude->u.bin.len);
		} else {
			no_clause(r, CONN ".new_constraint_expr/1");
			goto out;
		}
		if (ecto_t_atom(ecto_t_field(c, "validate"), "false"))
			mx_buf_adds(&b, " NOT VALID");
		push(out, &b);
		{
			const struct mx_term *comment = ecto_t_field(c, "comment");
			if (comment && !mx_term_is_nil(comment)) {
				if (qname(&cn, ecto_t_field(c, "name"), r) < 0)
					goto out;
				mx_buf_addf(&cn, " ON %s", tn.buf);
				if (comment_on(out, "CONSTRAINT", cn.buf, comment, r) < 0)
					goto out;
			}
		}
		ret = 0;
	} else if (cmd->u.tuple.n == 3 &&
	           (ecto_t_atom(op, "drop") || ecto_t_atom(op, "drop_if_exists"))) {
		const struct mx_term *mode = cmd_item(cmd, 2);
		mx_buf_addf(&b, "ALTER TABLE %s DROP CONSTRAINT ", tn.buf);
		if (ecto_t_atom(op, "drop_if_exists"))
			mx_buf_adds(&b, "IF EXISTS ");
		if (qname(&b, ecto_t_field(c, "name"), r) < 0)
			goto out;
		if (ecto_t_atom(mode, "cascade"))
			mx_buf_adds(&b, " CASCADE");
		else if (!ecto_t_atom(mode, "restrict")) {
			no_clause(r, CONN ".drop_mode/1");
			goto out;
		}
		push(out, &b);
		ret = 0;
	} else {
		no_clause(r, CONN ".execute_ddl/1");
	}
out:
	mx_buf_release(&tn);
	mx_buf_release(&b);
	mx_buf_release(&cn);
	return ret;
}

int ecto_ddl_sql(const struct mx_term *cmd, const char *map_type, struct mx_strvec *out,
                 struct ecto_ddl_raise *r)
{
	const struct mx_term *obj;

	if (ecto_t_is_binary(cmd)) {
		/* A NUL inside would end the C string; PostgreSQL refuses
		 * NULs in a query anyway. */
		mx_strvec_push_owned(out, mx_xstrndup(cmd->u.bin.data, cmd->u.bin.len));
		return 0;
	}
	if (ecto_t_is_list(cmd))
		return ecto_ddl_raise(
		    r, "ArgumentError",
		    "PostgreSQL adapter does not support keyword lists in execute");
	if (!cmd || cmd->type != MX_TERM_TUPLE || cmd->u.tuple.n < 2)
		return no_clause(r, CONN ".execute_ddl/1");
	obj = cmd->u.tuple.items[1];
	if (ecto_t_is_struct(obj, ECTO_TABLE) && cmd->u.tuple.n >= 3)
		return table_sql(cmd, map_type, out, r);
	if (ecto_t_is_struct(obj, ECTO_INDEX))
		return index_sql(cmd, out, r);
	if (ecto_t_is_struct(obj, ECTO_CONSTRAINT))
		return constraint_sql(cmd, out, r);
	return no_clause(r, CONN ".execute_ddl/1");
}

/* ---- Log lines (Ecto.Migration.Runner.command/1) -------------------------- */

/* The runner's quote_name/1: Atom.to_string for atoms (so nil is "nil",
 * unlike interpolation), anything else as it is. */
static int lname1(struct mx_buf *b, const struct mx_term *name, struct ecto_ddl_raise *r)
{
	if (ecto_t_is_atom(name)) {
		mx_buf_add(b, name->u.atom.name, name->u.atom.len);
		return 0;
	}
	return tostr(b, name, r);
}

/* The runner's quote_name/2: plain names joined with a dot, no quoting. */
static int lname(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                 struct ecto_ddl_raise *r)
{
	if (prefix && !mx_term_is_nil(prefix)) {
		if (lname1(b, prefix, r) < 0)
			return -1;
		mx_buf_addch(b, '.');
	}
	return lname1(b, name, r);
}

int ecto_ddl_log(const struct mx_term *cmd, struct mx_buf *out, struct ecto_ddl_raise *r)
{
	const struct mx_term *op, *obj, *third;
	bool cascade;

	if (ecto_t_is_binary(cmd) || ecto_t_is_list(cmd)) {
		mx_buf_adds(out, "execute ");
		ecto_t_inspect(cmd, out);
		return 0;
	}
	if (!cmd || cmd->type != MX_TERM_TUPLE || cmd->u.tuple.n < 2)
		return no_clause(r, "Ecto.Migration.Runner.command/1");
	op = cmd->u.tuple.items[0];
	obj = cmd->u.tuple.items[1];
	third = cmd->u.tuple.n > 2 ? cmd->u.tuple.items[2] : NULL;
	cascade = ecto_t_atom(third, "cascade");

	if (ecto_t_is_struct(obj, ECTO_TABLE)) {
		const struct mx_term *p = ecto_t_field(obj, "prefix"),
		                     *n = ecto_t_field(obj, "name");
		if (cmd->u.tuple.n == 3 &&
		    (ecto_t_atom(op, "create") || ecto_t_atom(op, "create_if_not_exists"))) {
			const struct mx_term *mods = ecto_t_field(obj, "modifiers");
			mx_buf_adds(out, "create ");
			if (ecto_t_is_binary(mods)) {
				mx_buf_add(out, mods->u.bin.data, mods->u.bin.len);
				mx_buf_adds(out, " table");
			} else {
				mx_buf_adds(out, "table");
			}
			mx_buf_adds(out, ecto_t_atom(op, "create") ? " " : " if not exists ");
			return lname(out, p, n, r);
		}
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "alter")) {
			mx_buf_adds(out, "alter table ");
			return lname(out, p, n, r);
		}
		if (cmd->u.tuple.n == 3 &&
		    (ecto_t_atom(op, "drop") || ecto_t_atom(op, "drop_if_exists"))) {
			mx_buf_adds(out, ecto_t_atom(op, "drop") ? "drop table "
			                                         : "drop table if exists ");
			if (lname(out, p, n, r) < 0)
				return -1;
			if (cascade)
				mx_buf_adds(out, " cascade");
			return 0;
		}
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "rename") &&
		    ecto_t_is_struct(third, ECTO_TABLE)) {
			mx_buf_adds(out, "rename table ");
			if (lname(out, p, n, r) < 0)
				return -1;
			mx_buf_adds(out, " to ");
			return lname(out, ecto_t_field(third, "prefix"),
			             ecto_t_field(third, "name"), r);
		}
		if (cmd->u.tuple.n == 4 && ecto_t_atom(op, "rename")) {
			mx_buf_adds(out, "rename column ");
			if (tostr(out, third, r) < 0)
				return -1;
			mx_buf_adds(out, " to ");
			if (tostr(out, cmd->u.tuple.items[3], r) < 0)
				return -1;
			mx_buf_adds(out, " on table ");
			return lname(out, p, n, r);
		}
	} else if (ecto_t_is_struct(obj, ECTO_INDEX)) {
		const struct mx_term *p = ecto_t_field(obj, "prefix"),
		                     *n = ecto_t_field(obj, "name");
		const char *what = NULL;
		if (cmd->u.tuple.n == 2 && ecto_t_atom(op, "create"))
			what = "create index ";
		else if (cmd->u.tuple.n == 2 && ecto_t_atom(op, "create_if_not_exists"))
			what = "create index if not exists ";
		else if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "drop"))
			what = "drop index ";
		else if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "drop_if_exists"))
			what = "drop index if exists ";
		if (what) {
			mx_buf_adds(out, what);
			if (lname(out, p, n, r) < 0)
				return -1;
			if (cmd->u.tuple.n == 3 && cascade)
				mx_buf_adds(out, " cascade");
			return 0;
		}
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "rename")) {
			mx_buf_adds(out, "rename index ");
			if (lname(out, p, n, r) < 0)
				return -1;
			mx_buf_adds(out, " to ");
			return tostr(out, third, r);
		}
	} else if (ecto_t_is_struct(obj, ECTO_CONSTRAINT)) {
		const struct mx_term *p = ecto_t_field(obj, "prefix"),
		                     *t = ecto_t_field(obj, "table");
		const struct mx_term *check = ecto_t_field(obj, "check");
		const struct mx_term *exclude = ecto_t_field(obj, "exclude");
		const char *what = NULL;
		if (cmd->u.tuple.n == 2 && ecto_t_atom(op, "create")) {
			bool has_check = check && !mx_term_is_nil(check);
			bool has_exclude = exclude && !mx_term_is_nil(exclude);
			if (!has_check && !has_exclude)
				return ecto_ddl_raise(
				    r, "ArgumentError",
				    "a constraint must have either a check or exclude option");
			if (ecto_t_is_binary(check) && ecto_t_is_binary(exclude))
				return ecto_ddl_raise(
				    r, "ArgumentError",
				    "a constraint must not have both check and exclude options");
			if (ecto_t_is_binary(check))
				what = "create check constraint ";
			else if (ecto_t_is_binary(exclude))
				what = "create exclude constraint ";
			else
				return no_clause(r, "Ecto.Migration.Runner.command/1");
			mx_buf_adds(out, what);
			if (tostr(out, ecto_t_field(obj, "name"), r) < 0)
				return -1;
			mx_buf_adds(out, " on table ");
			return lname(out, p, t, r);
		}
		if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "drop"))
			what = "drop constraint ";
		else if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "drop_if_exists"))
			what = "drop constraint if exists ";
		if (what) {
			mx_buf_adds(out, what);
			if (tostr(out, ecto_t_field(obj, "name"), r) < 0)
				return -1;
			mx_buf_adds(out, " from table ");
			return lname(out, p, t, r);
		}
	}
	return no_clause(r, "Ecto.Migration.Runner.command/1");
}
