/*
 * ddl_reverse: Ecto.Migration.Runner.reverse/1 and table_reverse/2, clause
 * by clause. What has no clause there (a drop of a table, any execute/1
 * string) is not reversible.
 */
#include "ddl_priv.h"
#include "ddl_reverse.h"

/* table_reverse/2: the changes of an alter, undone in reverse order; NULL
 * when one of them cannot be undone (a modify without :from, a remove
 * without its type). */
static struct mx_term *table_reverse(struct mx_arena *a, const struct mx_term *changes)
{
	size_t n = changes->u.list.n;
	struct mx_term **out = MX_ARENA_NEWN(a, struct mx_term *, n + 1);

	for (size_t i = 0; i < n; i++) {
		const struct mx_term *c = changes->u.list.items[i];
		struct mx_term *op, *name, *type, *opts, *rev;
		if (!em_t_is_tuple(c, 4))
			return NULL;
		op = c->u.tuple.items[0];
		name = c->u.tuple.items[1];
		type = c->u.tuple.items[2];
		opts = c->u.tuple.items[3];
		if (em_t_atom(op, "remove")) {
			rev = em_ddl_tuple(a, 4, mx_term_atom(a, "add"), name, type, opts);
		} else if (em_t_atom(op, "modify")) {
			const struct mx_term *from = em_kw_fetch(opts, "from");
			if (!from || mx_term_is_nil(from))
				return NULL;
			if (em_t_is_tuple(from, 2) && em_t_is_list(from->u.tuple.items[1])) {
				struct mx_term *rfrom =
				    mx_term_tuple2(a, type, em_kw_delete(a, opts, "from"));
				rev = em_ddl_tuple(
				    a, 4, op, name, from->u.tuple.items[0],
				    em_kw_put(a, from->u.tuple.items[1], "from", rfrom));
			} else {
				rev = em_ddl_tuple(a, 4, op, name, (struct mx_term *)from,
				                   em_kw_put(a, opts, "from", type));
			}
		} else if (em_t_atom(op, "add")) {
			rev = em_ddl_tuple(a, 4, mx_term_atom(a, "remove"), name, type,
			                   em_kw_new(a));
		} else {
			return NULL;
		}
		out[n - 1 - i] = rev;
	}
	return mx_term_list(a, out, n);
}

/* create -> drop and create_if_not_exists -> drop_if_exists, with Ecto's
 * :restrict; NULL for any other op. */
static struct mx_term *undo_create(struct mx_arena *a, const struct mx_term *op,
                                   struct mx_term *obj)
{
	const char *undo = em_t_atom(op, "create")                 ? "drop"
	                   : em_t_atom(op, "create_if_not_exists") ? "drop_if_exists"
	                                                             : NULL;
	if (!undo)
		return NULL;
	return em_ddl_tuple(a, 3, mx_term_atom(a, undo), obj, mx_term_atom(a, "restrict"), NULL);
}

static struct mx_term *index_reverse(struct mx_arena *a, const struct mx_term *cmd,
                                     struct mx_term *op, struct mx_term *ix)
{
	size_t n = cmd->u.tuple.n;

	if (n == 2)
		return undo_create(a, op, ix);
	if (n != 3)
		return NULL;
	if (em_t_atom(op, "drop"))
		return em_ddl_tuple(a, 2, mx_term_atom(a, "create"), ix, NULL, NULL);
	if (em_t_atom(op, "drop_if_exists"))
		return em_ddl_tuple(a, 2, mx_term_atom(a, "create_if_not_exists"), ix, NULL, NULL);
	if (em_t_atom(op, "rename"))
		return em_ddl_tuple(a, 3, op,
		                    em_t_struct_put(a, ix, "name", cmd->u.tuple.items[2]),
		                    (struct mx_term *)em_t_field(ix, "name"), NULL);
	return NULL;
}

static struct mx_term *table_cmd_reverse(struct mx_arena *a, const struct mx_term *cmd,
                                         struct mx_term *op, struct mx_term *table)
{
	struct mx_term *third = cmd->u.tuple.items[2];

	if (cmd->u.tuple.n == 4)
		return em_t_atom(op, "rename")
		           ? em_ddl_tuple(a, 4, op, table, cmd->u.tuple.items[3], third)
		           : NULL;
	if (em_t_atom(op, "rename"))
		return em_t_is_struct(third, EM_STRUCT_TABLE)
		           ? em_ddl_tuple(a, 3, op, third, table, NULL)
		           : NULL;
	if (em_t_atom(op, "alter")) {
		struct mx_term *rev = em_t_is_list(third) ? table_reverse(a, third) : NULL;
		return rev ? em_ddl_tuple(a, 3, op, table, rev, NULL) : NULL;
	}
	return undo_create(a, op, table);
}

struct mx_term *em_ddl_reverse(struct mx_arena *a, const struct mx_term *cmd)
{
	struct mx_term *op, *obj;

	if (!cmd || cmd->type != MX_TERM_TUPLE || cmd->u.tuple.n < 2)
		return NULL;
	op = cmd->u.tuple.items[0];
	obj = cmd->u.tuple.items[1];
	if (em_t_is_struct(obj, EM_STRUCT_INDEX))
		return index_reverse(a, cmd, op, obj);
	if (em_t_is_struct(obj, EM_STRUCT_TABLE))
		return cmd->u.tuple.n == 3 || cmd->u.tuple.n == 4
		           ? table_cmd_reverse(a, cmd, op, obj)
		           : NULL;
	if (em_t_is_struct(obj, EM_STRUCT_CONSTRAINT) && cmd->u.tuple.n == 2)
		return undo_create(a, op, obj);
	return NULL;
}
