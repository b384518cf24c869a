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
	if (em_t_is_atom(name)) {
		mx_buf_add(b, name->u.atom.name, name->u.atom.len);
		return 0;
	}
	return em_ddl_to_string(b, name, r);
}

/* The runner's quote_name/2: plain names joined with a dot, no quoting. */
static int name2(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                 struct em_ddl_raise *r)
{
	return em_ddl_prefixed(b, prefix, name, name1, r);
}

/* "create <noun> ", "create <noun> if not exists ", "drop <noun> ", "drop
 * <noun> if exists ": the runner's words for a create or drop op. */
static void op_words(struct mx_buf *out, const struct mx_term *op, const char *noun)
{
	mx_buf_addf(out, "%s %s%s ", em_ddl_is_create(op) ? "create" : "drop", noun,
	            em_t_atom(op, "create_if_not_exists") ? " if not exists"
	            : em_t_atom(op, "drop_if_exists")     ? " if exists"
	                                                    : "");
}

/* name2 of prefix and name, then the runner's drop_mode/1 of mode. */
static int name_and_mode(struct mx_buf *out, const struct mx_term *prefix,
                         const struct mx_term *name, const struct mx_term *mode,
                         struct em_ddl_raise *r)
{
	if (name2(out, prefix, name, r) < 0)
		return -1;
	if (em_t_atom(mode, "cascade"))
		mx_buf_adds(out, " cascade");
	return 0;
}

static int table_line(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r)
{
	const struct mx_term *op = cmd->u.tuple.items[0], *t = cmd->u.tuple.items[1];
	const struct mx_term *third = cmd->u.tuple.n > 2 ? cmd->u.tuple.items[2] : NULL;
	const struct mx_term *p = em_t_field(t, "prefix"), *n = em_t_field(t, "name");
	size_t arity = cmd->u.tuple.n;

	if (arity == 3 && em_ddl_is_create(op)) {
		/* table_modifiers/1 */
		const struct mx_term *mods = em_t_field(t, "modifiers");
		struct mx_buf noun = MX_BUF_INIT;
		if (em_t_is_binary(mods)) {
			mx_buf_add(&noun, mods->u.bin.data, mods->u.bin.len);
			mx_buf_addch(&noun, ' ');
		}
		mx_buf_adds(&noun, "table");
		op_words(out, op, noun.buf);
		mx_buf_release(&noun);
		return name2(out, p, n, r);
	}
	if (arity == 3 && em_ddl_is_drop(op)) {
		op_words(out, op, "table");
		return name_and_mode(out, p, n, third, r);
	}
	if (arity == 3 && em_t_atom(op, "alter")) {
		mx_buf_adds(out, "alter table ");
		return name2(out, p, n, r);
	}
	if (arity == 3 && em_t_atom(op, "rename") && em_t_is_struct(third, EM_STRUCT_TABLE)) {
		mx_buf_adds(out, "rename table ");
		if (name2(out, p, n, r) < 0)
			return -1;
		mx_buf_adds(out, " to ");
		return name2(out, em_t_field(third, "prefix"), em_t_field(third, "name"), r);
	}
	if (arity == 4 && em_t_atom(op, "rename")) {
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
	const struct mx_term *op = cmd->u.tuple.items[0], *ix = cmd->u.tuple.items[1];
	const struct mx_term *third = cmd->u.tuple.n > 2 ? cmd->u.tuple.items[2] : NULL;
	const struct mx_term *p = em_t_field(ix, "prefix"), *n = em_t_field(ix, "name");
	size_t arity = cmd->u.tuple.n;

	if ((arity == 2 && em_ddl_is_create(op)) || (arity == 3 && em_ddl_is_drop(op))) {
		op_words(out, op, "index");
		return name_and_mode(out, p, n, third, r);
	}
	if (arity == 3 && em_t_atom(op, "rename")) {
		mx_buf_adds(out, "rename index ");
		if (name2(out, p, n, r) < 0)
			return -1;
		mx_buf_adds(out, " to ");
		return em_ddl_to_string(out, third, r);
	}
	return em_ddl_no_clause(r, COMMAND_FUN);
}

/* The kind of a constraint being created ("check constraint"): Ecto checks
 * check/exclude here, not when the struct is built. */
static const char *constraint_kind(const struct mx_term *c, struct em_ddl_raise *r)
{
	const struct mx_term *check = em_t_field(c, "check");
	const struct mx_term *exclude = em_t_field(c, "exclude");
	bool has_check = check && !mx_term_is_nil(check);
	bool has_exclude = exclude && !mx_term_is_nil(exclude);

	if (!has_check && !has_exclude) {
		em_ddl_raise(r, "ArgumentError",
		             "a constraint must have either a check or exclude option");
		return NULL;
	}
	if (em_t_is_binary(check) && em_t_is_binary(exclude)) {
		em_ddl_raise(r, "ArgumentError",
		             "a constraint must not have both check and exclude options");
		return NULL;
	}
	if (em_t_is_binary(check))
		return "check constraint";
	if (em_t_is_binary(exclude))
		return "exclude constraint";
	em_ddl_no_clause(r, COMMAND_FUN);
	return NULL;
}

static int constraint_line(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r)
{
	const struct mx_term *op = cmd->u.tuple.items[0], *c = cmd->u.tuple.items[1];
	size_t arity = cmd->u.tuple.n;
	const char *kind = "constraint", *on = " from table ";

	if (arity == 2 && em_t_atom(op, "create")) {
		if (!(kind = constraint_kind(c, r)))
			return -1;
		on = " on table ";
	} else if (arity != 3 || !em_ddl_is_drop(op)) {
		return em_ddl_no_clause(r, COMMAND_FUN);
	}
	op_words(out, op, kind);
	if (em_ddl_to_string(out, em_t_field(c, "name"), r) < 0)
		return -1;
	mx_buf_adds(out, on);
	return name2(out, em_t_field(c, "prefix"), em_t_field(c, "table"), r);
}

int em_ddl_log(const struct mx_term *cmd, struct mx_buf *out, struct em_ddl_raise *r)
{
	const struct mx_term *obj;

	if (em_t_is_binary(cmd) || em_t_is_list(cmd)) {
		mx_buf_adds(out, "execute ");
		em_t_inspect(cmd, out);
		return 0;
	}
	if (!cmd || cmd->type != MX_TERM_TUPLE || cmd->u.tuple.n < 2)
		return em_ddl_no_clause(r, COMMAND_FUN);
	obj = cmd->u.tuple.items[1];
	if (em_t_is_struct(obj, EM_STRUCT_TABLE))
		return table_line(cmd, out, r);
	if (em_t_is_struct(obj, EM_STRUCT_INDEX))
		return index_line(cmd, out, r);
	if (em_t_is_struct(obj, EM_STRUCT_CONSTRAINT))
		return constraint_line(cmd, out, r);
	return em_ddl_no_clause(r, COMMAND_FUN);
}
