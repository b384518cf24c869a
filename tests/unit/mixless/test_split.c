/*
 * The front door's small readers: an alias step split as OptionParser.split
 * splits it (the expected words are Elixir's), and a project task's
 * `# @shortdoc` line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mixproj.h"
#include "split.h"
#include "unit.h"

/* The words of s joined with '|'. */
static char *split(const char *s)
{
	struct mx_strvec v = MX_STRVEC_INIT;
	struct mx_buf b = MX_BUF_INIT;
	mixless_split_words(s, &v);
	for (size_t i = 0; i < v.n; i++)
		mx_buf_addf(&b, "%s%s", i ? "|" : "", v.v[i]);
	mx_strvec_clear(&v);
	return mx_buf_detach(&b, NULL);
}

#define CHECK_SPLIT(in, out)                                                                       \
	do {                                                                                       \
		char *got_ = split(in);                                                            \
		CHECK_STR(got_, out);                                                              \
		free(got_);                                                                        \
	} while (0)

TEST(split_blanks)
{
	CHECK_SPLIT("ecto.create --quiet", "ecto.create|--quiet");
	CHECK_SPLIT("  run\tpriv/repo/seeds.exs \n", "run|priv/repo/seeds.exs");
	CHECK_SPLIT("", "");
	CHECK_SPLIT("   ", "");
}

TEST(split_quotes_join_the_word_they_touch)
{
	/* OptionParser.split(~s(foo "bar baz")) == ["foo", "bar baz"] */
	CHECK_SPLIT("foo \"bar baz\"", "foo|bar baz");
	CHECK_SPLIT("foo 'bar baz'", "foo|bar baz");
	/* ~s(--a="b c"d) == ["--a=b cd"] */
	CHECK_SPLIT("--a=\"b c\"d", "--a=b cd");
	/* an empty quoted word is a word */
	CHECK_SPLIT("a \"\" b", "a||b");
	/* unterminated: to the end */
	CHECK_SPLIT("a \"b c", "a|b c");
}

TEST(split_backslashes)
{
	CHECK_SPLIT("a\\ b c", "a b|c");
	CHECK_SPLIT("\"a\\\"b\"", "a\"b");
	/* inside single quotes a backslash is itself */
	CHECK_SPLIT("'a\\b'", "a\\b");
	CHECK_SPLIT("trailing\\", "trailing\\");
}

TEST(shortdoc_line)
{
	char path[] = "/tmp/mixless-unit-shortdocXXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("#!/bin/sh\n#\n#   @shortdoc   Sends a greeting  \n# @shortdoc second\necho\n", f);
	fclose(f);
	char *doc = mixless_read_shortdoc(path);
	CHECK_STR(doc, "Sends a greeting");
	free(doc);
	f = fopen(path, "w");
	fputs("#!/bin/sh\n# @shortdocs no\necho '# @shortdoc in the body'\n", f);
	fclose(f);
	CHECK(mixless_read_shortdoc(path) == NULL);
	unlink(path);
	CHECK(mixless_read_shortdoc(path) == NULL);
}

UNIT_MAIN()
