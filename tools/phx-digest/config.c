/*
 * The settings of a run that are not switches: Phoenix's defaults, and the
 * project's say, `config :phoenix, :gzippable_exts` and
 * `:static_compressors`, read for MIX_ENV through the project model.
 *
 * mix phx.digest runs `compile` (which loads config/config.exs and its
 * imports) and starts :phoenix, but never runs app.config, so
 * config/runtime.exs is not read; neither is it here. A directory without
 * mix.exs is not a project (mx_project_enter, gently): Phoenix's defaults
 * apply, as the project model gives them.
 */
#include "digest.h"

#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "project/project.h"

void phx_digest_zexts(const struct phx_digest_opts *o, struct mx_strvec *out)
{
	for (int z = 0; z < PHX_Z_COUNT; z++)
		if (o->z[z])
			mx_strvec_push(out, phx_digest_z_ext(z));
}

/* Outside a project there is no _build: the user's cache directory, as
 * ccache and pip keep theirs ($XDG_CACHE_HOME, else ~/.cache), or none. */
static char *user_cache_dir(void)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	/* the XDG spec: a relative value is invalid and ignored */
	if (xdg && xdg[0] == '/')
		mx_path_join(&b, xdg, "mixless/phx-digest");
	else if (home && home[0] == '/')
		mx_path_join(&b, home, ".cache/mixless/phx-digest");
	else
		return NULL;
	return mx_buf_detach(&b, NULL);
}

int phx_digest_project_config(const struct mx_project *p, struct phx_digest_opts *o,
                              struct mx_err *err)
{
	struct mx_strvec mods = MX_STRVEC_INIT;
	int ret = -1;

	mx_strvec_clear(&o->exts);
	if (mx_project_gzippable_exts(p, &o->exts, err) < 0 ||
	    mx_project_static_compressors(p, &mods, err) < 0)
		goto out;
	o->z[PHX_Z_GZIP] = false;
	for (size_t i = 0; i < mods.n; i++) {
		if (!strcmp(mods.v[i], "Phoenix.Digester.Gzip"))
			o->z[PHX_Z_GZIP] = true;
		else
			mx_diag_warn("static compressor %s is Elixir code and is not run; "
			             "use --brotli or --zstd for those formats",
			             mods.v[i]);
	}
	free(o->default_cache_dir);
	o->default_cache_dir = p->found ? phx_digest_build_dir(p) : user_cache_dir();
	/* the config files decide the output: the depfile names them */
	if (p->found) {
		mx_strvec_push(&o->config_files, p->mix_exs);
		for (size_t i = 0; i < p->config.files.n; i++)
			mx_strvec_push(&o->config_files, p->config.files.v[i]);
	}
	ret = 0;
out:
	mx_strvec_clear(&mods);
	return ret;
}

/* A :build_path or :deps_build_path of project/0, when a plain string. */
static const char *project_str(const struct mx_project *p, const char *key)
{
	const struct mx_term *t = p->project_kw ? mx_term_kw_get(p->project_kw, key) : NULL;
	return t && t->type == MX_TERM_BINARY && !memchr(t->u.bin.data, '\0', t->u.bin.len)
	           ? t->u.bin.data
	           : NULL;
}

char *phx_digest_build_dir(const struct mx_project *p)
{
	struct mx_buf rel = MX_BUF_INIT, abs = MX_BUF_INIT, out = MX_BUF_INIT;
	const char *whole = getenv("MIX_BUILD_PATH");
	if (!whole || !*whole)
		whole = project_str(p, "deps_build_path");
	if (whole) {
		mx_buf_adds(&rel, whole);
	} else {
		const char *root = getenv("MIX_BUILD_ROOT");
		if (!root || !*root)
			root = project_str(p, "build_path");
		mx_buf_adds(&rel, root ? root : "_build");
		mx_buf_addch(&rel, '/');
		if (p->target && strcmp(p->target, "host"))
			mx_buf_addf(&rel, "%s_", p->target);
		const struct mx_term *per =
		    p->project_kw ? mx_term_kw_get(p->project_kw, "build_per_environment") : NULL;
		mx_buf_adds(&rel, per && mx_term_is_atom(per, "false") ? "shared"
		                                                       : (p->env ? p->env : "dev"));
	}
	/* Path.expand: relative to the project root */
	mx_path_join(&abs, p->root ? p->root : ".", rel.buf);
	mx_path_normalize(&out, abs.buf);
	mx_buf_reset(&abs);
	mx_path_join(&abs, out.buf, "mixless");
	mx_buf_release(&rel);
	mx_buf_release(&out);
	return mx_buf_detach(&abs, NULL);
}
