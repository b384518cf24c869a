/*
 * The DDL layer on its own: Ecto's command tuples built from terms, and the
 * SQL and log lines ecto_sql 3.14's PostgreSQL adapter and runner produce
 * for them (the expected strings are those of ecto_sql's own tests and of
 * real `mix ecto.migrate --log-migrations-sql` runs).
 */
#include <stdarg.h>
#include <string.h>

#include "ddl.h"
#include "ddl_log.h"
#include "ddl_reverse.h"
#include "ddl_sql.h"
#include "unit.h"

static struct mx_arena A;

static struct mx_term *atom(const char *s) { return mx_term_atom(&A, s); }
static struct mx_term *str(const char *s) { return mx_term_string(&A, s); }
static struct mx_term *num(long long i) { return mx_term_int(&A, i); }
static struct mx_term *nil(void) { return mx_term_nil(&A); }
static struct mx_term *tru(void) { return mx_term_bool(&A, true); }
static struct mx_term *fals(void) { return mx_term_bool(&A, false); }

/* L(a, b, NULL): a list */
static struct mx_term *L(struct mx_term *first, ...)
{
	struct mx_term *items[64];
	size_t n = 0;
	va_list ap;
	va_start(ap, first);
	for (struct mx_term *t = first; t && n < 64; t = va_arg(ap, struct mx_term *))
		items[n++] = t;
	va_end(ap);
	return mx_term_list(&A, items, n);
}

/* T(a, b, NULL): a tuple */
static struct mx_term *T(struct mx_term *first, ...)
{
	struct mx_term *items[8];
	size_t n = 0;
	va_list ap;
	va_start(ap, first);
	for (struct mx_term *t = first; t && n < 8; t = va_arg(ap, struct mx_term *))
		items[n++] = t;
	va_end(ap);
	return mx_term_tuple(&A, items, n);
}

/* KW("null", fals(), "size", num(20), NULL): a keyword list */
static struct mx_term *KW(const char *first, ...)
{
	struct mx_term *items[32];
	size_t n = 0;
	va_list ap;
	va_start(ap, first);
	for (const char *k = first; k && n < 32; k = va_arg(ap, const char *)) {
		struct mx_term *v = va_arg(ap, struct mx_term *);
		items[n++] = mx_term_tuple2(&A, atom(k), v);
	}
	va_end(ap);
	return mx_term_list(&A, items, n);
}

static struct mx_term *EMPTY(void) { return mx_term_list(&A, NULL, 0); }

static struct em_ddl_raise R;

static struct mx_term *table(const char *name, struct mx_term *opts)
{
	struct mx_term *t = em_ddl_table(&A, NULL, atom(name), opts, &R);
	return t;
}

static struct mx_term *index_(const char *tbl, struct mx_term *cols, struct mx_term *opts)
{
	return em_ddl_index(&A, NULL, atom(tbl), cols, opts, &R);
}

static struct mx_term *ref(const char *tbl, struct mx_term *opts)
{
	return em_ddl_references(&A, NULL, atom(tbl), opts, &R);
}

static struct mx_term *add(const char *name, struct mx_term *type, struct mx_term *opts)
{
	return T(atom("add"), atom(name), type, opts ? opts : EMPTY(), NULL);
}

/* The statements of cmd joined with "\n", or "RAISE <exc>: <msg>". */
static char OUT[16384];
static const char *sql(const struct mx_term *cmd)
{
	struct mx_strvec v = MX_STRVEC_INIT;
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	OUT[0] = 0;
	if (em_ddl_sql(cmd, NULL, &v, &r) < 0) {
		snprintf(OUT, sizeof(OUT), "RAISE %s: %s", r.exception, r.err.msg);
	} else {
		for (size_t i = 0; i < v.n; i++) {
			if (i)
				strcat(OUT, "\n");
			strncat(OUT, v.v[i], sizeof(OUT) - strlen(OUT) - 1);
		}
	}
	mx_strvec_clear(&v);
	return OUT;
}

static char LOG[4096];
static const char *logline(const struct mx_term *cmd)
{
	struct mx_buf b = MX_BUF_INIT;
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	if (em_ddl_log(cmd, &b, &r) < 0)
		snprintf(LOG, sizeof(LOG), "RAISE %s: %s", r.exception, r.err.msg);
	else
		snprintf(LOG, sizeof(LOG), "%s", b.buf);
	mx_buf_release(&b);
	return LOG;
}

TEST(execute_string)
{
	CHECK_STR(sql(str("example")), "example");
	CHECK_STR(logline(str("CREATE EXTENSION citext")), "execute \"CREATE EXTENSION citext\"");
	CHECK_STR(logline(str("a \"q\"\nb")), "execute \"a \\\"q\\\"\\nb\"");
	CHECK_STR(sql(L(T(atom("create"), str("posts"), NULL), NULL)),
		  "RAISE ArgumentError: PostgreSQL adapter does not support keyword lists in execute");
}

TEST(create_table_columns)
{
	struct mx_term *cmd = T(atom("create"), table("posts", NULL), L(
		add("name", atom("string"), KW("default", str("Untitled"), "size", num(20), "null", fals(), NULL)),
		add("price", atom("numeric"), KW("precision", num(8), "scale", num(2), "default", T(atom("fragment"), str("expr"), NULL), NULL)),
		add("on_hand", atom("integer"), KW("default", num(0), "null", tru(), NULL)),
		add("published_at", atom("time without time zone"), KW("null", tru(), NULL)),
		add("is_active", atom("boolean"), KW("default", tru(), NULL)),
		add("flags", atom("bitstring"), KW("null", fals(), NULL)),
		add("flags_with_size", atom("bitstring"), KW("size", num(10), NULL)),
		add("dur", atom("duration"), KW("fields", str("YEAR TO MONTH"), "precision", num(2), "default", str("1 MONTH"), NULL)),
		add("tags", T(atom("array"), atom("string"), NULL), KW("default", EMPTY(), NULL)),
		add("languages", T(atom("array"), atom("string"), NULL), KW("default", L(str("pt"), str("es"), NULL), NULL)),
		add("limits", T(atom("array"), atom("integer"), NULL), KW("default", L(num(100), num(30000), NULL), NULL)),
		NULL), NULL);
	CHECK_STR(sql(cmd),
		  "CREATE TABLE \"posts\" (\"name\" varchar(20) DEFAULT 'Untitled' NOT NULL, "
		  "\"price\" numeric(8,2) DEFAULT expr, "
		  "\"on_hand\" integer DEFAULT 0 NULL, "
		  "\"published_at\" time without time zone NULL, "
		  "\"is_active\" boolean DEFAULT true, "
		  "\"flags\" varbit NOT NULL, "
		  "\"flags_with_size\" varbit(10), "
		  "\"dur\" interval YEAR TO MONTH(2) DEFAULT '1 MONTH', "
		  "\"tags\" varchar(255)[] DEFAULT ARRAY[]::varchar[], "
		  "\"languages\" varchar(255)[] DEFAULT ARRAY['pt','es']::varchar[], "
		  "\"limits\" integer[] DEFAULT ARRAY[100,30000]::integer[])");
	CHECK_STR(logline(cmd), "create table posts");
}

TEST(create_table_prefix_and_comments)
{
	struct mx_term *cmd = T(atom("create"), table("posts", KW("comment", str("comment"), NULL)), L(
		add("category_0", ref("categories", NULL), KW("comment", str("column comment"), NULL)),
		add("created_at", atom("timestamp"), NULL),
		add("updated_at", atom("timestamp"), KW("comment", str("it's"), NULL)),
		NULL), NULL);
	CHECK_STR(sql(cmd),
		  "CREATE TABLE \"posts\" (\"category_0\" bigint, CONSTRAINT \"posts_category_0_fkey\" "
		  "FOREIGN KEY (\"category_0\") REFERENCES \"categories\"(\"id\"), \"created_at\" timestamp, "
		  "\"updated_at\" timestamp)\n"
		  "COMMENT ON TABLE \"posts\" IS 'comment'\n"
		  "COMMENT ON COLUMN \"posts\".\"category_0\" IS 'column comment'\n"
		  "COMMENT ON COLUMN \"posts\".\"updated_at\" IS 'it''s'");

	cmd = T(atom("create"), table("posts", KW("prefix", str("foo"), NULL)),
		L(add("category_0", ref("categories", NULL), NULL), NULL), NULL);
	CHECK_STR(sql(cmd),
		  "CREATE TABLE \"foo\".\"posts\" (\"category_0\" bigint, CONSTRAINT \"posts_category_0_fkey\" "
		  "FOREIGN KEY (\"category_0\") REFERENCES \"foo\".\"categories\"(\"id\"))");
	CHECK_STR(logline(cmd), "create table foo.posts");
}

TEST(create_table_references_all_options)
{
	struct mx_term *with = KW("here", atom("there"), NULL);
	struct mx_term *with2 = KW("here", atom("there"), "here2", atom("there2"), NULL);
	struct mx_term *cmd = T(atom("create"), table("posts", NULL), L(
		add("id", atom("serial"), KW("primary_key", tru(), NULL)),
		add("category_1", ref("categories", KW("name", atom("foo_bar"), NULL)), NULL),
		add("category_3", ref("categories", KW("on_delete", atom("delete_all"), NULL)), KW("null", fals(), NULL)),
		add("category_4", ref("categories", KW("on_delete", atom("nilify_all"), NULL)), NULL),
		add("category_6", ref("categories", KW("on_update", atom("update_all"), NULL)), KW("null", fals(), NULL)),
		add("category_7", ref("categories", KW("on_update", atom("nilify_all"), NULL)), NULL),
		add("category_9", ref("categories", KW("on_delete", atom("restrict"), NULL)), NULL),
		add("category_10", ref("categories", KW("on_update", atom("restrict"), NULL)), NULL),
		add("category_11", ref("categories", KW("prefix", str("foo"), "on_update", atom("restrict"), NULL)), NULL),
		add("category_12", ref("categories", KW("with", with, NULL)), NULL),
		add("category_13", ref("categories", KW("on_update", atom("restrict"), "with", with, "match", atom("full"), NULL)), NULL),
		add("category_14", ref("categories", KW("with", with2, "on_delete", T(atom("nilify"), L(atom("here"), atom("here2"), NULL), NULL), NULL)), NULL),
		add("category_15", ref("categories", KW("on_delete", atom("default_all"), NULL)), NULL),
		add("category_17", ref("categories", KW("with", with2, "on_delete", T(atom("default"), L(atom("here"), atom("here2"), NULL), NULL), NULL)), NULL),
		add("category_18", ref("categories", KW("validate", fals(), "match", atom("simple"), "column", atom("uid"), "type", atom("binary_id"), NULL)), NULL),
		NULL), NULL);
	CHECK_STR(sql(cmd),
		  "CREATE TABLE \"posts\" (\"id\" serial, "
		  "\"category_1\" bigint, CONSTRAINT \"foo_bar\" FOREIGN KEY (\"category_1\") REFERENCES \"categories\"(\"id\"), "
		  "\"category_3\" bigint NOT NULL, CONSTRAINT \"posts_category_3_fkey\" FOREIGN KEY (\"category_3\") REFERENCES \"categories\"(\"id\") ON DELETE CASCADE, "
		  "\"category_4\" bigint, CONSTRAINT \"posts_category_4_fkey\" FOREIGN KEY (\"category_4\") REFERENCES \"categories\"(\"id\") ON DELETE SET NULL, "
		  "\"category_6\" bigint NOT NULL, CONSTRAINT \"posts_category_6_fkey\" FOREIGN KEY (\"category_6\") REFERENCES \"categories\"(\"id\") ON UPDATE CASCADE, "
		  "\"category_7\" bigint, CONSTRAINT \"posts_category_7_fkey\" FOREIGN KEY (\"category_7\") REFERENCES \"categories\"(\"id\") ON UPDATE SET NULL, "
		  "\"category_9\" bigint, CONSTRAINT \"posts_category_9_fkey\" FOREIGN KEY (\"category_9\") REFERENCES \"categories\"(\"id\") ON DELETE RESTRICT, "
		  "\"category_10\" bigint, CONSTRAINT \"posts_category_10_fkey\" FOREIGN KEY (\"category_10\") REFERENCES \"categories\"(\"id\") ON UPDATE RESTRICT, "
		  "\"category_11\" bigint, CONSTRAINT \"posts_category_11_fkey\" FOREIGN KEY (\"category_11\") REFERENCES \"foo\".\"categories\"(\"id\") ON UPDATE RESTRICT, "
		  "\"category_12\" bigint, CONSTRAINT \"posts_category_12_fkey\" FOREIGN KEY (\"category_12\",\"here\") REFERENCES \"categories\"(\"id\",\"there\"), "
		  "\"category_13\" bigint, CONSTRAINT \"posts_category_13_fkey\" FOREIGN KEY (\"category_13\",\"here\") REFERENCES \"categories\"(\"id\",\"there\") MATCH FULL ON UPDATE RESTRICT, "
		  "\"category_14\" bigint, CONSTRAINT \"posts_category_14_fkey\" FOREIGN KEY (\"category_14\",\"here\",\"here2\") REFERENCES \"categories\"(\"id\",\"there\",\"there2\") ON DELETE SET NULL (\"here\",\"here2\"), "
		  "\"category_15\" bigint, CONSTRAINT \"posts_category_15_fkey\" FOREIGN KEY (\"category_15\") REFERENCES \"categories\"(\"id\") ON DELETE SET DEFAULT, "
		  "\"category_17\" bigint, CONSTRAINT \"posts_category_17_fkey\" FOREIGN KEY (\"category_17\",\"here\",\"here2\") REFERENCES \"categories\"(\"id\",\"there\",\"there2\") ON DELETE SET DEFAULT (\"here\",\"here2\"), "
		  "\"category_18\" uuid, CONSTRAINT \"posts_category_18_fkey\" FOREIGN KEY (\"category_18\") REFERENCES \"categories\"(\"uid\") MATCH SIMPLE NOT VALID, "
		  "PRIMARY KEY (\"id\"))");
}

TEST(references_checks)
{
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	CHECK(!em_ddl_references(&A, NULL, atom("users"), KW("on_delete", atom("cascade"), NULL), &r));
	CHECK_STR(r.exception, "ArgumentError");
	CHECK_STR(r.err.msg, "unknown :on_delete value: :cascade");
	CHECK(!em_ddl_references(&A, NULL, atom("users"), KW("on_update", atom("delete_all"), NULL), &r));
	CHECK_STR(r.err.msg, "unknown :on_update value: :delete_all");
	CHECK(!em_ddl_references(&A, NULL, atom("users"), KW("on_delete", T(atom("nilify"), L(str("a"), NULL), NULL), NULL), &r));
	CHECK_STR(r.err.msg, "expected `columns` in `{:nilify, columns}` to be a list of atoms, got: [\"a\"]");
	CHECK(!em_ddl_references(&A, NULL, atom("users"), KW("bogus", tru(), NULL), &r));
	CHECK_STR(r.exception, "KeyError");
	CHECK(!strncmp(r.err.msg, "key :bogus not found in: ", 25));
}

TEST(references_repo_config)
{
	struct em_ddl_config cfg = EM_DDL_CONFIG_INIT;
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	struct mx_term *ref1, *cmd;

	cfg.primary_key_type = "binary_id";
	ref1 = em_ddl_references(&A, &cfg, atom("users"), NULL, &r);
	CHECK(ref1);
	cmd = T(atom("create"), table("posts", NULL), L(add("user_id", ref1, NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"user_id\" uuid, CONSTRAINT \"posts_user_id_fkey\" "
			    "FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\"))");
	/* migration_foreign_key wins over the primary key's type */
	cfg.foreign_key_opts = KW("column", atom("uuid"), "type", atom("uuid"), NULL);
	ref1 = em_ddl_references(&A, &cfg, atom("users"), NULL, &r);
	cmd = T(atom("create"), table("posts", NULL), L(add("user_id", ref1, NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"user_id\" uuid, CONSTRAINT \"posts_user_id_fkey\" "
			    "FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"uuid\"))");
	/* and the call's own options win over both */
	ref1 = em_ddl_references(&A, &cfg, atom("users"), KW("type", atom("serial"), NULL), &r);
	cmd = T(atom("create"), table("posts", NULL), L(add("user_id", ref1, NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"user_id\" integer, CONSTRAINT \"posts_user_id_fkey\" "
			    "FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"uuid\"))");
}

TEST(create_table_options_modifiers_composite)
{
	struct mx_term *cmd = T(atom("create"), table("posts", KW("options", str("WITH FOO=BAR"), NULL)), L(
		add("id", atom("serial"), KW("primary_key", tru(), NULL)),
		add("created_at", atom("naive_datetime"), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"id\" serial, \"created_at\" timestamp(0), PRIMARY KEY (\"id\")) WITH FOO=BAR");

	cmd = T(atom("create"), table("posts", KW("modifiers", str("UNLOGGED"), NULL)), L(
		add("id", atom("serial"), KW("primary_key", tru(), NULL)), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE UNLOGGED TABLE \"posts\" (\"id\" serial, PRIMARY KEY (\"id\"))");
	CHECK_STR(logline(cmd), "create UNLOGGED table posts");

	cmd = T(atom("create_if_not_exists"), table("posts", NULL), L(
		add("a", atom("integer"), KW("primary_key", tru(), NULL)),
		add("b", atom("integer"), KW("primary_key", tru(), NULL)),
		add("name", atom("string"), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE IF NOT EXISTS \"posts\" (\"a\" integer, \"b\" integer, \"name\" varchar(255), PRIMARY KEY (\"a\",\"b\"))");
	CHECK_STR(logline(cmd), "create table if not exists posts");

	cmd = T(atom("create"), table("posts", KW("options", KW("a", num(1), NULL), NULL)), EMPTY(), NULL);
	CHECK_STR(sql(cmd), "RAISE ArgumentError: PostgreSQL adapter does not support keyword lists in :options");
	/* engine is MySQL's; Postgres ignores it */
	cmd = T(atom("create"), table("posts", KW("engine", atom("InnoDB"), NULL)), EMPTY(), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" ()");
}

TEST(identity_and_generated)
{
	struct mx_term *cmd = T(atom("create"), table("posts", NULL), L(
		add("id", atom("identity"), KW("primary_key", tru(), NULL)),
		add("category_0", ref("categories", KW("type", atom("identity"), NULL)), NULL),
		add("name", atom("string"), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"id\" bigint GENERATED BY DEFAULT AS IDENTITY, "
			    "\"category_0\" bigint, CONSTRAINT \"posts_category_0_fkey\" FOREIGN KEY (\"category_0\") REFERENCES \"categories\"(\"id\"), "
			    "\"name\" varchar(255), PRIMARY KEY (\"id\"))");
	cmd = T(atom("create"), table("posts", NULL), L(
		add("id", atom("identity"), KW("primary_key", tru(), "start_value", num(1000), "increment", num(10), NULL)),
		add("name", atom("string"), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"id\" bigint GENERATED BY DEFAULT AS IDENTITY(START WITH 1000 INCREMENT BY 10) , \"name\" varchar(255), PRIMARY KEY (\"id\"))");
	cmd = T(atom("create"), table("posts", NULL), L(
		add("id", atom("integer"), KW("primary_key", tru(), "generated", str("ALWAYS AS IDENTITY (MINVALUE  0 START WITH 0 INCREMENT BY 1)"), NULL)),
		add("id_str", atom("string"), KW("generated", str("ALWAYS AS (id) STORED"), NULL)), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"id\" integer GENERATED ALWAYS AS IDENTITY (MINVALUE  0 START WITH 0 INCREMENT BY 1), \"id_str\" varchar(255) GENERATED ALWAYS AS (id) STORED, PRIMARY KEY (\"id\"))");
	cmd = T(atom("create"), table("posts", NULL), L(
		add("tags", T(atom("array"), T(atom("array"), atom("text"), NULL), NULL), KW("generated", str("ALWAYS AS (ARRAY['foo','bar']) STORED"), NULL)),
		add("times", T(atom("array"), T(atom("array"), atom("time"), NULL), NULL), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"tags\" text[][] GENERATED ALWAYS AS (ARRAY['foo','bar']) STORED, \"times\" time(0)[][])");
	cmd = T(atom("create"), table("posts", NULL), L(add("x", atom("integer"), KW("generated", atom("yes"), NULL)), NULL), NULL);
	CHECK_STR(sql(cmd), "RAISE ArgumentError: the `:generated` option only accepts strings, received: :yes");
}

TEST(types)
{
	struct mx_term *cmd = T(atom("create"), table("t", NULL), L(
		add("a", atom("time"), KW("precision", num(3), NULL)),
		add("b", atom("time_usec"), KW("precision", num(3), NULL)),
		add("c", atom("time_usec"), NULL),
		add("d", atom("utc_datetime"), NULL),
		add("e", atom("utc_datetime_usec"), NULL),
		add("f", atom("naive_datetime_usec"), KW("precision", num(6), NULL)),
		add("g", atom("binary_id"), NULL),
		add("h", atom("uuid"), NULL),
		add("i", atom("binary"), NULL),
		add("j", atom("map"), NULL),
		add("k", T(atom("map"), atom("string"), NULL), NULL),
		add("l", atom("decimal"), KW("precision", num(10), NULL)),
		add("m", atom("text"), KW("collation", str("POSIX"), NULL)),
		add("n", atom("citext"), NULL),
		add("o", atom("id"), NULL),
		add("p", atom("bigserial"), NULL),
		add("q", atom("float"), NULL),
		add("r", atom("date"), NULL),
		add("s", atom("duration"), NULL),
		add("u", atom("string"), KW("nul", fals(), "length", num(3), NULL)),
		NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"t\" (\"a\" time(0), \"b\" time(3), \"c\" time, \"d\" timestamp(0), "
			    "\"e\" timestamp, \"f\" timestamp(6), \"g\" uuid, \"h\" uuid, \"i\" bytea, \"j\" jsonb, "
			    "\"k\" jsonb, \"l\" decimal(10,0), \"m\" text COLLATE \"POSIX\", \"n\" citext, "
			    "\"o\" integer, \"p\" bigserial, \"q\" float, \"r\" date, \"s\" interval, \"u\" varchar(255))");
	cmd = T(atom("create"), table("posts", NULL), L(add("a", T(atom("a"), atom("b"), atom("c"), NULL), KW("default", EMPTY(), NULL)), NULL), NULL);
	CHECK_STR(sql(cmd), "RAISE ArgumentError: unsupported type `{:a, :b, :c}`. The type can either be an atom, a string or a tuple of the form `{:map, t}` or `{:array, t}` where `t` itself follows the same conditions.");
}

TEST(defaults)
{
	struct mx_term *keys[2] = { atom("foo"), atom("baz") };
	struct mx_term *vals[2] = { str("bar"), str("boom") };
	struct mx_term *map = mx_term_map(&A, keys, vals, 2);
	struct mx_term *cmd = T(atom("create"), table("posts", NULL), L(
		add("a", atom("map"), KW("default", mx_term_map(&A, NULL, NULL, 0), NULL)),
		add("b", atom("map"), KW("default", map, NULL)),
		add("c", atom("map"), KW("default", str("{\"foo\":\"bar\"}"), NULL)),
		add("d", atom("binary"), KW("default", str("\\x666F6F"), NULL)),
		add("e", atom("utc_datetime"), KW("default", T(atom("fragment"), str("now()"), NULL), NULL)),
		add("f", atom("string"), KW("default", nil(), NULL)),
		add("g", atom("float"), KW("default", mx_term_float(&A, 1.5), NULL)),
		add("h", atom("boolean"), KW("default", fals(), "null", fals(), NULL)),
		NULL), NULL);
	CHECK_STR(sql(cmd), "CREATE TABLE \"posts\" (\"a\" jsonb DEFAULT '{}', "
			    "\"b\" jsonb DEFAULT '{\"baz\":\"boom\",\"foo\":\"bar\"}', "
			    "\"c\" jsonb DEFAULT '{\"foo\":\"bar\"}', \"d\" bytea DEFAULT '\\x666F6F', "
			    "\"e\" timestamp(0) DEFAULT now(), \"f\" varchar(255) DEFAULT NULL, "
			    "\"g\" float DEFAULT 1.5, \"h\" boolean DEFAULT false NOT NULL)");
	cmd = T(atom("create"), table("blobs", NULL), L(add("blob", atom("binary"), KW("default", mx_term_binary(&A, "foo\0", 4), NULL)), NULL), NULL);
	CHECK_STR(sql(cmd), "RAISE ArgumentError: default values are interpolated as UTF-8 strings and cannot contain null bytes. `<<102, 111, 111, 0>>` is invalid. If you want to write it as a binary, use \"\\x666f6f00\", otherwise refer to PostgreSQL documentation for instructions on how to escape this SQL type");
	cmd = T(atom("create"), table("posts", NULL), L(add("a", atom("string"), KW("default", atom("foo"), NULL)), NULL), NULL);
	CHECK_STR(sql(cmd), "RAISE ArgumentError: unknown default `:foo` for type `:string`. :default may be a string, number, boolean, list of strings, list of integers, map (when type is Map), or a fragment(...)");
}

TEST(bad_names)
{
	struct mx_term *cmd = T(atom("create"), table("po\"sts", NULL), EMPTY(), NULL);
	CHECK_STR(sql(cmd), "RAISE ArgumentError: bad literal/field/index/table name \"po\\\"sts\" (\" is not permitted)");
	cmd = T(atom("alter"), table("posts", NULL), L(add("a\"b", atom("text"), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "RAISE ArgumentError: bad literal/field/index/table name \"a\\\"b\" (\" is not permitted)");
}

TEST(drop_table)
{
	CHECK_STR(sql(T(atom("drop"), table("posts", NULL), atom("restrict"), NULL)), "DROP TABLE \"posts\"");
	CHECK_STR(sql(T(atom("drop"), table("posts", KW("prefix", str("foo"), NULL)), atom("restrict"), NULL)), "DROP TABLE \"foo\".\"posts\"");
	CHECK_STR(sql(T(atom("drop"), table("posts", NULL), atom("cascade"), NULL)), "DROP TABLE \"posts\" CASCADE");
	CHECK_STR(sql(T(atom("drop_if_exists"), table("posts", NULL), atom("restrict"), NULL)), "DROP TABLE IF EXISTS \"posts\"");
	CHECK_STR(logline(T(atom("drop"), table("posts", NULL), atom("cascade"), NULL)), "drop table posts cascade");
	CHECK_STR(logline(T(atom("drop_if_exists"), table("posts", KW("prefix", str("p"), NULL)), atom("restrict"), NULL)), "drop table if exists p.posts");
}

TEST(alter_table)
{
	struct mx_term *cmd = T(atom("alter"), table("posts", NULL), L(
		add("title", atom("string"), KW("default", str("Untitled"), "size", num(100), "null", fals(), NULL)),
		add("author_id", ref("author", NULL), NULL),
		add("category_id", ref("categories", KW("validate", fals(), NULL)), NULL),
		T(atom("add_if_not_exists"), atom("subtitle"), atom("string"), KW("size", num(100), "null", fals(), NULL), NULL),
		T(atom("add_if_not_exists"), atom("editor_id"), ref("editor", NULL), EMPTY(), NULL),
		T(atom("modify"), atom("price"), atom("numeric"), KW("precision", num(8), "scale", num(2), "null", tru(), NULL), NULL),
		T(atom("modify"), atom("cost"), atom("integer"), KW("null", fals(), "default", nil(), NULL), NULL),
		T(atom("modify"), atom("permalink_id"), ref("permalinks", NULL), KW("null", fals(), NULL), NULL),
		T(atom("modify"), atom("status"), atom("string"), KW("from", atom("integer"), NULL), NULL),
		T(atom("modify"), atom("user_id"), atom("integer"), KW("from", ref("users", NULL), NULL), NULL),
		T(atom("modify"), atom("space_id"), atom("integer"), KW("null", tru(), "from", T(ref("author", NULL), KW("null", fals(), NULL), NULL), NULL), NULL),
		T(atom("modify"), atom("group_id"), ref("groups", KW("column", atom("gid"), NULL)), KW("from", ref("groups", NULL), NULL), NULL),
		T(atom("modify"), atom("status"), atom("string"), KW("null", fals(), "size", num(100), "from", T(atom("integer"), KW("null", tru(), "size", num(50), NULL), NULL), NULL), NULL),
		T(atom("remove"), atom("summary"), NULL),
		T(atom("remove"), atom("body"), atom("text"), EMPTY(), NULL),
		T(atom("remove"), atom("space_id"), ref("author", NULL), EMPTY(), NULL),
		T(atom("remove_if_exists"), atom("body"), atom("text"), NULL),
		T(atom("remove_if_exists"), atom("body"), NULL),
		T(atom("remove_if_exists"), atom("space_id"), ref("author", NULL), NULL),
		NULL), NULL);
	CHECK_STR(sql(cmd),
		  "ALTER TABLE \"posts\" ADD COLUMN \"title\" varchar(100) DEFAULT 'Untitled' NOT NULL, "
		  "ADD COLUMN \"author_id\" bigint, ADD CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"author\"(\"id\"), "
		  "ADD COLUMN \"category_id\" bigint, ADD CONSTRAINT \"posts_category_id_fkey\" FOREIGN KEY (\"category_id\") REFERENCES \"categories\"(\"id\") NOT VALID, "
		  "ADD COLUMN IF NOT EXISTS \"subtitle\" varchar(100) NOT NULL, "
		  "ADD COLUMN IF NOT EXISTS \"editor_id\" bigint, ADD CONSTRAINT \"posts_editor_id_fkey\" FOREIGN KEY (\"editor_id\") REFERENCES \"editor\"(\"id\"), "
		  "ALTER COLUMN \"price\" TYPE numeric(8,2), ALTER COLUMN \"price\" DROP NOT NULL, "
		  "ALTER COLUMN \"cost\" TYPE integer, ALTER COLUMN \"cost\" SET NOT NULL, ALTER COLUMN \"cost\" SET DEFAULT NULL, "
		  "ALTER COLUMN \"permalink_id\" TYPE bigint, ADD CONSTRAINT \"posts_permalink_id_fkey\" FOREIGN KEY (\"permalink_id\") REFERENCES \"permalinks\"(\"id\"), ALTER COLUMN \"permalink_id\" SET NOT NULL, "
		  "ALTER COLUMN \"status\" TYPE varchar(255), "
		  "DROP CONSTRAINT \"posts_user_id_fkey\", ALTER COLUMN \"user_id\" TYPE integer, "
		  "DROP CONSTRAINT \"posts_space_id_fkey\", ALTER COLUMN \"space_id\" TYPE integer, ALTER COLUMN \"space_id\" DROP NOT NULL, "
		  "DROP CONSTRAINT \"posts_group_id_fkey\", ALTER COLUMN \"group_id\" TYPE bigint, ADD CONSTRAINT \"posts_group_id_fkey\" FOREIGN KEY (\"group_id\") REFERENCES \"groups\"(\"gid\"), "
		  "ALTER COLUMN \"status\" TYPE varchar(100), ALTER COLUMN \"status\" SET NOT NULL, "
		  "DROP COLUMN \"summary\", DROP COLUMN \"body\", "
		  "DROP CONSTRAINT \"posts_space_id_fkey\", DROP COLUMN \"space_id\", "
		  "DROP COLUMN IF EXISTS \"body\", DROP COLUMN IF EXISTS \"body\", "
		  "DROP CONSTRAINT IF EXISTS \"posts_space_id_fkey\", DROP COLUMN IF EXISTS \"space_id\"");
	CHECK_STR(logline(cmd), "alter table posts");
}

TEST(alter_table_comments_prefix_pk)
{
	struct mx_term *cmd = T(atom("alter"), table("posts", KW("comment", str("table comment"), NULL)), L(
		add("title", atom("string"), KW("default", str("Untitled"), "size", num(100), "null", fals(), "comment", str("column comment"), NULL)),
		T(atom("modify"), atom("price"), atom("numeric"), KW("precision", num(8), "scale", num(2), "null", tru(), NULL), NULL),
		T(atom("modify"), atom("permalink_id"), ref("permalinks", NULL), KW("null", fals(), "comment", str("column comment"), NULL), NULL),
		T(atom("remove"), atom("summary"), NULL),
		T(atom("remove"), atom("title2"), atom("string"), KW("comment", str("no"), NULL), NULL),
		NULL), NULL);
	CHECK_STR(sql(cmd),
		  "ALTER TABLE \"posts\" ADD COLUMN \"title\" varchar(100) DEFAULT 'Untitled' NOT NULL, "
		  "ALTER COLUMN \"price\" TYPE numeric(8,2), ALTER COLUMN \"price\" DROP NOT NULL, "
		  "ALTER COLUMN \"permalink_id\" TYPE bigint, ADD CONSTRAINT \"posts_permalink_id_fkey\" FOREIGN KEY (\"permalink_id\") REFERENCES \"permalinks\"(\"id\"), ALTER COLUMN \"permalink_id\" SET NOT NULL, "
		  "DROP COLUMN \"summary\", DROP COLUMN \"title2\"\n"
		  "COMMENT ON TABLE \"posts\" IS 'table comment'\n"
		  "COMMENT ON COLUMN \"posts\".\"title\" IS 'column comment'\n"
		  "COMMENT ON COLUMN \"posts\".\"permalink_id\" IS 'column comment'");

	cmd = T(atom("alter"), table("posts", KW("prefix", str("foo"), NULL)), L(
		add("author_id", ref("author", NULL), NULL),
		T(atom("modify"), atom("permalink_id"), ref("permalinks", NULL), KW("null", fals(), NULL), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "ALTER TABLE \"foo\".\"posts\" ADD COLUMN \"author_id\" bigint, ADD CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"foo\".\"author\"(\"id\"), "
			    "ALTER COLUMN \"permalink_id\" TYPE bigint, ADD CONSTRAINT \"posts_permalink_id_fkey\" FOREIGN KEY (\"permalink_id\") REFERENCES \"foo\".\"permalinks\"(\"id\"), ALTER COLUMN \"permalink_id\" SET NOT NULL");
	CHECK_STR(logline(cmd), "alter table foo.posts");

	cmd = T(atom("alter"), table("posts", NULL), L(add("my_pk", atom("bigserial"), KW("primary_key", tru(), NULL)), NULL), NULL);
	CHECK_STR(sql(cmd), "ALTER TABLE \"posts\" ADD COLUMN \"my_pk\" bigserial, ADD PRIMARY KEY (\"my_pk\")");
	cmd = T(atom("alter"), table("posts", NULL), L(T(atom("remove"), atom("my_pk"), atom("serial"), KW("primary_key", tru(), NULL), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "ALTER TABLE \"posts\" DROP COLUMN \"my_pk\"");
	/* modify with a collation and a default */
	cmd = T(atom("alter"), table("posts", NULL), L(T(atom("modify"), atom("name"), atom("text"), KW("default", str("x"), "collation", str("C"), NULL), NULL), NULL), NULL);
	CHECK_STR(sql(cmd), "ALTER TABLE \"posts\" ALTER COLUMN \"name\" TYPE text, ALTER COLUMN \"name\" SET DEFAULT 'x' COLLATE \"C\"");
}

TEST(indexes)
{
	struct mx_term *ix = index_("posts", L(atom("category_id"), atom("permalink"), NULL), NULL);
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"posts_category_id_permalink_index\" ON \"posts\" (\"category_id\", \"permalink\")");
	CHECK_STR(logline(T(atom("create"), ix, NULL)), "create index posts_category_id_permalink_index");
	ix = index_("posts", L(str("lower(permalink)"), NULL), KW("name", str("posts$main"), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"posts$main\" ON \"posts\" (lower(permalink))");
	ix = index_("users", L(str("lower(email)"), NULL), NULL);
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"users_lower_email_index\" ON \"users\" (lower(email))");
	ix = index_("posts", L(atom("category_id"), atom("permalink"), NULL), KW("prefix", str("foo"), "comment", str("comment"), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"posts_category_id_permalink_index\" ON \"foo\".\"posts\" (\"category_id\", \"permalink\")\n"
						    "COMMENT ON INDEX \"foo\".\"posts_category_id_permalink_index\" IS 'comment'");
	CHECK_STR(logline(T(atom("create_if_not_exists"), ix, NULL)), "create index if not exists foo.posts_category_id_permalink_index");
	ix = index_("posts", L(atom("category_id"), T(atom("desc_nulls_last"), atom("permalink"), NULL), NULL), NULL);
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"posts_category_id_permalink_index\" ON \"posts\" (\"category_id\", \"permalink\" DESC NULLS LAST)");
	ix = index_("posts", L(atom("permalink"), NULL), KW("unique", tru(), "where", str("public IS TRUE"), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE UNIQUE INDEX \"posts_permalink_index\" ON \"posts\" (\"permalink\") WHERE public IS TRUE");
	ix = index_("posts", L(atom("permalink"), NULL), KW("unique", tru(), "where", atom("public"), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE UNIQUE INDEX \"posts_permalink_index\" ON \"posts\" (\"permalink\") WHERE public");
	ix = index_("posts", L(atom("permalink"), NULL), KW("unique", tru(), "nulls_distinct", fals(), "include", L(atom("public"), NULL), "where", str("public IS TRUE"), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE UNIQUE INDEX \"posts_permalink_index\" ON \"posts\" (\"permalink\") INCLUDE (\"public\") NULLS NOT DISTINCT WHERE public IS TRUE");
	ix = index_("posts", L(atom("permalink"), NULL), KW("unique", tru(), "nulls_distinct", tru(), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE UNIQUE INDEX \"posts_permalink_index\" ON \"posts\" (\"permalink\") NULLS DISTINCT");
	ix = index_("posts", L(atom("permalink"), NULL), KW("unique", tru(), "concurrently", tru(), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE UNIQUE INDEX CONCURRENTLY \"posts_permalink_index\" ON \"posts\" (\"permalink\")");
	ix = index_("posts", L(atom("permalink"), NULL), KW("using", atom("hash"), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"posts_permalink_index\" ON \"posts\" USING hash (\"permalink\")");
	ix = index_("posts", L(atom("permalink"), NULL), KW("only", tru(), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"posts_permalink_index\" ON ONLY \"posts\" (\"permalink\")");
	ix = index_("posts", L(atom("title"), NULL), KW("options", str("fillfactor=50"), NULL));
	CHECK_STR(sql(T(atom("create_if_not_exists"), ix, NULL)), "CREATE INDEX IF NOT EXISTS \"posts_title_index\" ON \"posts\" (\"title\") WITH (fillfactor=50)");
	ix = index_("products", L(str("(to_tsvector('english', name))"), NULL), KW("name", atom("products_name_vector"), "using", str("GIN"), NULL));
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"products_name_vector\" ON \"products\" USING GIN ((to_tsvector('english', name)))");
	/* a single atom column */
	ix = index_("posts", atom("slug"), NULL);
	CHECK_STR(sql(T(atom("create"), ix, NULL)), "CREATE INDEX \"posts_slug_index\" ON \"posts\" (\"slug\")");
}

TEST(index_errors)
{
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	CHECK(!em_ddl_index(&A, NULL, atom("posts"), L(atom("a"), NULL), KW("nulls_distinct", fals(), NULL), &r));
	CHECK_STR(r.err.msg, "the `nulls_distinct` option can only be used with unique indexes");
	CHECK(!em_ddl_index(&A, NULL, atom("posts"), L(atom("a"), NULL), KW("where", str("a"), "where", str("b"), NULL), &r));
	CHECK(strstr(r.err.msg, "only one `where` keyword is supported"));
	CHECK(!em_ddl_index(&A, NULL, atom("posts"), str("a"), NULL, &r));
	CHECK_STR(r.exception, "FunctionClauseError");
	CHECK_STR(r.err.msg, "no function clause matching in Ecto.Migration.index/3");
}

TEST(drop_rename_index)
{
	struct mx_term *ix = index_("posts", L(atom("id"), NULL), KW("name", str("posts$main"), NULL));
	CHECK_STR(sql(T(atom("drop"), ix, atom("restrict"), NULL)), "DROP INDEX \"posts$main\"");
	CHECK_STR(sql(T(atom("drop"), ix, atom("cascade"), NULL)), "DROP INDEX \"posts$main\" CASCADE");
	CHECK_STR(logline(T(atom("drop"), ix, atom("cascade"), NULL)), "drop index posts$main cascade");
	CHECK_STR(sql(T(atom("drop_if_exists"), ix, atom("restrict"), NULL)), "DROP INDEX IF EXISTS \"posts$main\"");
	CHECK_STR(logline(T(atom("drop_if_exists"), ix, atom("restrict"), NULL)), "drop index if exists posts$main");
	ix = index_("posts", L(atom("id"), NULL), KW("name", str("posts$main"), "prefix", str("foo"), "concurrently", tru(), NULL));
	CHECK_STR(sql(T(atom("drop"), ix, atom("restrict"), NULL)), "DROP INDEX CONCURRENTLY \"foo\".\"posts$main\"");
	ix = index_("people", L(atom("name"), NULL), KW("name", str("persons_name_index"), "prefix", str("foo"), NULL));
	CHECK_STR(sql(T(atom("rename"), ix, str("people_name_index"), NULL)), "ALTER INDEX \"foo\".\"persons_name_index\" RENAME TO \"people_name_index\"");
	CHECK_STR(logline(T(atom("rename"), ix, str("people_name_index"), NULL)), "rename index foo.persons_name_index to people_name_index");
}

TEST(constraints)
{
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	struct mx_term *c = em_ddl_constraint(&A, atom("products"), str("price_must_be_positive"), KW("check", str("price > 0"), NULL), &r);
	CHECK_STR(sql(T(atom("create"), c, NULL)), "ALTER TABLE \"products\" ADD CONSTRAINT \"price_must_be_positive\" CHECK (price > 0)");
	CHECK_STR(logline(T(atom("create"), c, NULL)), "create check constraint price_must_be_positive on table products");
	CHECK_STR(sql(T(atom("drop"), c, atom("restrict"), NULL)), "ALTER TABLE \"products\" DROP CONSTRAINT \"price_must_be_positive\"");
	CHECK_STR(sql(T(atom("drop"), c, atom("cascade"), NULL)), "ALTER TABLE \"products\" DROP CONSTRAINT \"price_must_be_positive\" CASCADE");
	CHECK_STR(logline(T(atom("drop"), c, atom("restrict"), NULL)), "drop constraint price_must_be_positive from table products");
	CHECK_STR(sql(T(atom("drop_if_exists"), c, atom("restrict"), NULL)), "ALTER TABLE \"products\" DROP CONSTRAINT IF EXISTS \"price_must_be_positive\"");
	CHECK_STR(logline(T(atom("drop_if_exists"), c, atom("restrict"), NULL)), "drop constraint if exists price_must_be_positive from table products");

	c = em_ddl_constraint(&A, atom("products"), atom("price_must_be_positive"), KW("check", str("price > 0"), "prefix", str("foo"), "comment", str("comment"), NULL), &r);
	CHECK_STR(sql(T(atom("create"), c, NULL)), "ALTER TABLE \"foo\".\"products\" ADD CONSTRAINT \"price_must_be_positive\" CHECK (price > 0)\n"
						   "COMMENT ON CONSTRAINT \"price_must_be_positive\" ON \"foo\".\"products\" IS 'comment'");
	c = em_ddl_constraint(&A, atom("products"), str("price_must_be_positive"), KW("check", str("price > 0"), "prefix", str("foo"), "validate", fals(), NULL), &r);
	CHECK_STR(sql(T(atom("create"), c, NULL)), "ALTER TABLE \"foo\".\"products\" ADD CONSTRAINT \"price_must_be_positive\" CHECK (price > 0) NOT VALID");
	c = em_ddl_constraint(&A, atom("size_ranges"), atom("no_overlap"), KW("exclude", str("gist (int4range(\"from\", \"to\", '[]') WITH &&)"), NULL), &r);
	CHECK_STR(sql(T(atom("create"), c, NULL)), "ALTER TABLE \"size_ranges\" ADD CONSTRAINT \"no_overlap\" EXCLUDE USING gist (int4range(\"from\", \"to\", '[]') WITH &&)");
	CHECK_STR(logline(T(atom("create"), c, NULL)), "create exclude constraint no_overlap on table size_ranges");
	c = em_ddl_constraint(&A, atom("t"), atom("c"), NULL, &r);
	CHECK_STR(logline(T(atom("create"), c, NULL)), "RAISE ArgumentError: a constraint must have either a check or exclude option");
	c = em_ddl_constraint(&A, atom("t"), atom("c"), KW("check", str("a"), "exclude", str("b"), NULL), &r);
	CHECK_STR(logline(T(atom("create"), c, NULL)), "RAISE ArgumentError: a constraint must not have both check and exclude options");
}

TEST(rename_table_column)
{
	CHECK_STR(sql(T(atom("rename"), table("posts", NULL), table("new_posts", NULL), NULL)), "ALTER TABLE \"posts\" RENAME TO \"new_posts\"");
	CHECK_STR(sql(T(atom("rename"), table("posts", KW("prefix", str("foo"), NULL)), table("new_posts", KW("prefix", str("foo"), NULL)), NULL)),
		  "ALTER TABLE \"foo\".\"posts\" RENAME TO \"new_posts\"");
	CHECK_STR(logline(T(atom("rename"), table("posts", KW("prefix", str("foo"), NULL)), table("new_posts", KW("prefix", str("foo"), NULL)), NULL)),
		  "rename table foo.posts to foo.new_posts");
	CHECK_STR(sql(T(atom("rename"), table("posts", NULL), atom("given_name"), atom("first_name"), NULL)), "ALTER TABLE \"posts\" RENAME \"given_name\" TO \"first_name\"");
	CHECK_STR(logline(T(atom("rename"), table("posts", NULL), atom("given_name"), atom("first_name"), NULL)), "rename column given_name to first_name on table posts");
}

TEST(table_struct_checks)
{
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	CHECK(!em_ddl_table(&A, NULL, atom("posts"), KW("primary", fals(), NULL), &r));
	CHECK_STR(r.exception, "KeyError");
	CHECK(!strncmp(r.err.msg, "key :primary not found in: ", 27));
	CHECK(!em_ddl_table(&A, NULL, num(1), NULL, &r));
	CHECK_STR(r.err.msg, "no function clause matching in Ecto.Migration.table/2");
	CHECK(em_ddl_table(&A, NULL, str("users"), NULL, &r));
}

TEST(reverse)
{
	struct mx_term *ix = index_("posts", L(atom("title"), NULL), NULL);
	struct mx_term *rev;

	rev = em_ddl_reverse(&A, T(atom("create"), ix, NULL));
	CHECK_STR(sql(rev), "DROP INDEX \"posts_title_index\"");
	rev = em_ddl_reverse(&A, T(atom("create_if_not_exists"), ix, NULL));
	CHECK_STR(sql(rev), "DROP INDEX IF EXISTS \"posts_title_index\"");
	rev = em_ddl_reverse(&A, T(atom("drop"), ix, atom("cascade"), NULL));
	CHECK_STR(sql(rev), "CREATE INDEX \"posts_title_index\" ON \"posts\" (\"title\")");
	rev = em_ddl_reverse(&A, T(atom("drop_if_exists"), ix, atom("restrict"), NULL));
	CHECK_STR(sql(rev), "CREATE INDEX IF NOT EXISTS \"posts_title_index\" ON \"posts\" (\"title\")");
	rev = em_ddl_reverse(&A, T(atom("rename"), ix, str("new_name"), NULL));
	CHECK_STR(sql(rev), "ALTER INDEX \"new_name\" RENAME TO \"posts_title_index\"");
	rev = em_ddl_reverse(&A, T(atom("create"), table("posts", NULL), EMPTY(), NULL));
	CHECK_STR(sql(rev), "DROP TABLE \"posts\"");
	rev = em_ddl_reverse(&A, T(atom("create_if_not_exists"), table("posts", NULL), EMPTY(), NULL));
	CHECK_STR(sql(rev), "DROP TABLE IF EXISTS \"posts\"");
	rev = em_ddl_reverse(&A, T(atom("rename"), table("posts", NULL), table("new_posts", NULL), NULL));
	CHECK_STR(sql(rev), "ALTER TABLE \"new_posts\" RENAME TO \"posts\"");
	rev = em_ddl_reverse(&A, T(atom("rename"), table("posts", NULL), atom("a"), atom("b"), NULL));
	CHECK_STR(sql(rev), "ALTER TABLE \"posts\" RENAME \"b\" TO \"a\"");
	CHECK(!em_ddl_reverse(&A, T(atom("drop"), table("posts", NULL), atom("restrict"), NULL)));
	CHECK(!em_ddl_reverse(&A, str("CREATE EXTENSION x")));

	/* alter: in reverse order, add <-> remove, modify with from: */
	rev = em_ddl_reverse(&A, T(atom("alter"), table("posts", NULL), L(
		add("a", atom("string"), KW("null", fals(), NULL)),
		T(atom("modify"), atom("b"), atom("text"), KW("from", atom("string"), NULL), NULL),
		T(atom("modify"), atom("c"), atom("string"), KW("null", fals(), "size", num(100), "from", T(atom("integer"), KW("null", tru(), NULL), NULL), NULL), NULL),
		T(atom("remove"), atom("d"), atom("integer"), KW("default", num(0), NULL), NULL),
		NULL), NULL));
	CHECK_STR(sql(rev), "ALTER TABLE \"posts\" ADD COLUMN \"d\" integer DEFAULT 0, "
			    "ALTER COLUMN \"c\" TYPE integer, ALTER COLUMN \"c\" DROP NOT NULL, "
			    "ALTER COLUMN \"b\" TYPE varchar(255), DROP COLUMN \"a\"");
	CHECK(!em_ddl_reverse(&A, T(atom("alter"), table("posts", NULL), L(T(atom("remove"), atom("x"), NULL), NULL), NULL)));
	CHECK(!em_ddl_reverse(&A, T(atom("alter"), table("posts", NULL), L(T(atom("modify"), atom("x"), atom("text"), EMPTY(), NULL), NULL), NULL)));
	CHECK(!em_ddl_reverse(&A, T(atom("alter"), table("posts", NULL), L(T(atom("add_if_not_exists"), atom("x"), atom("text"), EMPTY(), NULL), NULL), NULL)));

	{
		struct em_ddl_raise r = EM_DDL_RAISE_INIT;
		struct mx_term *c = em_ddl_constraint(&A, atom("products"), str("p"), KW("check", str("price > 0"), NULL), &r);
		rev = em_ddl_reverse(&A, T(atom("create"), c, NULL));
		CHECK_STR(sql(rev), "ALTER TABLE \"products\" DROP CONSTRAINT \"p\"");
		CHECK(!em_ddl_reverse(&A, T(atom("drop"), c, atom("restrict"), NULL)));
	}
}

/* execute_ddl/1 is all or nothing: a create table whose comment Ecto
 * refuses appends neither the CREATE TABLE nor any COMMENT ON. */
TEST(sql_appends_nothing_when_it_raises)
{
	struct mx_strvec v = MX_STRVEC_INIT;
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;
	struct mx_term *cmd = T(atom("create"), table("posts", KW("comment", atom("bad"), NULL)),
			       L(add("title", atom("string"), KW("comment", str("t"), NULL)), NULL), NULL);

	mx_strvec_push(&v, "SELECT 1");
	CHECK_INT(em_ddl_sql(cmd, NULL, &v, &r), -1);
	CHECK_STR(r.exception, "FunctionClauseError");
	CHECK_STR(r.err.msg, "no function clause matching in Ecto.Adapters.Postgres.Connection.escape_string/1");
	CHECK_INT(v.n, 1);
	CHECK_STR(v.v[0], "SELECT 1");
	mx_strvec_clear(&v);
}

static const char *inspected(const struct mx_term *t)
{
	static char out[512];
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(t, &b);
	snprintf(out, sizeof(out), "%s", b.buf);
	mx_buf_release(&b);
	return out;
}

/* Runner.repo_config/2 for the keys the DSL reads, from the string fields
 * of the config (the terms are tested through whole migrations). */
TEST(repo_config_keys)
{
	struct em_ddl_config cfg = EM_DDL_CONFIG_INIT;

	CHECK_STR(inspected(em_ddl_repo_config(&A, NULL, "migration_primary_key")), "[]");
	CHECK_STR(inspected(em_ddl_repo_config(&A, NULL, "migration_foreign_key")), "[]");
	CHECK_STR(inspected(em_ddl_repo_config(&A, NULL, "migration_timestamps")), "[]");
	cfg.primary_key_name = "uid";
	cfg.primary_key_type = "binary_id";
	cfg.foreign_key_type = "uuid";
	cfg.timestamps_type = "utc_datetime";
	cfg.timestamps_updated_at = "changed_at";
	CHECK_STR(inspected(em_ddl_repo_config(&A, &cfg, "migration_primary_key")),
		  "[name: :uid, type: :binary_id]");
	CHECK_STR(inspected(em_ddl_repo_config(&A, &cfg, "migration_foreign_key")), "[type: :uuid]");
	CHECK_STR(inspected(em_ddl_repo_config(&A, &cfg, "migration_timestamps")),
		  "[type: :utc_datetime, updated_at: :changed_at]");
	cfg.primary_key_disabled = true;
	CHECK_STR(inspected(em_ddl_repo_config(&A, &cfg, "migration_primary_key")), "false");
}

/* A struct literal gets Ecto's defaults for the fields it does not spell. */
TEST(complete_fills_struct_literals)
{
	struct mx_term *k[3] = {atom("__struct__"), atom("name"), atom("table")};
	struct mx_term *v[3] = {atom("Elixir.Ecto.Migration.Index"), atom("ix"), str("t")};
	struct mx_term *ix = em_ddl_complete(&A, mx_term_map(&A, k, v, 3));

	CHECK_STR(inspected(mx_term_map_get_atom(ix, "name")), ":ix");
	CHECK_STR(inspected(mx_term_map_get_atom(ix, "table")), "\"t\"");
	CHECK_STR(inspected(mx_term_map_get_atom(ix, "columns")), "[]");
	CHECK_STR(inspected(mx_term_map_get_atom(ix, "unique")), "false");
	CHECK_STR(inspected(mx_term_map_get_atom(ix, "include")), "[]");
	CHECK_STR(inspected(mx_term_map_get_atom(ix, "prefix")), "nil");
	CHECK_STR(sql(T(atom("drop"), ix, atom("restrict"), NULL)), "DROP INDEX \"ix\"");
	/* anything else comes back as it is */
	CHECK(em_ddl_complete(&A, str("x"))->type == MX_TERM_BINARY);
}

/* Terms in Ecto's messages read as inspect/1 shows them. */
TEST(raise_inspect_shows_terms)
{
	struct em_ddl_raise r = EM_DDL_RAISE_INIT;

	CHECK_INT(em_ddl_raise_inspect(&r, "ArgumentError", "got %s and %s", str("a"),
				       L(atom("b"), num(1), NULL)), -1);
	CHECK(r.raised);
	CHECK_STR(r.exception, "ArgumentError");
	CHECK_STR(r.err.msg, "got \"a\" and [:b, 1]");
	{
		struct mx_buf b = MX_BUF_INIT;
		CHECK_INT(em_ddl_to_string(&b, T(atom("x"), NULL), &r), -1);
		mx_buf_release(&b);
	}
	CHECK_STR(r.exception, "Protocol.UndefinedError");
	CHECK_STR(r.err.msg, "protocol String.Chars not implemented for {:x} of type Tuple. " EM_STRING_CHARS_IMPLS);
}

int main(void)
{
	int ret = unit_run();
	mx_arena_release(&A);
	return ret;
}
