/*
 * auth_tree: phx.gen.auth's binding (auth_module, router_scope, the
 * hashing library, the migration's columns...) as the "auth" map of the
 * template tree; the templates only place these values and test the flags.
 */
#include <string.h>

#include "auth.h"
#include "project/inflect.h"

static void put_str(struct mx_tmpl_value *m, const char *k, struct mx_buf *b)
{
	mx_tmpl_put(m, k, mx_tmpl_strn_new(m->u.map.arena, b->buf, b->len));
	mx_buf_reset(b);
}

/* Phoenix's binding (auth_module, router_scope, ...) under the key "auth". */
void auth_tree(struct auth_run *ar)
{
	const struct gen_schema *sc = &ar->r->schema;
	const struct gen_context *c = &ar->r->context;
	struct mx_tmpl_value *a = mx_tmpl_put_map(ar->r->root, "auth");
	struct mx_buf b = MX_BUF_INIT;
	const char *ns = sc->web_namespace;

	mx_buf_addf(&b, "%s%s%s.%sAuth", c->web_module, ns ? "." : "", ns ? ns : "", sc->alias);
	put_str(a, "module", &b);
	/* web_app_name: Phoenix.Naming.underscore(inspect(web_module)) */
	mx_inflect_underscore(c->web_module, &b);
	put_str(a, "web_app_name", &b);
	mx_buf_addf(&b, "%s.Endpoint", c->web_module);
	put_str(a, "endpoint", &b);
	if (ns)
		mx_buf_addf(&b, "\"/%s\", %s.%s, as: :%s", sc->web_path, c->web_module, ns,
		            sc->web_path);
	else
		mx_buf_addf(&b, "\"/\", %s", c->web_module);
	put_str(a, "router_scope", &b);
	if (ns)
		mx_buf_addf(&b, "/%s", sc->web_path);
	put_str(a, "web_path_prefix", &b);
	/* inspect Module.concat(schema.web_namespace, schema.alias) */
	mx_buf_addf(&b, "%s%s%s", ns ? ns : "", ns ? "." : "", sc->alias);
	put_str(a, "scoped", &b);
	bool pg = !strcmp(ar->adapter, "Ecto.Adapters.Postgres");
	bool lite = !strcmp(ar->adapter, "Ecto.Adapters.SQLite3");
	mx_tmpl_put_str(a, "test_case_options", pg ? ", async: true" : "");
	mx_tmpl_put_bool(a, "live", ar->live);
	mx_tmpl_put_str(a, "hashing_module", ar->hashing->module);
	mx_tmpl_put_bool(a, "bcrypt", !strcmp(ar->hashing->name, "bcrypt"));
	mx_tmpl_put_bool(a, "postgres", pg);
	mx_tmpl_put_str(a, "email_column",
	                pg     ? "add :email, :citext, null: false"
	                : lite ? "add :email, :string, null: false, collate: :nocase"
	                       : "add :email, :string, null: false, size: 160");
	mx_tmpl_put_str(a, "token_column",
	                pg ? "add :token, :binary, null: false"
	                   : "add :token, :binary, null: false, size: 32");
	/* the timestamp type, inspected, and its case in schema.ex */
	const char *tt = sc->timestamp_type ? sc->timestamp_type : "naive_datetime";
	mx_buf_addf(&b, ":%s", tt);
	put_str(a, "timestamp_type", &b);
	mx_tmpl_put_bool(a, "ts_naive", !strcmp(tt, "naive_datetime"));
	mx_tmpl_put_bool(a, "ts_utc", !strcmp(tt, "utc_datetime"));
	mx_tmpl_put_bool(a, "ts_utc_usec", !strcmp(tt, "utc_datetime_usec"));
	if (strcmp(tt, "naive_datetime"))
		mx_buf_addf(&b, "type: :%s, ", tt);
	put_str(a, "timestamps_type_comma", &b);
	mx_buf_release(&b);
}
