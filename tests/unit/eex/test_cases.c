/*
 * The EEx differential cases: every tests/fixtures/eex/cases/NAME.eex is
 * rendered with the bindings of NAME.binding.exs (an Elixir keyword list,
 * read with the exs evaluator) and must give NAME.out byte for byte, the
 * output of real Elixir's EEx.eval_file/2 (tests/fixtures/eex/regen.exs
 * wrote it).
 */
#include <stdlib.h>
#include <string.h>

#include "eex/eex.h"
#include "exs/ast.h"
#include "fsutil.h"
#include "strvec.h"
#include "unit.h"

/* Renders case base (path without extension) into out; 0 or -1 with err. */
static int render_case(const char *base, struct mx_buf *out, struct mx_err *err)
{
	struct mx_arena ta = MX_ARENA_INIT, ea = MX_ARENA_INIT;
	struct mx_buf path = MX_BUF_INIT, src = MX_BUF_INIT, bsrc = MX_BUF_INIT;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *kw;
	struct mx_eex *t;
	struct mx_eex_binding vars[32];
	size_t n = 0;
	int ret = -1;
	mx_eval_init(&ev, &ea);
	mx_buf_addf(&path, "%s.binding.exs", base);
	if (mx_fs_read(path.buf, &bsrc, err) < 0 ||
	    mx_exs_parse(&ea, path.buf, bsrc.buf, bsrc.len, &ast, err) < 0 ||
	    mx_eval_expr(&ev, ast, &kw, err) < 0)
		goto out;
	for (size_t i = 0; i < kw->u.list.n && n < 32; i++, n++) {
		vars[n].name = kw->u.list.items[i]->u.tuple.items[0]->u.atom.name;
		vars[n].value = kw->u.list.items[i]->u.tuple.items[1];
	}
	mx_buf_reset(&path);
	mx_buf_addf(&path, "%s.eex", base);
	if (mx_fs_read(path.buf, &src, err) < 0 ||
	    mx_eex_compile(&ta, path.buf, src.buf, src.len, &t, err) < 0 ||
	    mx_eex_render(t, &ev, vars, n, out, err) < 0)
		goto out;
	ret = 0;
out:
	mx_eval_release(&ev);
	mx_arena_release(&ea);
	mx_arena_release(&ta);
	mx_buf_release(&path);
	mx_buf_release(&src);
	mx_buf_release(&bsrc);
	return ret;
}

TEST(cases_match_real_eex)
{
	const char *fixtures = getenv("MIXLESS_FIXTURES");
	CHECK(fixtures != NULL);
	struct mx_buf dir = MX_BUF_INIT;
	struct mx_strvec names = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_buf_addf(&dir, "%s/eex/cases", fixtures);
	CHECK(mx_fs_list(dir.buf, 0, &names, &err) == 0);
	int ncases = 0, nfailed = 0;
	for (size_t i = 0; i < names.n; i++) {
		size_t len = strlen(names.v[i]);
		if (len < 5 || strcmp(names.v[i] + len - 4, ".eex"))
			continue;
		ncases++;
		struct mx_buf base = MX_BUF_INIT, want = MX_BUF_INIT, got = MX_BUF_INIT;
		mx_buf_addf(&base, "%s/%.*s", dir.buf, (int)(len - 4), names.v[i]);
		mx_buf_addf(&want, "%s.out", base.buf);
		struct mx_buf expected = MX_BUF_INIT;
		if (mx_fs_read(want.buf, &expected, &err) < 0) {
			fprintf(stderr, "%s: no expected output: %s\n", names.v[i], err.msg);
			nfailed++;
		} else if (render_case(base.buf, &got, &err) < 0) {
			struct mx_buf m = MX_BUF_INIT;
			mx_err_format(&err, &m);
			fprintf(stderr, "%s: error: %s\n", names.v[i], m.buf);
			mx_buf_release(&m);
			nfailed++;
		} else if (got.len != expected.len || memcmp(got.buf, expected.buf, got.len)) {
			fprintf(stderr, "%s: output differs\n--- want\n%s\n--- got\n%s\n---\n",
			        names.v[i], expected.buf, got.buf);
			nfailed++;
		}
		mx_buf_release(&base);
		mx_buf_release(&want);
		mx_buf_release(&got);
		mx_buf_release(&expected);
	}
	printf("# %d EEx cases, %d failed\n", ncases, nfailed);
	mx_strvec_clear(&names);
	mx_buf_release(&dir);
	CHECK(ncases >= 40);
	CHECK_INT(nfailed, 0);
}

UNIT_MAIN()
