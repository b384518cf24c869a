/*
 * ddl_log: Ecto.Migration.Runner.command/1, clause by clause (ecto_sql
 * 3.14). Names are not quoted here: the runner's quote_name/2 only joins
 * prefix and name with a dot.
 */
#include <string.h>

#include "ddl_log.h"
#include "ddl_priv.h"

#define COMMAND_FUN "Ecto.Migration.Runner.command/1"

/* The runner's quote_name/1: Atom.to_string for atoms (so nil is "nil",
 * unlike interpolation), anything else as it is. */
static int name1(struct mx_buf *b, const struct mx_term *name, struct em_ddl_raise *r)
{
	if (ecto_t_is_atom(name)) {
		mx_buf_add(b, name->u.atom.name, name->u.atom.len);
		return 0;
	}
	return em_ddl_to_string(b, name, r);
}

/* The runner's quote_name/2: plain names joined with a dot, no quoting. */
static int name2(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                 struct em_ddl_raise *r)
{
	if (prefix && !mx_term_is_nil(prefix)) {
		if (name1(b, prefix, r) < 0)
			return -1;
		mx_buf_addch(b, '.');
	}
	return name1(b, name, r);
}

/* The words for {op, object} or {op, object, mode}: the clauses that differ
 * only in their text. */
struct phrase {
	const char *op;
	size_t arity;
	const char *text;
};

static const char *phrase(const struct phrase *p, const struct mx_term *op, size_t arity)
{
	for (; p->op; p++)
		if (p->arity == arity && ecto_t_atom(op, p->op))
			return p->text;
	return NULL;
}

static int table_line(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r)
{
	static const struct phrase drops[] = {{"drop", 3, "drop table "},
	                                      {"drop_if_exists", 3, "drop table if exists "},
	                                      {NULL, 0, NULL}};
	const struct mx_term *op = cmd->u.tuple.items[0], *t = cmd->u.tuple.items[1];
	const struct mx_term *third = cmd->u.tuple.n > 2 ? cmd->u.tuple.items[2] : NULL;
	const struct mx_term *p = ecto_t_field(t, "prefix"), *n = ecto_t_field(t, "name");
	size_t arity = cmd->u.tuple.n;
	const char *what = phrase(drops, op, arity);

	if (what) {
		mx_buf_adds(out, what);
		if (name2(out, p, n, r) < 0)
			return -1;
		if (ecto_t_atom(third, "cascade"))
			mx_buf_adds(out, " cascade");
		return 0;
	}
	if (arity == 3 && (ecto_t_atom(op, "create") || ecto_t_atom(op, "create_if_not_exists"))) {
		const struct mx_term *mods = ecto_t_field(t, "modifiers");
		mx_buf_adds(out, "create ");
		if (ecto_t_is_binary(mods)) {
			mx_buf_add(out, mods->u.bin.data, mods->u.bin.len);
			mx_buf_adds(out, " table");
		} else {
			mx_buf_adds(out, "table");
		}
		mx_buf_adds(out, ecto_t_atom(op, "create") ? " " : " if not exists ");
		return name2(out, p, n, r);
	}
	if (arity == 3 && ecto_t_atom(op, "alter")) {
		mx_buf_adds(out, "alter table ");
		return name2(out, p, n, r);
	}
	if (arity == 3 && ecto_t_atom(op, "rename") && ecto_t_is_struct(third, EM_STRUCT_TABLE)) {
		mx_buf_adds(out, "rename table ");
		if (name2(out, p, n, r) < 0)
			return -1;
		mx_buf_adds(out, " to ");
		return name2(out, ecto_t_field(third, "prefix"), ecto_t_field(third, "name"), r);
	}
	if (arity == 4 && ecto_t_atom(op, "rename")) {
		mx_buf_adds(out, "rename column ");
		if (em_ddl_to_string(out, third, r) < 0)
			return -1;
		mx_buf_adds(out, " to ");
		if (em_ddl_to_string(out, cmd->u.tuple.items[3], r) < 0)
			return -1;
		mx_buf_adds(out, " on table ");
		return name2(out, p, n, r);
	}
	return em_ddl_no_clause(r, COMMAND_FUN);
}

static int index_line(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r)
{
	static const struct phrase phrases[] = {
	    {"create", 2, "create index "},
	    {"create_if_not_exists", 2, "create index if not exists "},
	    {"drop", 3, "drop index "},
	    {"drop_if_exists", 3, "drop index if exists "},
	    {NULL, 0, NULL}};
	const struct mx_term *op = cmd->u.tuple.items[0], *ix = cmd->u.tuple.items[1];
	const struct mx_term *third = cmd->u.tuple.n > 2 ? cmd->u.tuple.items[2] : NULL;
	const struct mx_term *p = ecto_t_field(ix, "prefix"), *n = ecto_t_field(ix, "name");
	const char *what = phrase(phrases, op, cmd->u.tuple.n);

	if (what) {
		mx_buf_adds(out, what);
		if (name2(out, p, n, r) < 0)
			return -1;
		if (ecto_t_atom(third, "cascade"))
			mx_buf_adds(out, " cascade");
		return 0;
	}
	if (cmd->u.tuple.n == 3 && ecto_t_atom(op, "rename")) {
		mx_buf_adds(out, "rename index ");
		if (name2(out, p, n, r) < 0)
			return -1;
		mx_buf_adds(out, " to ");
		return em_ddl_to_string(out, third, r);
	}
	return em_ddl_no_clause(r, COMMAND_FUN);
}

/* create/1 of a constraint: Ecto checks check/exclude here, not when the
 * struct is built. */
static const char *new_constraint(const struct mx_term *c, struct em_ddl_raise *r)
{
	const struct mx_term *check = ecto_t_field(c, "check");
	const struct mx_term *exclude = ecto_t_field(c, "exclude");
	bool has_check = check && !mx_term_is_nil(check);
	bool has_exclude = exclude && !mx_term_is_nil(exclude);

	if (!has_check && !has_exclude) {
		em_ddl_raise(r, "ArgumentError",
		             "a constraint must have either a check or exclude option");
		return NULL;
	}
	if (ecto_t_is_binary(check) && ecto_t_is_binary(exclude)) {
		em_ddl_raise(r, "ArgumentError",
		             "a constraint must not have both check and exclude options");
		return NULL;
	}
	if (ecto_t_is_binary(check))
		return "create check constraint ";
	if (ecto_t_is_binary(exclude))
		return "create exclude constraint ";
	em_ddl_no_clause(r, COMMAND_FUN);
	return NULL;
}

static int constraint_line(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r)
{
	static const struct phrase drops[] = {{"drop", 3, "drop constraint "},
	                                      {"drop_if_exists", 3, "drop constraint if exists "},
	                                      {NULL, 0, NULL}};
	const struct mx_term *op = cmd->u.tuple.items[0], *c = cmd->u.tuple.items[1];
	const char *what = phrase(drops, op, cmd->u.tuple.n);
	const char *on = " from table ";

	if (!what && cmd->u.tuple.n == 2 && ecto_t_atom(op, "create")) {
		if (!(what = new_constraint(c, r)))
			return -1;
		on = " on table ";
	}
	if (!what)
		return em_ddl_no_clause(r, COMMAND_FUN);
	mx_buf_adds(out, what);
	if (em_ddl_to_string(out, ecto_t_field(c, "name"), r) < 0)
		return -1;
	mx_buf_adds(out, on);
	return name2(out, ecto_t_field(c, "prefix"), ecto_t_field(c, "table"), r);
}

int em_ddl_log(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r)
{
	const struct mx_term *obj;

	if (ecto_t_is_binary(cmd) || ecto_t_is_list(cmd)) {
		mx_buf_adds(out, "execute ");
		ecto_t_inspect(cmd, out);
		return 0;
	}
	if (!cmd || cmd->type != MX_TERM_TUPLE || cmd->u.tuple.n < 2)
		return em_ddl_no_clause(r, COMMAND_FUN);
	obj = cmd->u.tuple.items[1];
	if (ecto_t_is_struct(obj, EM_STRUCT_TABLE))
		return table_line(cmd, out, r);
	if (ecto_t_is_struct(obj, EM_STRUCT_INDEX))
		return index_line(cmd, out, r);
	if (ecto_t_is_struct(obj, EM_STRUCT_CONSTRAINT))
		return constraint_line(cmd, out, r);
	return em_ddl_no_clause(r, COMMAND_FUN);
}
