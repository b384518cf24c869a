/*
 * ast: the syntax tree of an Elixir source file, as mx_exs_parse builds it.
 *
 * The tree follows Elixir's own quoted form closely, so that code walking it
 * (the evaluator, the DSL readers of phx-routes and ecto-migrate) can be
 * written by looking at `quote do ... end` output:
 *
 *   get "/", PageController, :home     (call "get" (args "/" Page... :home))
 *   [a: 1, b: 2]                      a list of two MX_AST_KW pairs
 *   foo x, y: 1                       call foo, args [x, (list (kw y 1))]
 *                                     where the last list has MX_AST_F_IMPLICIT
 *   if c do a else b end              call if, args [c], blocks [do: a, else: b]
 *   def f(x) when x > 0, do: x        call def, args [(op when (call f x) (op >)),
 *                                     (list (kw do x))]
 *
 * Differences from quoted Elixir, each made to keep consumers simple:
 *   - do/else/after/rescue/catch blocks of a call are kept in call.blocks
 *     (Elixir appends them as a last keyword argument); `do:` written as a
 *     keyword stays in args, exactly as written. mx_ast_call_block() looks in
 *     both places.
 *   - `->` clauses get their own node (MX_AST_STAB) with the `when` guard split
 *     out, and a sequence of them is an MX_AST_CLAUSES node.
 *   - `a[b]` is MX_AST_ACCESS, `@name` / `@name value` is MX_AST_ATTR,
 *     `&expr` is MX_AST_CAPTURE and `&1` is MX_AST_CAPTURE_ARG.
 *   - `?a` is an MX_AST_INT (flag MX_AST_F_CHAR), as Elixir reads it.
 *   - true, false and nil are MX_AST_ATOM (their name is "true" ...).
 *
 * Memory: every node, array and string of a tree lives in the arena given to
 * mx_exs_parse and dies with it (mx_arena_release). Nothing is freed one by
 * one. Strings in nodes (names, decoded string text) are NUL-terminated arena
 * copies; their len field is authoritative (text may hold NUL bytes).
 *
 * Positions: every node has the file name (the pointer given to the parser,
 * which must outlive the tree), 1-based line and column of the node's first
 * character, and its byte span [off, end) in the source buffer, so tools can
 * quote or rewrite the exact text of any node. Columns count characters
 * (UTF-8 code points) from 1, as Elixir's do; off/end count bytes. For binary operators the
 * position is the start of the left operand; op_line/op_col hold the operator token's position.
 */
#ifndef MX_EXS_AST_H
#define MX_EXS_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "../buf.h"
#include "../diag.h"

enum mx_ast_kind {
	MX_AST_INT,         /* u.i: 42, 0x1F, 1_000, ?a */
	MX_AST_FLOAT,       /* u.f: 1.5, 1.0e-3 */
	MX_AST_ATOM,        /* u.name: :foo, :"foo bar", true, false, nil, :+ */
	MX_AST_ATOM_INTERP, /* u.str: :"foo#{x}" (an atom built at run time) */
	MX_AST_STRING,      /* u.str: "..." or """...""" (heredoc flag set) */
	MX_AST_CHARLIST,    /* u.str: '...' or '''...''' */
	MX_AST_SIGIL,       /* u.sigil: ~w(a b)a, ~H"""...""", ~r/x/i */
	MX_AST_ALIAS,       /* u.alias: Foo.Bar, __MODULE__.Sub */
	MX_AST_VAR,         /* u.name: x, _x, _, __MODULE__, __ENV__, ...
	                       and any bare identifier (Elixir cannot tell a
	                       variable from a zero-arity call without parens:
	                       both are {name, meta, nil}). Also "..." and "..". */
	MX_AST_LIST,        /* u.list: [a, b], [a: 1], [h | t] (last item an
	                       MX_AST_OP "|"), or an implicit trailing keyword
	                       list (flag MX_AST_F_IMPLICIT) */
	MX_AST_TUPLE,       /* u.list: {a, b} */
	MX_AST_BITSTRING,   /* u.list: <<a::8, rest::binary>> */
	MX_AST_KW,          /* u.pair: `key: value` in lists, maps and args; key is
	                       an MX_AST_ATOM or, for "a#{b}": v, MX_AST_ATOM_INTERP */
	MX_AST_ASSOC,       /* u.pair: `key => value` in a map */
	MX_AST_MAP,         /* u.map: %{...}, %{m | k: v} (name is NULL) */
	MX_AST_STRUCT,      /* u.map: %Mod{...}, %Mod{s | k: v}, %__MODULE__{} */
	MX_AST_CALL,        /* u.call: foo(a), foo a, Mod.fun(a), expr.field,
	                       fun.(a) (flag MX_AST_F_ANON), Mod.{A, B} */
	MX_AST_OP,          /* u.op: binary operator a + b, a |> f(), a not in b,
	                       first..last//step (op "..//", step in u.op.step) */
	MX_AST_UNARY,       /* u.op (left NULL): -x, +x, !x, not x, ^x, ~~~x, and
	                       `@expr` when expr is not a plain name */
	MX_AST_ATTR,        /* u.attr: @name (value NULL) or @name value */
	MX_AST_CAPTURE,     /* u.op (left NULL, right the operand): &fun/1,
	                       &Mod.fun/2, &(&1 + 1), &{&1, &2} */
	MX_AST_CAPTURE_ARG, /* u.i.v: &1, &2 ... */
	MX_AST_ACCESS,      /* u.access: a[b] */
	MX_AST_BLOCK,       /* u.list: a; b / several expressions of a body; an
	                       empty body `do end` or `()` is a block with n == 0 */
	MX_AST_FN,          /* u.list: fn clauses (items are MX_AST_STAB) */
	MX_AST_STAB,        /* u.stab: one `args when guard -> body` clause */
	MX_AST_CLAUSES,     /* u.list: the body of do/else/after/rescue/catch when
	                       it is made of `->` clauses (items are MX_AST_STAB) */
	MX_AST_KIND_COUNT
};

/* Node flags (bit set in mx_ast.flags). */
enum {
	MX_AST_F_PARENS = 1 << 0,   /* call written with parentheses, or any
	                               expression wrapped in (...) */
	MX_AST_F_IMPLICIT = 1 << 1, /* list: trailing keywords without [] */
	MX_AST_F_HEREDOC = 1 << 2,  /* string/charlist/sigil: """ or ''' */
	MX_AST_F_CHAR = 1 << 3,     /* int: written as ?c */
	MX_AST_F_ANON = 1 << 4,     /* call: fun.(args) */
	MX_AST_F_QUOTED = 1 << 5,   /* atom/kw key/call name written quoted:
	                               :"a b", "a b": 1, Mod."fun"() */
	MX_AST_F_BIGINT = 1 << 6,   /* int: does not fit int64; u.i.v is 0,
	                               u.i.big holds its decimal digits */
	MX_AST_F_DO = 1 << 7,       /* call: has a do ... end block */
};

/* One piece of a string, charlist, interpolated atom or sigil: literal text
 * (expr NULL) or an interpolation #{expr} (expr set; text/raw NULL, lengths
 * 0). An empty #{} has an empty BLOCK.
 * text: the content with escapes decoded as Elixir's unescape does (for
 * strings, charlists and atoms always; for lowercase sigils too, which is
 * what ~s ~w ~c do; uppercase sigils do not decode, so there text == raw).
 * raw: the source text as the quoted form keeps it for sigils (what ~r or
 * ~H see): escapes kept, except a backslash before the closing delimiter.
 * Heredoc indentation is already removed from both. */
struct mx_ast_part {
	const char *text;
	size_t len;
	struct mx_ast *expr;
	const char *raw;
	size_t raw_len;
};

struct mx_ast {
	enum mx_ast_kind kind;
	unsigned flags;
	const char *file;
	unsigned line, col;
	size_t off, end; /* byte span [off, end) in the source */
	union {
		/* MX_AST_INT, MX_AST_CAPTURE_ARG. big: for MX_AST_F_BIGINT, the
		 * value's decimal digits (any base converted), else NULL. */
		struct {
			int64_t v;
			const char *big;
		} i;
		/* MX_AST_FLOAT */
		double f;
		/* MX_AST_ATOM (name without the colon, decoded when quoted;
		 * `Elixir.Foo` for :"Elixir.Foo"), MX_AST_VAR */
		struct {
			const char *name;
			size_t len;
		} name;
		/* MX_AST_STRING, MX_AST_CHARLIST, MX_AST_ATOM_INTERP. Adjacent
		 * literal text is one part; "" has nparts == 0. */
		struct {
			struct mx_ast_part *parts;
			size_t nparts;
		} str;
		/* MX_AST_SIGIL: ~name<open>parts<close>mods. Lowercase sigils
		 * interpolate; uppercase ones (~S ~H ~HTML) have a single
		 * literal part (or none when empty). See mx_ast_part for
		 * text (decoded) versus raw. */
		struct {
			const char *name; /* "w", "s", "H", "HTML" */
			struct mx_ast_part *parts;
			size_t nparts;
			const char *mods; /* modifier letters, "" when none */
			char open, close; /* '(' ')', '"' '"' (also heredocs) */
		} sigil;
		/* MX_AST_ALIAS: Foo.Bar -> segs {"Foo","Bar"}, name "Foo.Bar";
		 * __MODULE__.Sub -> base VAR __MODULE__, segs {"Sub"},
		 * name "Sub". `Elixir.Foo` keeps "Elixir" as a segment. */
		struct {
			struct mx_ast *base;
			const char **segs;
			size_t nsegs;
			const char *name;
		} alias;
		/* LIST, TUPLE, BITSTRING, BLOCK, FN, CLAUSES */
		struct {
			struct mx_ast **items;
			size_t n;
		} list;
		/* MX_AST_KW, MX_AST_ASSOC */
		struct {
			struct mx_ast *key, *value;
		} pair;
		/* MX_AST_MAP, MX_AST_STRUCT: name is the struct's module
		 * expression (ALIAS, VAR __MODULE__, ATTR, a ^pin...), NULL for
		 * maps; update is the expression before `|`, or NULL; items
		 * are MX_AST_KW / MX_AST_ASSOC (in macro code also a bare
		 * expression: %{unquote_splicing(pairs)}). */
		struct {
			struct mx_ast *name;
			struct mx_ast *update;
			struct mx_ast **items;
			size_t n;
		} map;
		/* MX_AST_CALL.
		 *  local  foo(a):     target NULL, name "foo"
		 *  remote Mod.f(a):   target ALIAS Mod (or any expression:
		 *                     :erlang, a variable, a call), name "f"
		 *  field  a.b:        target VAR a, name "b", nargs 0, no parens
		 *  anon   f.(a):      target f, name NULL, flag MX_AST_F_ANON
		 *  callee unquote(n)(a): target the call unquote(n), name
		 *                     "" (name_len 0), no MX_AST_F_ANON
		 *                     (macro code)
		 * args: the arguments as written; trailing keywords written
		 * without brackets become one last MX_AST_LIST with
		 * MX_AST_F_IMPLICIT. blocks: NULL, or a LIST of MX_AST_KW whose
		 * keys are do/else/after/rescue/catch, in source order, each
		 * value a body (an expression, a BLOCK or a CLAUSES). */
		struct {
			struct mx_ast *target;
			const char *name;
			size_t name_len;
			struct mx_ast **args;
			size_t nargs;
			struct mx_ast *blocks;
		} call;
		/* MX_AST_OP, MX_AST_UNARY, MX_AST_CAPTURE. op is a static
		 * string: "+", "not in", "|>", "..//", "when", "::", "<-",
		 * "\\\\", "=", "|", "=>" ... For UNARY and CAPTURE left is NULL
		 * and right the operand. */
		struct {
			const char *op;
			struct mx_ast *left, *right;
			struct mx_ast *step; /* only for "..//" */
			unsigned op_line, op_col;
		} op;
		/* MX_AST_ATTR: @name (value NULL, a read) or @name value (a
		 * definition, value the single argument). */
		struct {
			const char *name;
			size_t len;
			struct mx_ast *value;
		} attr;
		/* MX_AST_ACCESS: target[key] */
		struct {
			struct mx_ast *target, *key;
		} access;
		/* MX_AST_STAB: `(args) when guard -> body`. args may be empty
		 * (fn -> x end); guard NULL without `when`; body is an
		 * expression or a BLOCK; a missing body (`x -> end`) is the
		 * atom nil, as Elixir reads it. */
		struct {
			struct mx_ast **args;
			size_t nargs;
			struct mx_ast *guard;
			struct mx_ast *body;
		} stab;
	} u;
};

/* Deepest nesting the parser accepts (brackets, blocks, operators' operand
 * chains); deeper input is a syntax error, never a stack overflow. */
#define MX_EXS_MAX_DEPTH 1000

/*
 * Parses src[0..len) (need not be NUL-terminated) read from file (used in
 * positions and messages; must outlive the tree) into *out, allocated in a.
 * A file is a sequence of expressions: *out is the single expression, or a
 * BLOCK of them, or an empty BLOCK for an empty file.
 * Returns 0, or -1 with err set to MX_ERR_SYNTAX at file:line:col and an
 * Elixir-like message ("syntax error before: ')'", "unexpected token: ...",
 * "missing terminator: end (for \"do\" starting at line 3)"); *out is then
 * NULL. Whatever was allocated stays in a until it is released.
 */
int mx_exs_parse(struct mx_arena *a, const char *file, const char *src, size_t len,
                 struct mx_ast **out, struct mx_err *err);

/*
 * As mx_exs_parse, for code that sits inside a larger text (the code of an
 * EEx tag): parses src[off..len) only, with positions as in the whole text,
 * byte off being at line `line` of a line that starts at byte line_start
 * (<= off). Nodes' off/end are offsets into src.
 */
int mx_exs_parse_at(struct mx_arena *a, const char *file, const char *src, size_t len, size_t off,
                    unsigned line, size_t line_start, struct mx_ast **out, struct mx_err *err);

/* ---- Helpers for consumers ----------------------------------------------- */

/* "int", "call", "op"..., as the printer spells the kind. */
const char *mx_ast_kind_name(enum mx_ast_kind kind);

/* True when n is a call named name (any target when target_alias is NULL;
 * else the target must be the alias spelled target_alias, "Mix" or "Foo.Bar"). */
bool mx_ast_is_call(const struct mx_ast *n, const char *target_alias, const char *name);
/* True when n is an atom named name. */
bool mx_ast_is_atom(const struct mx_ast *n, const char *name);

/* A string/charlist without interpolation: sets *text and *len to its decoded
 * content (pointing into the tree) and returns true. */
bool mx_ast_str_literal(const struct mx_ast *n, const char **text, size_t *len);

/* The value of key (an atom key) in a keyword list node (LIST of KW, e.g. an
 * implicit trailing keyword argument or call.blocks), or NULL. */
struct mx_ast *mx_ast_kw_get(const struct mx_ast *list, const char *key);

/* The body given to a call for key ("do", "else", ...): from its do-block
 * (call.blocks), or else from a trailing keyword argument (`do: x`).
 * NULL when absent. */
struct mx_ast *mx_ast_call_block(const struct mx_ast *call, const char *key);

/* The call's arity as Elixir counts it (args plus 1 when it has blocks). */
size_t mx_ast_call_arity(const struct mx_ast *call);

/*
 * Calls f on the address of each non-NULL child of n, in source order:
 * interpolations of strings, charlists, quoted atoms and sigils; an
 * alias's base; items of lists, tuples, bitstrings, blocks, fns and
 * clauses; a pair's key then value; a map's or struct's name, update and
 * items; a call's target, args and do-blocks; an operator's left, right
 * and step; an attribute's value; an access's target and key; a stab
 * clause's args, guard and body. Literals, variables and capture args have
 * none. It does not recurse: f does, when it wants the whole tree, and
 * bounds its own depth (a chain of operators `1 + 1 + ...` nests as deep
 * as it is long). f may replace *slot.
 */
void mx_ast_each_child(struct mx_ast *n, void (*f)(struct mx_ast **slot, void *ctx), void *ctx);

/*
 * Appends a compact S-expression form of the tree to out: the format of the
 * unit tests, of `mixless debug parse --ast`, and of the differential test
 * against Elixir (tests/fixtures/exs/quoted_sexp.exs prints Elixir's own
 * reading the same way). With positions, every node is prefixed by its
 * line:col, e.g. `1:1:(call* get 1:5:"/")`. The forms:
 *   42  -1  97 (for ?a)  1.5  :foo  :"a b"  true  nil  x  Foo.Bar
 *   "text #{x}"  'chars'  :"a#{b}"  ~r"raw"i  (alias __MODULE__ Sub)
 *   [1, a: 2]  {1, 2}  <<a, (:: b 8)>>  %{"k" => 1, a: 2}  %{m | a: 1}
 *   %Foo{a: 1}  (call foo 1)  (call* get "/" Page)  (call Mod.f x)
 *   (call* a.b)  (call. f x)  (call (call unquote n) x)
 *   (call* if c (do a) (else b))       do-blocks after the arguments
 *   (+ a b)  (not in a b)  (..// 1 9 2)  (- x)  (& (/ f 1))  &1
 *   (@ doc "x")  (@ attr)  (access a k)  (block a b)  (block)
 *   (fn (-> (x y) (when g) body))  (clauses (-> (1) :one) (-> (_) nil))
 * `call` is a call written with parentheses (or braces: Foo.{A, B}),
 * `call*` one without. Strings print decoded, sigils raw, with \n \t \\
 * \" and \#{ escaped.
 */
void mx_ast_print(const struct mx_ast *n, bool positions, struct mx_buf *out);

#endif
