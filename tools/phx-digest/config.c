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

#include <string.h>

#include "fsutil.h"
#include "project/project.h"

void phx_digest_zexts(const struct phx_digest_opts *o, struct mx_strvec *out)
{
	for (int z = 0; z < PHX_Z_COUNT; z++)
		if (o->z[z])
			mx_strvec_push(out, phx_digest_z_ext(z));
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
