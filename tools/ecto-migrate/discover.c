/*
 * discover: finding migration files the way Ecto.Migrator does:
 * <dir>/ ** / *.{ex,exs} whose base name parses as <integer>_<name>, all
 * directories together, sorted as Elixir sorts {version, name, path} tuples.
 * Plain .sql migrations (mixless's own) are found the same way, except a
 * .sql beside an .exs or .ex of the same root name: mix runs only .ex/.exs,
 * and such a file is the data that migration reads (firezone's
 * `File.read!(Path.join(__DIR__, ...".sql"))`), not a migration of its own.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ecto_migrate.h"
#include "fsutil.h"

void em_files_clear(struct em_files *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].path);
	}
	free(f->v);
	f->v = NULL;
	f->n = f->alloc = 0;
}

/* Integer.parse/1 on the root name: optional sign, digits; then "_name". */
static bool parse_name(const char *base, size_t len, int64_t *version, const char **name,
                       size_t *name_len)
{
	size_t i = 0;
	bool neg = false;
	long long v = 0;

	if (i < len && (base[i] == '+' || base[i] == '-'))
		neg = base[i++] == '-';
	if (i >= len || !isdigit((unsigned char)base[i]))
		return false;
	for (; i < len && isdigit((unsigned char)base[i]); i++) {
		if (v > (INT64_MAX - 9) / 10)
			return false; /* a bignum: no migration of ours */
		v = v * 10 + (base[i] - '0');
	}
	if (i >= len || base[i] != '_')
		return false;
	*version = neg ? -v : v;
	*name = base + i + 1;
	*name_len = len - i - 1;
	return true;
}

/* The .sql file at path (ext points at its ".sql") has an .exs or .ex
 * sibling with the same root name. */
static bool sql_has_elixir_sibling(const char *path, const char *ext)
{
	struct mx_buf p = MX_BUF_INIT;
	bool found;

	mx_buf_add(&p, path, (size_t)(ext - path));
	mx_buf_adds(&p, ".exs");
	found = mx_fs_is_file(p.buf);
	if (!found) {
		mx_buf_setlen(&p, p.len - 1); /* ".ex" */
		found = mx_fs_is_file(p.buf);
	}
	mx_buf_release(&p);
	return found;
}

static int visit(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	struct em_files *out = ctx;
	const char *base = mx_path_basename(path);
	const char *ext = mx_path_ext(base);
	size_t root_len = strlen(base) - strlen(ext);
	const char *name;
	size_t name_len;
	int64_t version;

	if (!S_ISREG(st->st_mode))
		return MX_WALK_CONTINUE;
	if (strcmp(ext, ".exs") && strcmp(ext, ".ex") && strcmp(ext, ".sql"))
		return MX_WALK_CONTINUE;
	if (!parse_name(base, root_len, &version, &name, &name_len))
		return MX_WALK_CONTINUE;
	if (!strcmp(ext, ".sql") && sql_has_elixir_sibling(path, ext))
		return MX_WALK_CONTINUE;
	if (!strcmp(ext, ".ex")) {
		/* ecto_sql 3.12+ skips these with an IO.warn. */
		fprintf(stderr,
		        "%swarning:%s file looks like a migration but ends in .ex. "
		        "Migration files should end in .exs. Use \"mix ecto.gen.migration\" "
		        "to generate migration files with the correct extension.\n"
		        "\u2514\u2500 %s: (file)\n\n",
		        mx_diag_ansi(stderr, MX_YELLOW), mx_diag_ansi(stderr, MX_RESET),
		        em_display_path(path));
		return MX_WALK_CONTINUE;
	}
	(void)rel;
	MX_ALLOC_GROW(out->v, out->n + 1, out->alloc);
	out->v[out->n].version = version;
	out->v[out->n].name = mx_xstrndup(name, name_len);
	out->v[out->n].path = mx_xstrdup(path);
	out->n++;
	return MX_WALK_CONTINUE;
}

static int cmp_file(const void *a, const void *b)
{
	const struct em_file *x = a, *y = b;
	int c;
	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	if ((c = strcmp(x->name, y->name)))
		return c;
	return strcmp(x->path, y->path);
}

int em_discover(const struct mx_strvec *paths, struct em_files *out, struct mx_err *err)
{
	for (size_t i = 0; i < paths->n; i++) {
		/* Path.wildcard skips dot files, as MX_WALK without HIDDEN. */
		if (!mx_fs_is_dir(paths->v[i]))
			continue;
		if (mx_fs_walk(paths->v[i], MX_WALK_FOLLOW, visit, out, err) < 0)
			return -1;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(out->v[0]), cmp_file);
	return 0;
}

int em_discover_repo(const struct em_repo *r, const struct em_opts *o, struct em_files *out)
{
	struct mx_strvec paths = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	int ret = MX_EXIT_OK;

	em_repo_migrations_paths(r, o, &paths);
	for (size_t i = 0; i < paths.n && !ret; i++)
		if (!mx_fs_is_dir(paths.v[i]))
			ret = em_mix_raise(
			    "Could not find migrations directory \"%s\"\nfor repo %s.\n\n"
			    "This may be because you are in a new project and the\n"
			    "migration directory has not been created yet. Creating an\n"
			    "empty directory at the path above will fix this error.\n\n"
			    "If you expected existing migrations to be found, please\n"
			    "make sure your repository has been properly configured\n"
			    "and the configured path exists.\n",
			    em_display_path(paths.v[i]), r->module);
	if (!ret && em_discover(&paths, out, &err) < 0)
		ret = mx_diag_error(&err);
	mx_strvec_clear(&paths);
	return ret;
}

int em_check_duplicates(const struct em_file *const *files, size_t n, struct mx_err *err)
{
	/* Ecto checks each entry against the ones after it, version first. */
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++)
			if (files[j]->version == files[i]->version)
				return mx_err_set(err, MX_ERR_OTHER,
				                  "migrations can't be executed, migration version "
				                  "%lld is duplicated",
				                  (long long)files[i]->version);
		for (size_t j = i + 1; j < n; j++)
			if (!strcmp(files[j]->name, files[i]->name))
				return mx_err_set(
				    err, MX_ERR_OTHER,
				    "migrations can't be executed, migration name %s is duplicated",
				    files[i]->name);
	}
	return 0;
}
