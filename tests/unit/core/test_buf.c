#include "buf.h"
#include "strvec.h"
#include "arena.h"
#include "unit.h"

#include <stdint.h>

TEST(buf_starts_empty_and_printable)
{
	struct mx_buf b = MX_BUF_INIT;
	CHECK_STR(b.buf, "");
	CHECK_INT(b.len, 0);
	mx_buf_release(&b);
	CHECK_STR(b.buf, "");
}

TEST(buf_add_and_addf_grow)
{
	struct mx_buf b = MX_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		mx_buf_addf(&b, "%d,", i % 10);
	CHECK_INT(b.len, 2000);
	CHECK(!strncmp(b.buf, "0,1,2,", 6));
	CHECK_INT(b.buf[b.len], '\0');
	mx_buf_reset(&b);
	mx_buf_adds(&b, "x");
	mx_buf_addch(&b, 'y');
	mx_buf_addchars(&b, 'z', 3);
	CHECK_STR(b.buf, "xyzzz");
	mx_buf_release(&b);
}

TEST(buf_holds_nul_bytes)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_add(&b, "a\0b", 3);
	CHECK_INT(b.len, 3);
	CHECK(!memcmp(b.buf, "a\0b", 4));
	mx_buf_release(&b);
}

TEST(buf_detach_hands_over_storage)
{
	struct mx_buf b = MX_BUF_INIT;
	size_t n = 99;
	char *s = mx_buf_detach(&b, &n);
	CHECK_STR(s, "");
	CHECK_INT(n, 0);
	free(s);
	mx_buf_adds(&b, "hello");
	s = mx_buf_detach(&b, &n);
	CHECK_STR(s, "hello");
	CHECK_INT(n, 5);
	CHECK_STR(b.buf, "");
	free(s);
}

TEST(strvec_push_sort_find)
{
	struct mx_strvec v = MX_STRVEC_INIT;
	CHECK(v.v[0] == NULL);
	mx_strvec_push(&v, "b");
	mx_strvec_pushf(&v, "%c", 'a');
	mx_strvec_push(&v, "c");
	mx_strvec_sort(&v);
	CHECK_STR(v.v[0], "a");
	CHECK_STR(v.v[2], "c");
	CHECK(v.v[3] == NULL);
	CHECK_INT(mx_strvec_find(&v, "c"), 2);
	CHECK_INT(mx_strvec_find(&v, "z"), -1);
	mx_strvec_clear(&v);
	CHECK_INT(v.n, 0);
}

TEST(arena_allocates_zeroed_aligned_memory)
{
	struct mx_arena a = MX_ARENA_INIT;
	for (int i = 0; i < 10000; i++) {
		long *p = mx_arena_alloc(&a, sizeof(long) * 3);
		CHECK(((uintptr_t)p % sizeof(long)) == 0);
		CHECK(p[0] == 0 && p[2] == 0);
		p[2] = i;
	}
	char *big = mx_arena_alloc(&a, 1 << 20);
	CHECK(big[(1 << 20) - 1] == 0);
	CHECK_STR(mx_arena_strndup(&a, "hello world", 5), "hello");
	mx_arena_release(&a);
	CHECK(a.head == NULL);
}

TEST(release_and_clear_accept_null)
{
	/* the house rule: every release/clear/free takes NULL, like free() */
	mx_buf_release(NULL);
	mx_strvec_clear(NULL);
	mx_arena_release(NULL);
	CHECK(1);
}

UNIT_MAIN()
