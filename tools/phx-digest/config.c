/*
 * The settings of a run that are not switches: Phoenix's defaults, and the
 * project's say, `config :phoenix, :gzippable_exts` and
 * `:static_compressors`, read for MIX_ENV through the project model.
 *
 * mix phx.digest runs `compile` (which loads config/config.exs and its
 * imports) and starts :phoenix, but never runs app.config, so
 * config/runtime.exs is not read; neither is it here. A directory without
 * mix.exs is not a project: Phoenix's defaults apply.
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

void phx_digest_default_exts(struct mx_strvec *out)
{
	static const char *const exts[] = {".js",   ".map",  ".css", ".txt", ".text",
	                                   ".html", ".json", ".svg", ".eot", ".ttf"};
	for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++)
		mx_strvec_push(out, exts[i]);
}

int phx_digest_project_config(const char *root, struct phx_digest_opts *o, struct mx_err *err)
{
	struct mx_project p = MX_PROJECT_INIT;
	struct mx_project_opts po = {0};
	struct mx_strvec mods = MX_STRVEC_INIT, exts = MX_STRVEC_INIT;
	struct mx_buf mix = MX_BUF_INIT;
	int ret = 0;

	mx_path_join(&mix, root, "mix.exs");
	if (!mx_fs_is_file(mix.buf))
		goto out;
	po.dir = root;
	po.no_runtime = true;
	if (mx_project_load(&p, &po, err) < 0) {
		ret = -1;
		goto out;
	}
	if (mx_project_gzippable_exts(&p, &exts, err) < 0 ||
	    mx_project_static_compressors(&p, &mods, err) < 0) {
		ret = -1;
		goto out;
	}
	mx_strvec_clear(&o->exts);
	for (size_t i = 0; i < exts.n; i++)
		mx_strvec_push(&o->exts, exts.v[i]);
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
	mx_strvec_push(&o->config_files, p.mix_exs);
	for (size_t i = 0; i < p.config.files.n; i++)
		mx_strvec_push(&o->config_files, p.config.files.v[i]);
out:
	mx_project_release(&p);
	mx_strvec_clear(&mods);
	mx_strvec_clear(&exts);
	mx_buf_release(&mix);
	return ret;
}
