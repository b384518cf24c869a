/*
 * stdlib_integer_atom: Integer and Atom:
 *
 *   Integer  to_string/1,2 parse/1,2
 *   Atom     to_string to_charlist
 */
#include <stdint.h>
#include <string.h>

#include "stdlib.h"

#define A EV_A(ev)

/* to_string/1,2 (a base from 2 to 36, digits in upper case). */
EV_BUILTIN(int_to_string)
{
	struct mx_term **a = c->args;
	if (!is_int(a[0]))
		return ev_badarg(ev, c->node, 0, "not an integer");
	int64_t base = c->nargs == 2 && is_int(a[1]) ? a[1]->u.i : 10;
	if (base < 2 || base > 36)
		return ev_fclause_call(ev, c);
	char buf[80];
	size_t k = sizeof(buf);
	buf[--k] = '\0';
	uint64_t v = a[0]->u.i < 0 ? 0 - (uint64_t)a[0]->u.i : (uint64_t)a[0]->u.i;
	do {
		buf[--k] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[v % (uint64_t)base];
		v /= (uint64_t)base;
	} while (v);
	if (a[0]->u.i < 0)
		buf[--k] = '-';
	*out = cstr(ev, buf + k);
	return 0;
}

/* parse/1,2: {integer, rest}, or :error when no digit starts the text. */
EV_BUILTIN(int_parse)
{
	struct mx_term **a = c->args;
	if (!is_bin(a[0]))
		return ev_fclause_call(ev, c);
	int base = c->nargs == 2 && is_int(a[1]) ? (int)a[1]->u.i : 10;
	int64_t v;
	size_t used;
	int r = ev_parse_int(a[0]->u.bin.data, a[0]->u.bin.len, base, &v, &used);
	if (r == -2)
		return ev_fail(ev, c->node, "integer does not fit in 64 bits");
	if (r < 0) {
		*out = atom(ev, "error");
		return 0;
	}
	*out = mx_term_tuple2(A, mx_term_int(A, v),
	                      bin(ev, a[0]->u.bin.data + used, a[0]->u.bin.len - used));
	return 0;
}

/* Atom.to_string and to_charlist of anything but an atom are calls this
 * evaluator does not know. */
EV_BUILTIN(atom_to_string)
{
	if (!is_atom(c->args[0]))
		return MX_EVAL_UNKNOWN;
	*out = bin(ev, c->args[0]->u.atom.name, c->args[0]->u.atom.len);
	return 0;
}

EV_BUILTIN(atom_to_charlist)
{
	if (!is_atom(c->args[0]))
		return MX_EVAL_UNKNOWN;
	*out = ev_charlist(ev, c->args[0]->u.atom.name, c->args[0]->u.atom.len);
	return 0;
}

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_integer_atom[] = {
	{"Integer", "to_string", 1, int_to_string},
	{"Integer", "to_string", 2, int_to_string},
	{"Integer", "parse", 1, int_parse},
	{"Integer", "parse", 2, int_parse},
	{"Atom", "to_string", 1, atom_to_string},
	{"Atom", "to_charlist", 1, atom_to_charlist},
};
/* clang-format on */
const size_t ev_builtins_integer_atom_n = EV_NROWS(ev_builtins_integer_atom);
