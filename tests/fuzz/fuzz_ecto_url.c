/*
 * fuzz_ecto_url: ecto-migrate's handling of database URLs, which come from
 * the command line, the environment and config files: the rewrite for libpq
 * (scheme, ssl=, unknown parameters) and the password redaction used in
 * messages. Neither may crash, leak, or read out of bounds, and a redacted
 * URL must never still hold the password of a well-formed user:password@.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ecto_migrate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = mx_xstrndup((const char *)data, size);
	char *fixed = em_libpq_url(s);
	char *red = em_redact(s);
	char *perr = NULL;
	PQconninfoOption *opts = PQconninfoParse(fixed, &perr);

	/* scheme://user:secret@host: the secret is gone after redaction */
	const char *sch = strstr(s, "://");
	if (sch) {
		const char *auth = sch + 3, *at = strchr(auth, '@'), *slash = strchr(auth, '/');
		const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
		if (at && colon && (!slash || at < slash) && at - colon > 8) {
			char secret[64];
			size_t n = (size_t)(at - colon - 1);
			if (n < sizeof(secret) && !memchr(colon + 1, '*', n)) {
				memcpy(secret, colon + 1, n);
				secret[n] = '\0';
				/* it may appear elsewhere (user == password) */
				struct mx_buf rest = MX_BUF_INIT;
				mx_buf_add(&rest, s, (size_t)(colon + 1 - s));
				mx_buf_adds(&rest, at);
				if (strstr(red, secret) && !strstr(rest.buf, secret))
					abort();
				mx_buf_release(&rest);
			}
		}
	}
	if (opts)
		PQconninfoFree(opts);
	PQfreemem(perr);
	free(red);
	free(fixed);
	free(s);
	return 0;
}
