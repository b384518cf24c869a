/*
 * cert: `mix phx.gen.cert [-o PATH] [-n NAME] [HOSTNAME...]`. The key pair
 * and the certificate come from gen_cert.c; this file writes them through
 * the plan (the key with mode 0600, never printed) and prints Phoenix's
 * config and warning.
 */
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "gen.h"
#include "gen_cert.h"

static const char *output, *name, *dir;
static struct gen_switches sw;

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&dir, &sw),
    MX_OPT_STR_("output", 'o', &output, "PATH",
                "The path and base file name of the key and certificate "
                "(default priv/cert/selfsigned)"),
    MX_OPT_STR_("name", 'n', &name, "NAME",
                "The Common Name of the certificate's subject "
                "(default \"Self-signed test certificate\")"),
    MX_OPT_END_,
};

/* Phoenix's @warning, printed after the config (and in its moduledoc). */
static const char warning[] =
    "WARNING: only use the generated certificate for testing in a closed network\n"
    "environment, such as running a development server on `localhost`.\n"
    "For production, staging, or testing servers on the public internet, obtain a\n"
    "proper certificate, for example from [Let's Encrypt](https://letsencrypt.org).\n"
    "\n"
    "NOTE: when using Google Chrome, open chrome://flags/#allow-insecure-localhost\n"
    "to enable the use of self-signed certificates on `localhost`.\n";

static void print_instructions(const struct gen_session *s, const char *keyfile,
                               const char *certfile)
{
	/* Mix.shell().info of a heredoc that starts with a blank line and
	 * ends with @warning and one more newline */
	printf("\nIf you have not already done so, please update your HTTPS Endpoint\n"
	       "configuration in config/dev.exs:\n"
	       "\n"
	       "  config :%s, %s.Endpoint,\n"
	       "    http: [port: 4000],\n"
	       "    https: [\n"
	       "      port: 4001,\n"
	       "      cipher_suite: :strong,\n"
	       "      certfile: \"%s\",\n"
	       "      keyfile: \"%s\"\n"
	       "    ],\n"
	       "    ...\n"
	       "\n"
	       "%s\n\n",
	       s->project.app, s->project.web, certfile, keyfile, warning);
}

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct mx_buf keyfile = MX_BUF_INIT, certfile = MX_BUF_INIT;
	struct mx_buf key = MX_BUF_INIT, cert = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	memset(&o, 0, sizeof(o));
	int ret = phx_gen_session_enter(&s, dir, "phx.gen.cert", &sw, &o);
	if (ret)
		goto out;
	const char *path = output ? output : "priv/cert/selfsigned";
	const char *cn = name ? name : "Self-signed test certificate";
	static const char *const localhost[] = {"localhost"};
	const char *const *hosts = cl->args.n ? (const char *const *)cl->args.v : localhost;
	size_t nhosts = cl->args.n ? cl->args.n : 1;
	if (phx_gen_cert_make(2048, cn, hosts, nhosts, s.proj.now, &key, &cert, &err) < 0) {
		ret = phx_gen_mix_raise("Failed to generate the certificate: %s", err.msg);
		goto out;
	}
	mx_buf_addf(&keyfile, "%s_key.pem", path);
	mx_buf_addf(&certfile, "%s.pem", path);
	/* Mix.Generator.create_file, the key first */
	phx_gen_plan_create_secret(&s.plan, keyfile.buf, key.buf, key.len);
	phx_gen_plan_create(&s.plan, certfile.buf, cert.buf, cert.len, false);
	ret = phx_gen_plan_run(&s.plan);
	if (!ret && !sw.dry_run)
		print_instructions(&s, keyfile.buf, certfile.buf);
out:
	if (key.buf)
		OPENSSL_cleanse(key.buf, key.len);
	mx_buf_release(&key);
	mx_buf_release(&cert);
	mx_buf_release(&keyfile);
	mx_buf_release(&certfile);
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_cert = {
    .name = "cert",
    .task = "phx.gen.cert",
    .tool = "phx-gen",
    .shortdoc = "Generates a self-signed certificate for HTTPS testing",
    .synopsis = "[-o PATH] [-n NAME] [HOSTNAME...]",
    .doc = "Generates a self-signed certificate for HTTPS testing, as `mix phx.gen.cert`\n"
           "does.\n"
           "\n"
           "An RSA-2048 private key, PKCS#1 PEM in <PATH>_key.pem (mode 0600; its\n"
           "bytes are never printed), and an X.509 v3 certificate, PEM in <PATH>.pem,\n"
           "self-signed with SHA-256, valid from today for 365 days, for the given\n"
           "host names (default localhost) as subject alternative names; then the\n"
           "config to use them in config/dev.exs. The key and certificate are made\n"
           "with OpenSSL. For testing only: browsers warn about a self-signed\n"
           "certificate.\n"
           "\n"
           "  phx-gen cert\n"
           "  phx-gen cert -o priv/cert/dev -n \"My app\" my-app my-app.local\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
