/*
 * remedy: what to do about a connection or permission failure, in the words
 * of the Phoenix guide, after the server's reason (create and drop).
 */
#include <string.h>

#include "buf.h"
#include "ecto_migrate.h"

/* The role named in libpq's message ("role \"bob\" does not exist"). */
static void role_in(const char *msg, const char *after, struct mx_buf *role)
{
	const char *p = strstr(msg, after);
	if (!p)
		return;
	p += strlen(after);
	const char *q = strchr(p, '"');
	if (q)
		mx_buf_add(role, p, (size_t)(q - p));
}

void em_remedy(const char *msg, const char *user, struct mx_buf *out)
{
	struct mx_buf role = MX_BUF_INIT;
	if (strstr(msg, "does not exist") && strstr(msg, "role \"")) {
		role_in(msg, "role \"", &role);
		mx_buf_addf(out,
		            "\n\nThe role does not exist. Create it (in psql, as a superuser):\n\n "
		            "   CREATE ROLE %s LOGIN CREATEDB;",
		            role.len ? role.buf : "postgres");
	} else if (strstr(msg, "is not permitted to log in")) {
		role_in(msg, "role \"", &role);
		mx_buf_addf(out,
		            "\n\nThe role may not log in. Allow it (in psql, as a superuser):\n\n  "
		            "  ALTER ROLE %s LOGIN;",
		            role.len ? role.buf : "postgres");
	} else if (strstr(msg, "permission denied to create database")) {
		mx_buf_adds(out, "\n\nThe role may not create databases. Allow it (in psql, as a "
		                 "superuser):\n\n    ALTER ROLE ");
		mx_buf_adds(out, user && *user ? user : "<role>");
		mx_buf_adds(out, " CREATEDB;");
	} else if (strstr(msg, "password authentication failed")) {
		/* Under scram-sha-256 (PostgreSQL's default) the server answers a
		 * missing role with this same message, so both causes are named. */
		role_in(msg, "for user \"", &role);
		mx_buf_addf(out,
		            "\n\nEither the password is wrong or the role does not exist "
		            "(PostgreSQL says the same for both). Fix the password in the "
		            "repo's config (config/dev.exs for dev) or in the URL, or create "
		            "the role (in psql, as a superuser):\n\n    CREATE ROLE %s LOGIN "
		            "CREATEDB PASSWORD '...';",
		            role.len ? role.buf : (user && *user ? user : "postgres"));
	} else if (strstr(msg, "Connection refused") || strstr(msg, "No such file or directory")) {
		mx_buf_adds(out, "\n\nIs PostgreSQL running and accepting connections there? "
		                 "(--wait waits for it to start.)");
	}
	mx_buf_release(&role);
}
