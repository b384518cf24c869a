/*
 * lock: the migration lock, the same one ecto_sql takes so that mix and
 * ecto-migrate serialize against each other.
 *
 * Table lock (the default): a transaction on the lock connection holding
 * LOCK TABLE "schema_migrations" IN SHARE UPDATE EXCLUSIVE MODE, a mode that
 * conflicts with itself but not with reads and writes of the table.
 *
 * Advisory lock: SELECT pg_try_advisory_lock(<key>) with
 * key = :erlang.phash2({:ecto, prefix, repo_module}), retried every
 * migration_advisory_lock_retry_interval_ms. The key must be bit-for-bit
 * Erlang's, so phash2 is implemented here from its definition
 * (erts/emulator/beam/erl_term_hashing.c, make_hash2) for the terms the key
 * is made of: atoms, binaries, tuples (and small integers and [] so the unit
 * tests can check the published values of erts' hash_SUITE).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "ecto_migrate.h"

/* ---- phash2 ------------------------------------------------------------- */

/* Bob Jenkins' mix, as make_hash2 uses it. */
/* clang-format off */
#define MIX(a, b, c)                                                           \
	do {                                                                   \
		a -= b; a -= c; a ^= (c >> 13);                                \
		b -= c; b -= a; b ^= (a << 8);                                 \
		c -= a; c -= b; c ^= (b >> 13);                                \
		a -= b; a -= c; a ^= (c >> 12);                                \
		b -= c; b -= a; b ^= (a << 16);                                \
		c -= a; c -= b; c ^= (b >> 5);                                 \
		a -= b; a -= c; a ^= (c >> 3);                                 \
		b -= c; b -= a; b ^= (a << 10);                                \
		c -= a; c -= b; c ^= (b >> 15);                                \
	} while (0)
/* clang-format on */

/* The golden ratio constant and its multiples (HCONST * k mod 2^32) that
 * make_hash2 salts each kind of term with. */
#define HCONST    0x9e3779b9u
#define HCONST_2  0x3c6ef372u
#define HCONST_3  0xdaa66d2bu
#define HCONST_9  0x8ff34781u
#define HCONST_13 0x08d12e65u

static void hash2(uint32_t *hash, uint32_t x, uint32_t y, uint32_t k)
{
	uint32_t a = k + x, b = k + y;
	MIX(a, b, *hash);
}

/* hashpjw over the atom's UTF-8 name, with the "latin1 clutch" that folds a
 * two-byte sequence for U+0080..U+00FF back to its latin1 byte (atom.c). The
 * folded value is kept in a byte, as erts does. */
static uint32_t atom_hash(const char *name, size_t len)
{
	const unsigned char *p = (const unsigned char *)name;
	uint32_t h = 0, g;
	while (len--) {
		unsigned char v = *p++;
		if (len && (v & 0xFE) == 0xC2 && (*p & 0xC0) == 0x80) {
			v = (unsigned char)((v << 6) | (*p & 0x3F));
			p++;
			len--;
		}
		h = (h << 4) + v;
		if ((g = h & 0xf0000000u)) {
			h ^= (g >> 24);
			h ^= g;
		}
	}
	return h;
}

static uint32_t le32(const unsigned char *k)
{
	return (uint32_t)k[0] | (uint32_t)k[1] << 8 | (uint32_t)k[2] << 16 | (uint32_t)k[3] << 24;
}

/* Jenkins' lookup2 block hash over a binary's bytes, seeded with initval. */
static uint32_t block_hash(const unsigned char *k, size_t len, uint32_t initval)
{
	uint32_t a = HCONST, b = HCONST, c = initval;
	size_t full = len;
	while (len >= 12) {
		a += le32(k);
		b += le32(k + 4);
		c += le32(k + 8);
		MIX(a, b, c);
		k += 12;
		len -= 12;
	}
	c += (uint32_t)full;
	/* The tail: bytes 0..3 go to a, 4..7 to b, and 8..10 to c shifted by
	 * one byte, since the low byte of c is taken by the length. */
	for (size_t i = 0; i < len; i++) {
		uint32_t byte = k[i];
		if (i < 4)
			a += byte << (8 * i);
		else if (i < 8)
			b += byte << (8 * (i - 4));
		else
			c += byte << (8 * (i - 7));
	}
	MIX(a, b, c);
	return c;
}

/* The value of erts' NIL_DEF tag, which make_hash2 mixes in for a [] that is
 * not the first thing hashed. */
#define NIL_DEF 0x2u

static void small_hash(uint32_t *hash, int64_t v)
{
	/* Integers that fit in 28 bits mix their 32-bit value (negative ones
	 * twice, first negated, as erts does); wider ones mix both halves of
	 * their absolute value with a sign-dependent constant. */
	if (v >= -(1LL << 27) && v < (1LL << 27)) {
		int32_t y = (int32_t)v;
		if (y < 0)
			hash2(hash, (uint32_t)-y, 0, HCONST);
		hash2(hash, (uint32_t)y, 0, HCONST);
	} else {
		uint64_t t = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
		uint32_t k = v < 0 ? 0x2e2ac13au /* HCONST_10 */
		                   : 0xcc623af3u /* HCONST_11 */;
		hash2(hash, (uint32_t)t, (uint32_t)(t >> 32), k);
	}
}

/* One term, with the running hash of everything before it (make_hash2
 * walks a tuple's elements left to right with one running value). */
static void term_hash(uint32_t *hash, const struct em_term *t)
{
	switch (t->kind) {
	case EM_T_ATOM: {
		uint32_t ah = atom_hash(t->s, t->len);
		if (*hash == 0)
			*hash = ah; /* erts' shortcut for a first atom */
		else
			hash2(hash, ah, 0, HCONST_3);
		break;
	}
	case EM_T_NIL:
		if (*hash == 0)
			*hash = 3468870702u;
		else
			hash2(hash, NIL_DEF, 0, HCONST_2);
		break;
	case EM_T_BINARY: {
		uint32_t con = HCONST_13 + *hash;
		if (t->len == 0)
			*hash = con;
		else
			*hash = block_hash((const unsigned char *)t->s, t->len, con);
		break;
	}
	case EM_T_TUPLE:
		hash2(hash, (uint32_t)t->arity, 0, HCONST_9);
		for (size_t i = 0; i < t->arity; i++)
			term_hash(hash, &t->elems[i]);
		break;
	case EM_T_INT:
		small_hash(hash, t->i);
		break;
	}
}

uint32_t em_phash2_full(const struct em_term *t)
{
	uint32_t hash = 0;
	term_hash(&hash, t);
	return hash;
}

uint32_t em_advisory_key(const char *prefix, const char *repo_module)
{
	/* Elixir module names are atoms spelled "Elixir.Hello.Repo". */
	struct mx_buf mod = MX_BUF_INIT;
	struct em_term elems[3];
	struct em_term tuple;
	uint32_t h;

	mx_buf_addf(&mod, "Elixir.%s", repo_module);
	elems[0] = (struct em_term){.kind = EM_T_ATOM, .s = "ecto", .len = 4};
	if (prefix)
		elems[1] =
		    (struct em_term){.kind = EM_T_BINARY, .s = prefix, .len = strlen(prefix)};
	else
		elems[1] = (struct em_term){.kind = EM_T_ATOM, .s = "nil", .len = 3};
	elems[2] = (struct em_term){.kind = EM_T_ATOM, .s = mod.buf, .len = mod.len};
	tuple = (struct em_term){.kind = EM_T_TUPLE, .elems = elems, .arity = 3};
	h = em_phash2_full(&tuple) & ((1u << 27) - 1);
	mx_buf_release(&mod);
	return h;
}

/* ---- The lock ----------------------------------------------------------- */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static int table_lock(struct em_lock *l, struct mx_err *err)
{
	struct mx_buf sql = MX_BUF_INIT;
	bool log = l->conn->log_sql;
	int ret = -1;

	if (em_exec(l->conn, "begin", 0, NULL, NULL, NULL, err) < 0)
		goto out;
	if (l->timeout_s > 0) {
		/* Not Ecto's: it waits forever. Kept out of the SQL log so
		 * the log stays what mix prints. */
		mx_buf_addf(&sql, "SET LOCAL lock_timeout = '%lds'", l->timeout_s);
		l->conn->log_sql = false;
		ret = em_exec(l->conn, sql.buf, 0, NULL, NULL, NULL, err);
		l->conn->log_sql = log;
		if (ret < 0)
			goto rollback;
		mx_buf_reset(&sql);
	}
	mx_buf_adds(&sql, "LOCK TABLE ");
	em_versions_table(&sql, l->repo, l->prefix);
	mx_buf_adds(&sql, " IN SHARE UPDATE EXCLUSIVE MODE");
	if (em_exec(l->conn, sql.buf, 0, NULL, NULL, NULL, err) < 0) {
		if (!strcmp(em_last_sqlstate(), "55P03")) {
			mx_buf_reset(&sql);
			em_versions_table(&sql, l->repo, l->prefix);
			mx_err_set(err, MX_ERR_DB,
			           "could not take the migration lock (LOCK TABLE %s) within %ld "
			           "s: another migration is running",
			           sql.buf, l->timeout_s);
		}
		goto rollback;
	}
	l->held = true;
	ret = 0;
	goto out;
rollback:
	ret = -1;
	l->conn->log_sql = false;
	em_exec(l->conn, "rollback", 0, NULL, NULL, NULL, NULL);
	l->conn->log_sql = log;
out:
	mx_buf_release(&sql);
	return ret;
}

static int advisory_lock(struct em_lock *l, struct mx_err *err)
{
	char sql[64];
	double start = now_s();
	long interval = l->repo->advisory_retry_ms > 0 ? l->repo->advisory_retry_ms : 5000;
	long max_tries = l->repo->advisory_max_tries;

	snprintf(sql, sizeof(sql), "SELECT pg_try_advisory_lock(%u)", l->key);
	for (long tries = 0;; tries++) {
		PGresult *res = NULL;
		bool got;
		if (em_exec(l->conn, sql, 0, NULL, NULL, &res, err) < 0)
			return -1;
		got = PQntuples(res) == 1 && !strcmp(PQgetvalue(res, 0, 0), "t");
		PQclear(res);
		if (got) {
			l->held = true;
			return 0;
		}
		if (max_tries >= 0 && max_tries <= tries)
			return mx_err_set(err, MX_ERR_DB,
			                  "failed to obtain advisory lock. Tried %ld times waiting "
			                  "%ldms between tries",
			                  max_tries, interval);
		if (l->timeout_s > 0) {
			double left = (double)l->timeout_s - (now_s() - start);
			if (left <= 0)
				return mx_err_set(
				    err, MX_ERR_DB,
				    "could not take the migration lock (advisory lock %u) within "
				    "%ld s: another migration is running",
				    l->key, l->timeout_s);
			if (left * 1000 < interval)
				interval = (long)(left * 1000) + 1;
		}
		if (l->conn->log_sql) {
			char maxbuf[32];
			if (max_tries < 0)
				snprintf(maxbuf, sizeof(maxbuf), "infinity");
			else
				snprintf(maxbuf, sizeof(maxbuf), "%ld", max_tries);
			em_log(EM_INFO,
			       "Migration lock occupied for %s. Retry %ld/%s at %ldms intervals.",
			       l->repo->module, tries + 1, maxbuf, interval);
		}
		sleep_ms(interval);
	}
}

int em_lock_acquire(struct em_lock *l, struct mx_err *err)
{
	l->held = false;
	if (l->kind == EM_LOCK_ADVISORY) {
		l->key = em_advisory_key(l->prefix, l->repo->module);
		return advisory_lock(l, err);
	}
	return table_lock(l, err);
}

int em_lock_release(struct em_lock *l, struct mx_err *err)
{
	PGresult *res = NULL;
	char sql[64];
	int ret;

	if (!l || !l->held)
		return 0;
	l->held = false;
	if (l->kind == EM_LOCK_TABLE)
		return em_exec(l->conn, "commit", 0, NULL, NULL, NULL, err);
	snprintf(sql, sizeof(sql), "SELECT pg_advisory_unlock(%u)", l->key);
	ret = em_exec(l->conn, sql, 0, NULL, NULL, &res, err);
	if (ret == 0 && !(PQntuples(res) == 1 && !strcmp(PQgetvalue(res, 0, 0), "t")))
		ret = mx_err_set(err, MX_ERR_DB, "failed to release advisory lock");
	PQclear(res);
	return ret;
}
