/*
 * inflect: the name transformations Phoenix generators and tasks use, with
 * Elixir's exact byte-level rules (Macro.camelize/underscore,
 * Phoenix.Naming.humanize/unsuffix/resource_name, Mix.Phoenix.inflect).
 *
 * All functions append to out; ASCII letters change case, every other byte
 * passes through (as in Elixir, which works on bytes here too).
 */
#ifndef MX_PROJECT_INFLECT_H
#define MX_PROJECT_INFLECT_H

#include <stdbool.h>

#include "buf.h"

/* Macro.camelize/1: "my_app" -> "MyApp", "admin/user" -> "Admin.User",
 * "_x" -> "X", "a__b" -> "AB", "v1_2" -> "V12". */
void mx_inflect_camelize(const char *s, struct mx_buf *out);
/* Phoenix.Naming.camelize(s, :lower): "my_app" -> "myApp". */
void mx_inflect_camelize_lower(const char *s, struct mx_buf *out);
/* Macro.underscore/1 on a string: "MyApp" -> "my_app", "Admin.User" ->
 * "admin/user", "SAPExample" -> "sap_example", "HTTPServer2" ->
 * "http_server2". A leading "Elixir." is NOT stripped (as for strings in
 * Elixir); use mx_inflect_underscore_alias for an alias atom's name. */
void mx_inflect_underscore(const char *s, struct mx_buf *out);
/* Macro.underscore/1 on an alias atom: "Elixir.MyApp.Repo" or "MyApp.Repo"
 * -> "my_app/repo". */
void mx_inflect_underscore_alias(const char *alias, struct mx_buf *out);
/* Phoenix.Naming.humanize/1: "user_id" -> "User", "created_at" ->
 * "Created at". */
void mx_inflect_humanize(const char *s, struct mx_buf *out);
/* Phoenix.Naming.unsuffix/2: "UserView", "View" -> "User". */
void mx_inflect_unsuffix(const char *s, const char *suffix, struct mx_buf *out);
/* Phoenix.Naming.resource_name/2: "MyApp.UserView", "View" -> "user". */
void mx_inflect_resource_name(const char *alias, const char *suffix, struct mx_buf *out);
/* Mix.Phoenix.web_module/1: "Hello" -> "HelloWeb", "HelloWeb" -> "HelloWeb". */
void mx_inflect_web_module(const char *base, struct mx_buf *out);

/* Mix.Phoenix.inflect/1 for base module `base` and a singular name such as
 * "Admin.SuperUser" or "user". Every string is malloc'd and owned by the
 * struct; release with mx_inflection_release. */
struct mx_inflection {
	char *alias;      /* "SuperUser" */
	char *human;      /* "Super user" */
	char *base;       /* "Hello" */
	char *web_module; /* "HelloWeb" */
	char *module;     /* "Hello.Admin.SuperUser" */
	char *scoped;     /* "Admin.SuperUser" */
	char *singular;   /* "super_user" */
	char *path;       /* "admin/super_user" */
};
#define MX_INFLECTION_INIT                                                                         \
	{                                                                                          \
		NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL                                     \
	}

void mx_inflect(const char *base, const char *singular, struct mx_inflection *inf);
void mx_inflection_release(struct mx_inflection *inf);

#endif
