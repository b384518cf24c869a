/*
 * secret: `mix phx.gen.secret [LENGTH]`. LENGTH random bytes from
 * OpenSSL's CSPRNG, Base64 without padding, cut to LENGTH characters: the
 * same alphabet and length as :crypto.strong_rand_bytes |>
 * Base.encode64(padding: false) |> binary_part(0, length).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/rand.h>

#include "diag.h"
#include "gen.h"

/* Integer.parse/1 consumed the whole word: an optional sign, then digits
 * only (no blanks, no underscores, no "0x"). A value too large for us is
 * reported as such rather than as a parse error. */
static int parse_length(const char *s, long long *out, bool *huge)
{
	const char *p = s;
	bool neg = false;
	*huge = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return -1;
	long long v = 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (1LL << 40))
			*huge = true;
		else
			v = v * 10 + (*p - '0');
	}
	if (*p)
		return -1;
	*out = neg ? -v : v;
	if (neg && *huge) { /* very negative: still "at least 32" */
		*huge = false;
		*out = -1;
	}
	return 0;
}

/* Base64 (RFC 4648 alphabet, as Base.encode64) of in[0..n), stopping once
 * len characters are out; padding never reaches that far because
 * ceil(4n/3) >= len for n == len. */
static void encode64(const unsigned char *in, size_t n, size_t len, char *out)
{
	static const char abc[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;
	for (size_t i = 0; o < len && i < n; i += 3) {
		unsigned v = (unsigned)in[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)in[i + 1] << 8;
		if (i + 2 < n)
			v |= in[i + 2];
		for (int k = 0; k < 4 && o < len; k++)
			out[o++] = abc[(v >> (18 - 6 * k)) & 63];
	}
	out[o] = '\0';
}

static int invalid_args(void)
{
	return phx_gen_mix_raise(
	    "mix phx.gen.secret expects a length as integer or no argument at all");
}

static int run(const struct mx_cmdline *cl)
{
	/* Phoenix parses no switches here: every word is the length, so
	 * "-5" is a (too small) length and "--foo" is not an integer. The
	 * words as given are read, not the option parser's leftovers. */
	long long length = 64;
	if (cl->argc > 1)
		return invalid_args();
	if (cl->argc == 1) {
		bool huge;
		if (parse_length(cl->argv[0], &length, &huge) < 0)
			return invalid_args();
		if (huge || length > (1LL << 30))
			return phx_gen_mix_raise("The secret length %s is too large", cl->argv[0]);
	}
	if (length < 32)
		return phx_gen_mix_raise("The secret should be at least 32 characters long");
	size_t n = (size_t)length;
	unsigned char *bytes = mx_xmalloc(n);
	char *text = mx_xmalloc(n + 1);
	int ret = MX_EXIT_OK;
	if (RAND_bytes(bytes, (int)n) != 1) {
		unsigned long e = ERR_get_error();
		ret = mx_diag_fail(MX_EXIT_FAIL, "cannot get random bytes from OpenSSL: %s",
		                   e ? ERR_reason_error_string(e) : "unknown error");
		goto out;
	}
	encode64(bytes, n, n, text);
	/* Mix.shell().info: the line and a newline */
	printf("%s\n", text);
	if (fflush(stdout) != 0)
		ret = mx_diag_fail(MX_EXIT_FAIL, "cannot write the secret: %s", strerror(errno));
out:
	OPENSSL_cleanse(bytes, n);
	OPENSSL_cleanse(text, n + 1);
	free(bytes);
	free(text);
	return ret;
}

const struct mx_command phx_gen_cmd_secret = {
    .name = "secret",
    .task = "phx.gen.secret",
    .tool = "phx-gen",
    .shortdoc = "Generates a secret",
    .synopsis = "[LENGTH]",
    .doc = "Generates a secret and prints it, as `mix phx.gen.secret` does.\n"
           "\n"
           "LENGTH (default 64, at least 32) characters of Base64 (without padding)\n"
           "of as many random bytes from OpenSSL's CSPRNG, for secret_key_base and\n"
           "signing salts. Needs no project.\n"
           "\n"
           "  phx-gen secret\n"
           "  phx-gen secret 32\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = run,
};
