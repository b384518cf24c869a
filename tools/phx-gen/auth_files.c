/*
 * auth_files: what phx.gen.auth generates, as data: the hashing libraries
 * (HashingLibrary.build/1) and the one table of files of both variants
 * (files_to_be_generated/1), in the order Phoenix creates them.
 */
#include <string.h>

#include "auth.h"

static const struct auth_hashing hashings[] = {
    {"bcrypt", "Bcrypt", "{:bcrypt_elixir, \"~> 3.0\"}", "config :bcrypt_elixir, :log_rounds, 1"},
    {"pbkdf2", "Pbkdf2", "{:pbkdf2_elixir, \"~> 2.0\"}", "config :pbkdf2_elixir, :rounds, 1"},
    {"argon2", "Argon2", "{:argon2_elixir, \"~> 3.0\"}",
     "config :argon2_elixir, t_cost: 1, m_cost: 8"},
    {NULL, NULL, NULL, NULL},
};

const struct auth_hashing *auth_hashing_find(const char *name)
{
	for (const struct auth_hashing *h = hashings; h->name; h++)
		if (!strcmp(h->name, name))
			return h;
	return NULL;
}

/* "%s" in a name is the schema's singular. */
const struct auth_file auth_files[] = {
    {AUTH_BOTH, "migration.ex", AUTH_MIGRATIONS, NULL},
    {AUTH_BOTH, "notifier.ex", AUTH_CONTEXT, "%s_notifier.ex"},
    {AUTH_BOTH, "schema.ex", AUTH_CONTEXT, "%s.ex"},
    {AUTH_BOTH, "schema_token.ex", AUTH_CONTEXT, "%s_token.ex"},
    {AUTH_BOTH, "auth.ex", AUTH_WEB, "%s_auth.ex"},
    {AUTH_BOTH, "auth_test.exs", AUTH_WEB_TEST, "%s_auth_test.exs"},
    {AUTH_BOTH, "session_controller.ex", AUTH_CTRL_DIR, "%s_session_controller.ex"},
    {AUTH_BOTH, "session_controller_test.exs", AUTH_CTRL_TEST, "%s_session_controller_test.exs"},

    {AUTH_LIVE, "registration_live.ex", AUTH_LIVE_DIR, "%s_registration_live.ex"},
    {AUTH_LIVE, "registration_live_test.exs", AUTH_LIVE_TEST, "%s_registration_live_test.exs"},
    {AUTH_LIVE, "login_live.ex", AUTH_LIVE_DIR, "%s_login_live.ex"},
    {AUTH_LIVE, "login_live_test.exs", AUTH_LIVE_TEST, "%s_login_live_test.exs"},
    {AUTH_LIVE, "reset_password_live.ex", AUTH_LIVE_DIR, "%s_reset_password_live.ex"},
    {AUTH_LIVE, "reset_password_live_test.exs", AUTH_LIVE_TEST, "%s_reset_password_live_test.exs"},
    {AUTH_LIVE, "forgot_password_live.ex", AUTH_LIVE_DIR, "%s_forgot_password_live.ex"},
    {AUTH_LIVE, "forgot_password_live_test.exs", AUTH_LIVE_TEST,
     "%s_forgot_password_live_test.exs"},
    {AUTH_LIVE, "settings_live.ex", AUTH_LIVE_DIR, "%s_settings_live.ex"},
    {AUTH_LIVE, "settings_live_test.exs", AUTH_LIVE_TEST, "%s_settings_live_test.exs"},
    {AUTH_LIVE, "confirmation_live.ex", AUTH_LIVE_DIR, "%s_confirmation_live.ex"},
    {AUTH_LIVE, "confirmation_live_test.exs", AUTH_LIVE_TEST, "%s_confirmation_live_test.exs"},
    {AUTH_LIVE, "confirmation_instructions_live.ex", AUTH_LIVE_DIR,
     "%s_confirmation_instructions_live.ex"},
    {AUTH_LIVE, "confirmation_instructions_live_test.exs", AUTH_LIVE_TEST,
     "%s_confirmation_instructions_live_test.exs"},

    {AUTH_CTRL, "confirmation_html.ex", AUTH_CTRL_DIR, "%s_confirmation_html.ex"},
    {AUTH_CTRL, "confirmation_new.html.heex", AUTH_CTRL_DIR, "%s_confirmation_html/new.html.heex"},
    {AUTH_CTRL, "confirmation_edit.html.heex", AUTH_CTRL_DIR,
     "%s_confirmation_html/edit.html.heex"},
    {AUTH_CTRL, "confirmation_controller.ex", AUTH_CTRL_DIR, "%s_confirmation_controller.ex"},
    {AUTH_CTRL, "confirmation_controller_test.exs", AUTH_CTRL_TEST,
     "%s_confirmation_controller_test.exs"},
    {AUTH_CTRL, "registration_new.html.heex", AUTH_CTRL_DIR, "%s_registration_html/new.html.heex"},
    {AUTH_CTRL, "registration_controller.ex", AUTH_CTRL_DIR, "%s_registration_controller.ex"},
    {AUTH_CTRL, "registration_controller_test.exs", AUTH_CTRL_TEST,
     "%s_registration_controller_test.exs"},
    {AUTH_CTRL, "registration_html.ex", AUTH_CTRL_DIR, "%s_registration_html.ex"},
    {AUTH_CTRL, "reset_password_html.ex", AUTH_CTRL_DIR, "%s_reset_password_html.ex"},
    {AUTH_CTRL, "reset_password_controller.ex", AUTH_CTRL_DIR, "%s_reset_password_controller.ex"},
    {AUTH_CTRL, "reset_password_controller_test.exs", AUTH_CTRL_TEST,
     "%s_reset_password_controller_test.exs"},
    {AUTH_CTRL, "reset_password_edit.html.heex", AUTH_CTRL_DIR,
     "%s_reset_password_html/edit.html.heex"},
    {AUTH_CTRL, "reset_password_new.html.heex", AUTH_CTRL_DIR,
     "%s_reset_password_html/new.html.heex"},
    {AUTH_CTRL, "session_html.ex", AUTH_CTRL_DIR, "%s_session_html.ex"},
    {AUTH_CTRL, "session_new.html.heex", AUTH_CTRL_DIR, "%s_session_html/new.html.heex"},
    {AUTH_CTRL, "settings_html.ex", AUTH_CTRL_DIR, "%s_settings_html.ex"},
    {AUTH_CTRL, "settings_controller.ex", AUTH_CTRL_DIR, "%s_settings_controller.ex"},
    {AUTH_CTRL, "settings_edit.html.heex", AUTH_CTRL_DIR, "%s_settings_html/edit.html.heex"},
    {AUTH_CTRL, "settings_controller_test.exs", AUTH_CTRL_TEST, "%s_settings_controller_test.exs"},
    {AUTH_BOTH, NULL, 0, NULL},
};
