/*
 * em_remedy: the advice printed after a failed ecto.create/ecto.drop
 * connection, one case per server message it recognises.
 */
#include <string.h>

#include "buf.h"
#include "ecto_migrate.h"
#include "unit.h"

static void remedy(const char *msg, const char *user, struct mx_buf *out)
{
	mx_buf_reset(out);
	em_remedy(msg, user, out);
}

TEST(password_failure_names_both_causes_and_both_remedies)
{
	struct mx_buf b = MX_BUF_INIT;
	remedy("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password "
	       "authentication failed for user \"bob\"",
	       "bob", &b);
	CHECK(strstr(b.buf, "Either the password is wrong or the role does not exist") != NULL);
	CHECK(strstr(b.buf, "Fix the password in the repo's config (config/dev.exs for dev)") !=
	      NULL);
	CHECK(strstr(b.buf, "    CREATE ROLE bob LOGIN CREATEDB PASSWORD '...';") != NULL);
	/* the role comes from the server's message, not from the caller */
	remedy("FATAL:  password authentication failed for user \"alice\"", "bob", &b);
	CHECK(strstr(b.buf, "CREATE ROLE alice LOGIN") != NULL);
	remedy("FATAL:  password authentication failed", "carol", &b);
	CHECK(strstr(b.buf, "CREATE ROLE carol LOGIN") != NULL);
	mx_buf_release(&b);
}

TEST(other_failures)
{
	struct mx_buf b = MX_BUF_INIT;
	remedy("FATAL:  role \"dave\" does not exist", NULL, &b);
	CHECK(strstr(b.buf, "CREATE ROLE dave LOGIN CREATEDB;") != NULL);
	remedy("FATAL:  role \"erin\" is not permitted to log in", NULL, &b);
	CHECK(strstr(b.buf, "ALTER ROLE erin LOGIN;") != NULL);
	remedy("ERROR:  permission denied to create database", "frank", &b);
	CHECK(strstr(b.buf, "ALTER ROLE frank CREATEDB;") != NULL);
	remedy("could not connect: Connection refused", NULL, &b);
	CHECK(strstr(b.buf, "Is PostgreSQL running") != NULL);
	remedy("something else entirely", NULL, &b);
	CHECK_STR(b.buf, "");
	mx_buf_release(&b);
}

UNIT_MAIN()
