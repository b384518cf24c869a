/*
 * ddl_model: Ecto's exceptions as the translator raises them (see
 * ddl_model.h). Every message that shows a term goes through inspect/1 here,
 * so a term reads the same in every exception, as in Elixir.
 */
#include <stdarg.h>
#include <stdio.h>

#include "ddl_model.h"
#include "ddl_priv.h"

int em_ddl_raise(struct em_ddl_raise *r, const char *exception, const char *fmt, ...)
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

int em_ddl_raise_inspect(struct em_ddl_raise *r, const char *exception, const char *fmt,
                         const struct mx_term *t, const struct mx_term *t2)
{
	struct mx_buf q = MX_BUF_INIT, q2 = MX_BUF_INIT;

	if (t)
		em_t_inspect(t, &q);
	if (t2)
		em_t_inspect(t2, &q2);
	/* An unused second argument is harmless to printf. */
	em_ddl_raise(r, exception, fmt, q.buf, q2.buf);
	mx_buf_release(&q);
	mx_buf_release(&q2);
	return -1;
}

int em_ddl_no_clause(struct em_ddl_raise *r, const char *fun)
{
	return em_ddl_raise(r, "FunctionClauseError", "no function clause matching in %s", fun);
}

int em_ddl_to_string(struct mx_buf *b, const struct mx_term *t, struct em_ddl_raise *r)
{
	if (t && em_t_to_string(t, b) == 0)
		return 0;
	/* Elixir 1.14 names a tuple's type and the consolidated protocol's
	 * implementations in a migration run by mix (seen in the real task). */
	if (t && t->type == MX_TERM_TUPLE)
		return em_ddl_raise_inspect(r, "Protocol.UndefinedError",
		                            "protocol String.Chars not implemented for %s of type "
		                            "Tuple. " EM_STRING_CHARS_IMPLS,
		                            t, NULL);
	return em_ddl_raise_inspect(r, "Protocol.UndefinedError",
	                            "protocol String.Chars not implemented for %s", t, NULL);
}

int em_ddl_prefixed(struct mx_buf *b, const struct mx_term *prefix, const struct mx_term *name,
                    int (*part)(struct mx_buf *, const struct mx_term *, struct em_ddl_raise *),
                    struct em_ddl_raise *r)
{
	if (prefix && !mx_term_is_nil(prefix)) {
		if (part(b, prefix, r) < 0)
			return -1;
		mx_buf_addch(b, '.');
	}
	return part(b, name, r);
}

bool em_ddl_is_create(const struct mx_term *op)
{
	return em_t_atom(op, "create") || em_t_atom(op, "create_if_not_exists");
}

bool em_ddl_is_drop(const struct mx_term *op)
{
	return em_t_atom(op, "drop") || em_t_atom(op, "drop_if_exists");
}

struct mx_term *em_ddl_tuple(struct mx_arena *a, size_t n, struct mx_term *x0, struct mx_term *x1,
                             struct mx_term *x2, struct mx_term *x3)
{
	struct mx_term *items[4] = {x0, x1, x2, x3};
	return mx_term_tuple(a, items, n);
}
