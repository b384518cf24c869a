/*
 * gen_plan: the writer every generator goes through (see gen_plan.h): a
 * plan of whole files, Phoenix's questions asked before anything is
 * written, path checks, atomic writes, and Mix's "* creating" lines.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "gen_plan.h"

void phx_gen_plan_init(struct gen_plan *p, const char *root, const struct gen_switches *sw)
{
	memset(p, 0, sizeof(*p));
	p->root = strdup(root);
	p->sw = *sw;
	p->stamps = (struct mx_strvec)MX_STRVEC_INIT;
	p->allowed = (struct mx_strvec)MX_STRVEC_INIT;
}

/* Zeroes the plan's copies of secret files (private keys) before they are
 * freed; volatile, since a memset before free may be optimised away. */
static void wipe_secrets(struct gen_plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		if (!p->files[i].secret)
			continue;
		volatile char *v = p->files[i].data.buf;
		for (size_t k = 0; k < p->files[i].data.len; k++)
			v[k] = 0;
	}
}

void phx_gen_plan_release(struct gen_plan *p)
{
	if (!p)
		return;
	wipe_secrets(p);
	for (size_t i = 0; i < p->n; i++) {
		free(p->files[i].path);
		free(p->files[i].suffix);
		free(p->files[i].display);
		mx_buf_release(&p->files[i].data);
	}
	free(p->files);
	free(p->root);
	mx_strvec_clear(&p->stamps);
	mx_strvec_clear(&p->allowed);
	memset(p, 0, sizeof(*p));
}

/* ---- Path safety ----------------------------------------------------------- */

/* The root, resolved, so that a symlinked root itself is fine. */
static int resolved_root(const struct gen_plan *p, char *out)
{
	return realpath(p->root, out) ? 0 : -1;
}

static bool under(const char *path, const char *root)
{
	size_t n = strlen(root);
	return !strncmp(path, root, n) && (path[n] == '/' || path[n] == '\0' || n == 1);
}

/* Refuses absolute paths, "..", and paths whose deepest existing part
 * (the file itself when it exists, symlinks followed) lies outside. */
void phx_gen_plan_allow(struct gen_plan *p, const char *dir)
{
	struct mx_buf n = MX_BUF_INIT;
	mx_path_normalize(&n, dir);
	while (n.len > 1 && n.buf[n.len - 1] == '/')
		n.buf[--n.len] = '\0';
	mx_strvec_push(&p->allowed, n.buf);
	mx_buf_release(&n);
}

/* The allowed directory (relative to the root) that rel lies in, or NULL. */
static const char *allowed_dir(const struct gen_plan *p, const char *rel)
{
	struct mx_buf n = MX_BUF_INIT;
	const char *hit = NULL;
	mx_path_normalize(&n, rel);
	for (size_t i = 0; i < p->allowed.n && !hit; i++) {
		size_t l = strlen(p->allowed.v[i]);
		if (!strncmp(n.buf, p->allowed.v[i], l) && n.buf[l] == '/' &&
		    mx_path_is_contained(n.buf + l + 1))
			hit = p->allowed.v[i];
	}
	mx_buf_release(&n);
	return hit;
}

static int check_path(struct gen_plan *p, const char *rel)
{
	char root[PATH_MAX], real[PATH_MAX], other[PATH_MAX];
	struct mx_buf b = MX_BUF_INIT, norm = MX_BUF_INIT;
	int ret = 0;
	const char *extra = rel[0] == '/' ? NULL : allowed_dir(p, rel);
	other[0] = '\0';
	if (extra) {
		/* the context app of an umbrella (../hello), as Phoenix writes it */
		mx_path_join(&b, p->root, extra);
		if (!realpath(b.buf, other))
			other[0] = '\0';
		mx_buf_reset(&b);
	}
	if (!*rel || rel[0] == '/' || (!extra && !mx_path_is_contained(rel))) {
		ret = mx_err_set(&p->err, MX_ERR_OTHER,
		                 "refusing to write '%s': the path leaves the project root", rel);
		goto out;
	}
	if (resolved_root(p, root) < 0) {
		ret = mx_err_errno(&p->err, "cannot resolve", p->root);
		goto out;
	}
	mx_path_join(&b, p->root, rel);
	mx_path_normalize(&norm, b.buf);
	/* Walk up to something that exists; a dangling symlink counts as
	 * existing (lstat) and fails realpath: refused as well. */
	for (;;) {
		struct stat st;
		if (lstat(norm.buf, &st) == 0) {
			if (!realpath(norm.buf, real) ||
			    !(under(real, root) || (other[0] && under(real, other))))
				ret = mx_err_set(
				    &p->err, MX_ERR_OTHER,
				    "refusing to write '%s': a symlink leads outside the "
				    "project root",
				    rel);
			break;
		}
		char *slash = strrchr(norm.buf, '/');
		if (!slash || slash == norm.buf)
			break;
		*slash = '\0';
	}
out:
	mx_buf_release(&b);
	mx_buf_release(&norm);
	if (ret < 0)
		p->failed = true;
	return ret;
}

/* ---- Entries ------------------------------------------------------------------ */

static struct gen_file *add(struct gen_plan *p, enum gen_file_kind kind, const char *path)
{
	if (p->n == p->alloc) {
		p->alloc = p->alloc ? 2 * p->alloc : 16;
		p->files = realloc(p->files, p->alloc * sizeof(*p->files));
		if (!p->files)
			abort();
	}
	struct gen_file *f = &p->files[p->n++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->path = strdup(path);
	f->data = (struct mx_buf)MX_BUF_INIT;
	return f;
}

static void disk_path(const struct gen_plan *p, const char *rel, struct mx_buf *out)
{
	mx_path_join(out, p->root, rel);
}

/* A file whose whole content is known now: the path checked, then queued.
 * NULL when the path is refused (the plan's error says why). */
static struct gen_file *add_data(struct gen_plan *p, enum gen_file_kind kind, const char *path,
                                 const char *data, size_t n)
{
	if (check_path(p, path) < 0)
		return NULL;
	struct gen_file *f = add(p, kind, path);
	mx_buf_add(&f->data, data, n);
	return f;
}

int phx_gen_plan_create(struct gen_plan *p, const char *path, const char *data, size_t n,
                        bool conflict_check)
{
	struct gen_file *f = add_data(p, GEN_FILE_CREATE, path, data, n);
	if (!f)
		return -1;
	f->conflict_check = conflict_check;
	return 0;
}

int phx_gen_plan_create_secret(struct gen_plan *p, const char *path, const char *data, size_t n)
{
	struct gen_file *f = add_data(p, GEN_FILE_CREATE, path, data, n);
	if (!f)
		return -1;
	f->secret = true;
	return 0;
}

int phx_gen_plan_new(struct gen_plan *p, const char *path, const char *data, size_t n)
{
	return add_data(p, GEN_FILE_NEW, path, data, n) ? 0 : -1;
}

int phx_gen_plan_update(struct gen_plan *p, const char *path, const char *data, size_t n)
{
	return add_data(p, GEN_FILE_UPDATE, path, data, n) ? 0 : -1;
}

int phx_gen_plan_injected(struct gen_plan *p, const char *path, const char *data, size_t n,
                          const char *suffix)
{
	struct gen_file *f = add_data(p, GEN_FILE_INJECT, path, data ? data : "", data ? n : 0);
	if (!f)
		return -1;
	f->skip = !data;
	f->suffix = suffix ? strdup(suffix) : NULL;
	return 0;
}

void phx_gen_plan_display(struct gen_plan *p, const char *display)
{
	if (!p->n)
		return;
	free(p->files[p->n - 1].display);
	p->files[p->n - 1].display = strdup(display);
}

void phx_gen_plan_note(struct gen_plan *p, const char *text, bool to_stderr)
{
	struct gen_file *f = add(p, GEN_FILE_NOTE, "");
	mx_buf_adds(&f->data, text);
	f->skip = true;
	f->to_stderr = to_stderr;
}

int phx_gen_plan_mkdir(struct gen_plan *p, const char *path)
{
	if (check_path(p, path) < 0)
		return -1;
	add(p, GEN_FILE_MKDIR, path);
	return 0;
}

/* The last entry that gives path's content this run, or NULL (the disk
 * has it). A :new_eex file that exists keeps its content. */
static const struct gen_file *planned(const struct gen_plan *p, const char *path)
{
	for (size_t i = p->n; i-- > 0;) {
		const struct gen_file *f = &p->files[i];
		if (f->kind == GEN_FILE_MKDIR || f->kind == GEN_FILE_NOTE || f->skip ||
		    strcmp(f->path, path))
			continue;
		if (f->kind == GEN_FILE_NEW) {
			struct mx_buf d = MX_BUF_INIT;
			disk_path(p, path, &d);
			bool there = mx_fs_exists(d.buf);
			mx_buf_release(&d);
			if (there)
				continue;
		}
		return f;
	}
	return NULL;
}

const char *phx_gen_plan_content(struct gen_plan *p, const char *path, struct mx_buf *tmp,
                                 size_t *len)
{
	const struct gen_file *f = planned(p, path);
	if (f) {
		*len = f->data.len;
		return f->data.buf;
	}
	struct mx_buf d = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	disk_path(p, path, &d);
	mx_buf_reset(tmp);
	int r = mx_fs_is_file(d.buf) ? mx_fs_read(d.buf, tmp, &err) : -1;
	mx_buf_release(&d);
	if (r < 0)
		return NULL;
	*len = tmp->len;
	return tmp->buf;
}

bool phx_gen_plan_exists(struct gen_plan *p, const char *path)
{
	/* no read: only whether there is something to read */
	if (planned(p, path))
		return true;
	struct mx_buf d = MX_BUF_INIT;
	disk_path(p, path, &d);
	bool there = mx_fs_is_file(d.buf);
	mx_buf_release(&d);
	return there;
}

static bool contains(const char *h, size_t hn, const char *needle, size_t nn)
{
	if (!nn)
		return true;
	for (size_t i = 0; i + nn <= hn; i++)
		if (!memcmp(h + i, needle, nn))
			return true;
	return false;
}

/* What both injects start with: the content to inject into (*base, *len;
 * tmp may hold it). -1 when the path is refused or there is no such file
 * (the plan's error says why), 0 when the snippet is already there (nothing
 * to do), 1 to go on. */
static int inject_base(struct gen_plan *p, const char *path, const char *snippet, size_t n,
                       struct mx_buf *tmp, const char **base, size_t *len)
{
	if (check_path(p, path) < 0)
		return -1;
	*base = phx_gen_plan_content(p, path, tmp, len);
	if (!*base) {
		p->failed = true;
		return mx_err_set(&p->err, MX_ERR_IO, "cannot inject into '%s': no such file",
		                  path);
	}
	return contains(*base, *len, snippet, n) ? 0 : 1;
}

int phx_gen_plan_inject(struct gen_plan *p, const char *path, const char *snippet, size_t n,
                        bool *done)
{
	struct mx_buf tmp = MX_BUF_INIT;
	const char *base;
	size_t len;
	if (done)
		*done = false;
	int r = inject_base(p, path, snippet, n, &tmp, &base, &len);
	if (r <= 0) {
		mx_buf_release(&tmp);
		return r;
	}
	/* String.trim_trailing(file) |> String.trim_trailing("end") */
	while (len && (base[len - 1] == ' ' || base[len - 1] == '\n' || base[len - 1] == '\t' ||
	               base[len - 1] == '\r'))
		len--;
	while (len >= 3 && !memcmp(base + len - 3, "end", 3))
		len -= 3;
	struct gen_file *f = add(p, GEN_FILE_INJECT, path);
	mx_buf_add(&f->data, base, len);
	mx_buf_add(&f->data, snippet, n);
	mx_buf_adds(&f->data, "end\n");
	mx_buf_release(&tmp);
	if (done)
		*done = true;
	return 0;
}

int phx_gen_plan_inject_after(struct gen_plan *p, const char *path, const char *anchor,
                              const char *insert, const char *snippet, int *state)
{
	struct mx_buf tmp = MX_BUF_INIT;
	const char *base;
	size_t len;
	*state = GEN_INJECT_PRESENT;
	int r = inject_base(p, path, snippet, strlen(snippet), &tmp, &base, &len);
	if (r <= 0) {
		mx_buf_release(&tmp);
		return r;
	}
	struct gen_file *f = add(p, GEN_FILE_INJECT, path);
	size_t al = strlen(anchor);
	const char *hit = NULL;
	for (size_t i = 0; al && i + al <= len && !hit; i++)
		if (!memcmp(base + i, anchor, al))
			hit = base + i;
	if (!hit) {
		/* printed, never written */
		mx_buf_add(&f->data, base, len);
		f->skip = true;
		*state = GEN_INJECT_NO_ANCHOR;
	} else {
		mx_buf_add(&f->data, base, (size_t)(hit - base) + al);
		mx_buf_adds(&f->data, insert);
		mx_buf_add(&f->data, hit + al, len - (size_t)(hit - base) - al);
		*state = GEN_INJECT_DONE;
	}
	mx_buf_release(&tmp);
	return 0;
}

/* ---- Migration versions ------------------------------------------------------- */

void phx_gen_plan_timestamp(struct gen_plan *p, const char *dir, time_t now, struct mx_buf *out)
{
	struct mx_buf d = MX_BUF_INIT;
	struct mx_strvec names = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	char stamp[32];
	disk_path(p, dir, &d);
	mx_fs_list(d.buf, 0, &names, &err);
	for (time_t t = now;; t++) {
		struct tm tm;
		gmtime_r(&t, &tm);
		/* "#{y}#{pad(m)}..." (the year is not padded) */
		snprintf(stamp, sizeof(stamp), "%d%02d%02d%02d%02d%02d", tm.tm_year + 1900,
		         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		size_t sl = strlen(stamp);
		bool taken = mx_strvec_find(&p->stamps, stamp) >= 0;
		for (size_t i = 0; i < names.n && !taken; i++)
			taken = !strncmp(names.v[i], stamp, sl) && names.v[i][sl] == '_';
		if (!taken)
			break;
	}
	mx_strvec_push(&p->stamps, stamp);
	mx_buf_adds(out, stamp);
	mx_strvec_clear(&names);
	mx_buf_release(&d);
}

/* ---- Output and questions -------------------------------------------------------- */

void phx_gen_print_action(const char *verb, const char *path)
{
	/* Mix.shell().info([:green, "* creating ", :reset, path]) */
	printf("%s* %s %s%s\n", mx_diag_ansi(stdout, MX_GREEN), verb,
	       mx_diag_ansi(stdout, MX_RESET), path);
}

int phx_gen_mix_raise(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fprintf(stderr, "%s** (Mix) ", mx_diag_ansi(stderr, MX_RED));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s\n", mx_diag_ansi(stderr, MX_RESET));
	return MX_EXIT_FAIL;
}

int phx_gen_yes(const struct gen_switches *sw, const char *question)
{
	char line[64];
	if (sw->yes)
		return 1;
	if (!isatty(STDIN_FILENO)) {
		fflush(stdout);
		fprintf(stderr,
		        "%s: cannot ask \"%s\": stdin is not a terminal; nothing was written (pass "
		        "--yes to answer yes)\n",
		        mx_diag_prog(), question);
		return -1;
	}
	/* Mix.shell().yes?: an empty answer, y and yes mean yes */
	printf("%s [Yn] ", question);
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return 0;
	line[strcspn(line, "\r\n")] = '\0';
	char *s = line;
	while (*s == ' ')
		s++;
	for (char *q = s; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return !*s || !strcmp(s, "y") || !strcmp(s, "yes");
}

static const char *verb_of(const struct gen_file *f)
{
	switch (f->kind) {
	case GEN_FILE_INJECT:
		return "injecting";
	case GEN_FILE_UPDATE:
		return "updating";
	default:
		return "creating";
	}
}

static void look(struct gen_plan *p, struct gen_file *f)
{
	struct mx_buf d = MX_BUF_INIT, old = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	if (f->kind == GEN_FILE_NOTE)
		return;
	disk_path(p, f->path, &d);
	f->exists = mx_fs_exists(d.buf);
	if (f->exists && f->kind != GEN_FILE_MKDIR && mx_fs_read(d.buf, &old, &err) == 0)
		f->same = old.len == f->data.len && !memcmp(old.buf, f->data.buf, old.len);
	mx_buf_release(&d);
	mx_buf_release(&old);
}

static int ask_conflicts(struct gen_plan *p)
{
	/* Mix.Phoenix.prompt_for_conflicts/1 */
	struct mx_buf list = MX_BUF_INIT;
	for (size_t i = 0; i < p->n; i++) {
		struct gen_file *f = &p->files[i];
		if (f->kind == GEN_FILE_CREATE && f->conflict_check && f->exists)
			mx_buf_addf(&list, "%s  * %s", list.len ? "\n" : "", f->path);
	}
	int r = 1;
	if (list.len) {
		printf("The following files conflict with new files to be generated:\n\n%s\n\n"
		       "See the --web option to namespace similarly named resources\n\n",
		       list.buf);
		r = phx_gen_yes(&p->sw, "Proceed with interactive overwrite?");
	}
	mx_buf_release(&list);
	return r;
}

int phx_gen_plan_prepare(struct gen_plan *p, bool *go_on)
{
	*go_on = false;
	if (p->failed)
		return phx_gen_mix_raise("%s", p->err.msg);
	for (size_t i = 0; i < p->n; i++)
		look(p, &p->files[i]);
	if (!p->sw.dry_run) {
		int r = ask_conflicts(p);
		if (r < 0)
			return MX_EXIT_FAIL;
		if (r == 0)
			return MX_EXIT_OK; /* Phoenix's System.halt() */
	}
	*go_on = true;
	return MX_EXIT_OK;
}

int phx_gen_plan_run(struct gen_plan *p)
{
	bool go_on;
	int r = phx_gen_plan_prepare(p, &go_on);
	return go_on ? phx_gen_plan_commit(p) : r;
}

static bool asks(const struct gen_plan *p, const struct gen_file *f)
{
	return f->kind == GEN_FILE_CREATE && f->exists && !f->same && !f->skip && !p->sw.dry_run;
}

static int ask_overwrite(struct gen_plan *p, struct gen_file *f)
{
	struct mx_buf q = MX_BUF_INIT;
	mx_buf_addf(&q, "%s already exists, overwrite?", f->path);
	int r = phx_gen_yes(&p->sw, q.buf);
	mx_buf_release(&q);
	return r;
}

static bool superseded(const struct gen_plan *p, size_t i)
{
	for (size_t j = i + 1; j < p->n; j++)
		if (!p->files[j].skip && p->files[j].kind != GEN_FILE_MKDIR &&
		    p->files[j].kind != GEN_FILE_NOTE &&
		    !strcmp(p->files[i].path, p->files[j].path))
			return true;
	return false;
}

int phx_gen_plan_commit(struct gen_plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->files[i].kind == GEN_FILE_NEW && p->files[i].exists)
			p->files[i].skip = true;
	/* A question that cannot be asked fails the run before any write. */
	if (!p->sw.yes && !isatty(STDIN_FILENO)) {
		for (size_t i = 0; i < p->n; i++) {
			if (asks(p, &p->files[i])) {
				ask_overwrite(p, &p->files[i]); /* says why */
				return MX_EXIT_FAIL;
			}
		}
	}
	/* Every file is written to its temp file first, unsynced; one syncfs
	 * makes them all durable, then the renames put them in place and a
	 * second syncfs makes the renames durable. Two syncs instead of two
	 * fsyncs per file (about 10 ms each on a busy virtual disk), and a
	 * failure before the renames leaves no file of this run in place. */
	struct mx_atomic *af = mx_xcalloc(p->n ? p->n : 1, sizeof(*af));
	struct mx_err err = MX_ERR_INIT;
	int r = 0;
	bool wrote = false;
	for (size_t i = 0; i < p->n; i++)
		af[i] = (struct mx_atomic)MX_ATOMIC_INIT;
	for (size_t i = 0; i < p->n && r == 0; i++) {
		struct gen_file *f = &p->files[i];
		if (f->kind == GEN_FILE_NEW && f->skip)
			continue;
		if (f->kind == GEN_FILE_NOTE) {
			fflush(stdout);
			fputs(f->data.buf, f->to_stderr ? stderr : stdout);
			continue;
		}
		/* Mix.Generator.create_file: the line first, then the question */
		printf("%s* %s %s%s%s\n", mx_diag_ansi(stdout, MX_GREEN), verb_of(f),
		       mx_diag_ansi(stdout, MX_RESET), f->display ? f->display : f->path,
		       f->suffix ? f->suffix : "");
		if (asks(p, f)) {
			int yes = ask_overwrite(p, f);
			if (yes < 0) {
				for (size_t j = 0; j < p->n; j++)
					mx_atomic_abort(&af[j]);
				free(af);
				return MX_EXIT_FAIL;
			}
			if (yes == 0) {
				/* what this run would inject into it was built on our
				 * content: the user's file keeps its own */
				for (size_t j = i; j < p->n; j++)
					if (!strcmp(p->files[j].path, f->path))
						p->files[j].skip = true;
			}
		}
		if (p->sw.dry_run || f->skip || superseded(p, i))
			continue;
		struct mx_buf d = MX_BUF_INIT;
		disk_path(p, f->path, &d);
		if (f->kind == GEN_FILE_MKDIR) {
			r = mx_fs_mkdir_p(d.buf, 0777, &err);
		} else if (!(f->same && f->kind == GEN_FILE_CREATE)) {
			char *dir = mx_path_dirname(d.buf);
			r = mx_fs_mkdir_p(dir, 0777, &err);
			free(dir);
			if (r == 0)
				r = mx_atomic_open(&af[i], d.buf, f->secret ? 0600 : 0666, &err);
			if (r == 0) {
				af[i].flags = MX_ATOMIC_NO_SYNC;
				mx_atomic_write(&af[i], f->data.buf, f->data.len);
				wrote = true;
			}
		}
		mx_buf_release(&d);
	}
	if (r == 0 && wrote)
		r = mx_fs_syncfs(p->root, &err);
	for (size_t i = 0; i < p->n; i++) {
		if (r == 0 && af[i].tmp)
			r = mx_atomic_commit(&af[i], &err);
		else
			mx_atomic_abort(&af[i]);
	}
	if (r == 0 && wrote)
		r = mx_fs_syncfs(p->root, &err);
	free(af);
	if (r < 0) {
		fflush(stdout);
		return mx_diag_error(&err);
	}
	fflush(stdout);
	return MX_EXIT_OK;
}
