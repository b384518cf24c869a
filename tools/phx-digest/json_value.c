/*
 * JSON values: a small reader and writer, enough to carry an old
 * cache_manifest.json through a run unchanged in meaning: Phoenix decodes it
 * with Jason, keeps some entries and encodes them again, so we decode
 * strings fully and encode them the way Jason does (compact, keys of a map in
 * byte order, only '"', '\\' and control characters escaped).
 */
#include "json_value.h"

#include <stdlib.h>
#include <string.h>

#include "json_escape.h"

#define MAX_DEPTH 512

struct parser {
	const char *s, *end, *p;
	struct mx_err *err;
	int depth;
	int lazy_depth; /* 0: parse everything */
};

static int fail(struct parser *ps, const char *what)
{
	unsigned line = 1, col = 1;
	for (const char *q = ps->s; q < ps->p && q < ps->end; q++) {
		if (*q == '\n')
			line++, col = 1;
		else
			col++;
	}
	return mx_err_set(ps->err, MX_ERR_SYNTAX, "%u:%u: %s", line, col, what);
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end &&
	       (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static void add_utf8(struct mx_buf *b, unsigned cp)
{
	if (cp < 0x80) {
		mx_buf_addch(b, (int)cp);
	} else if (cp < 0x800) {
		mx_buf_addch(b, (int)(0xC0 | (cp >> 6)));
		mx_buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		mx_buf_addch(b, (int)(0xE0 | (cp >> 12)));
		mx_buf_addch(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		mx_buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	} else {
		mx_buf_addch(b, (int)(0xF0 | (cp >> 18)));
		mx_buf_addch(b, (int)(0x80 | ((cp >> 12) & 0x3F)));
		mx_buf_addch(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		mx_buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	}
}

/* b NULL: validate only */
#define ADDCH(b, ch) ((b) ? mx_buf_addch((b), (ch)) : (void)0)

static int parse_string(struct parser *ps, struct mx_buf *b)
{
	ps->p++; /* opening quote */
	for (;;) {
		if (ps->p >= ps->end)
			return fail(ps, "unterminated string");
		unsigned char c = (unsigned char)*ps->p;
		if (c == '"') {
			ps->p++;
			return 0;
		}
		if (c < 0x20)
			return fail(ps, "control character in string");
		if (c != '\\') {
			const char *q = ps->p;
			while (q < ps->end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20)
				q++;
			if (b)
				mx_buf_add(b, ps->p, (size_t)(q - ps->p));
			ps->p = q;
			continue;
		}
		if (ps->end - ps->p < 2)
			return fail(ps, "unterminated string");
		char e = ps->p[1];
		ps->p += 2;
		switch (e) {
		case '"':
			ADDCH(b, '"');
			break;
		case '\\':
			ADDCH(b, '\\');
			break;
		case '/':
			ADDCH(b, '/');
			break;
		case 'b':
			ADDCH(b, '\b');
			break;
		case 'f':
			ADDCH(b, '\f');
			break;
		case 'n':
			ADDCH(b, '\n');
			break;
		case 'r':
			ADDCH(b, '\r');
			break;
		case 't':
			ADDCH(b, '\t');
			break;
		case 'u': {
			unsigned cp, lo;
			if (ps->end - ps->p < 4 || hex4(ps->p, &cp) < 0)
				return fail(ps, "bad \\u escape");
			ps->p += 4;
			if (cp >= 0xD800 && cp < 0xDC00) {
				if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' ||
				    hex4(ps->p + 2, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF)
					return fail(ps, "unpaired surrogate");
				ps->p += 6;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				return fail(ps, "unpaired surrogate");
			}
			if (b)
				add_utf8(b, cp);
			break;
		}
		default:
			ps->p -= 1;
			return fail(ps, "bad escape");
		}
	}
}

static int parse_value(struct parser *ps, struct phx_json *v);

static int parse_number(struct parser *ps, struct phx_json *v)
{
	const char *q = ps->p;
	if (q < ps->end && *q == '-')
		q++;
	if (q >= ps->end || !(*q >= '0' && *q <= '9'))
		return fail(ps, "bad number");
	if (*q == '0')
		q++;
	else
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	if (q < ps->end && *q == '.') {
		q++;
		if (q >= ps->end || !(*q >= '0' && *q <= '9'))
			return fail(ps, "bad number");
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < ps->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < ps->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= ps->end || !(*q >= '0' && *q <= '9'))
			return fail(ps, "bad number");
		while (q < ps->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (v) {
		v->type = PHX_JSON_NUM;
		v->len = (size_t)(q - ps->p);
		v->s = mx_xstrndup(ps->p, v->len);
	}
	ps->p = q;
	return 0;
}

static int literal(struct parser *ps, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n))
		return fail(ps, "unexpected character");
	ps->p += n;
	return 0;
}

static int parse_container(struct parser *ps, struct phx_json *v, bool obj)
{
	size_t alloc_keys = 0, alloc_lens = 0;
	const char *start = ps->p;
	/* below lazy_depth a container is only checked and kept as its text */
	bool raw = v && ps->lazy_depth && ps->depth >= ps->lazy_depth;
	struct phx_json *keep = v;
	if (raw)
		v = NULL;
	if (v)
		v->type = obj ? PHX_JSON_OBJ : PHX_JSON_ARR;
	if (++ps->depth > MAX_DEPTH)
		return fail(ps, "nesting too deep");
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == (obj ? '}' : ']')) {
		ps->p++;
		ps->depth--;
		goto done;
	}
	for (;;) {
		skip_ws(ps);
		if (obj) {
			struct mx_buf key = MX_BUF_INIT;
			if (ps->p >= ps->end || *ps->p != '"')
				return fail(ps, "expected a string key");
			if (parse_string(ps, v ? &key : NULL) < 0) {
				mx_buf_release(&key);
				return -1;
			}
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':') {
				mx_buf_release(&key);
				return fail(ps, "expected ':'");
			}
			ps->p++;
			if (v) {
				MX_ALLOC_GROW(v->keys, v->n + 1, alloc_keys);
				MX_ALLOC_GROW(v->keylens, v->n + 1, alloc_lens);
				/* the key is stored before the value so release sees it */
				v->keylens[v->n] = key.len;
				v->keys[v->n] = mx_buf_detach(&key, NULL);
			}
		}
		struct phx_json *item = NULL;
		if (v) {
			MX_ALLOC_GROW(v->items, v->n + 1, v->alloc);
			item = &v->items[v->n];
			*item = (struct phx_json)PHX_JSON_INIT;
			v->n++;
		}
		skip_ws(ps);
		if (parse_value(ps, item) < 0)
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == (obj ? '}' : ']')) {
			ps->p++;
			ps->depth--;
			goto done;
		}
		return fail(ps, obj ? "expected ',' or '}'" : "expected ',' or ']'");
	}
done:
	if (raw) {
		keep->type = PHX_JSON_RAW;
		keep->len = (size_t)(ps->p - start);
		keep->s = mx_xstrndup(start, keep->len);
	}
	return 0;
}

static int parse_value(struct parser *ps, struct phx_json *v)
{
	if (ps->p >= ps->end)
		return fail(ps, "unexpected end of input");
	switch (*ps->p) {
	case '{':
		return parse_container(ps, v, true);
	case '[':
		return parse_container(ps, v, false);
	case '"': {
		struct mx_buf b = MX_BUF_INIT;
		int r = parse_string(ps, v ? &b : NULL);
		if (v) {
			v->type = PHX_JSON_STR;
			v->s = mx_buf_detach(&b, &v->len);
		}
		return r;
	}
	case 't':
		if (v)
			v->type = PHX_JSON_BOOL, v->b = true;
		return literal(ps, "true");
	case 'f':
		if (v)
			v->type = PHX_JSON_BOOL, v->b = false;
		return literal(ps, "false");
	case 'n':
		if (v)
			v->type = PHX_JSON_NULL;
		return literal(ps, "null");
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return parse_number(ps, v);
		return fail(ps, "unexpected character");
	}
}

int phx_json_parse(const char *text, size_t n, struct phx_json *out, struct mx_err *err)
{
	return phx_json_parse_lazy(text, n, 0, out, err);
}

int phx_json_parse_lazy(const char *text, size_t n, int depth, struct phx_json *out,
                        struct mx_err *err)
{
	struct parser ps = {text, text + n, text, err, 0, depth};
	*out = (struct phx_json)PHX_JSON_INIT;
	skip_ws(&ps);
	if (parse_value(&ps, out) < 0)
		goto bad;
	skip_ws(&ps);
	if (ps.p != ps.end) {
		fail(&ps, "unexpected data after the value");
		goto bad;
	}
	return 0;
bad:
	phx_json_release(out);
	return -1;
}

void phx_json_release(struct phx_json *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		phx_json_release(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->keylens);
	free(v->s);
	*v = (struct phx_json)PHX_JSON_INIT;
}

const struct phx_json *phx_json_get(const struct phx_json *obj, const char *key)
{
	if (!obj || obj->type != PHX_JSON_OBJ)
		return NULL;
	size_t kl = strlen(key);
	/* the last duplicate wins, as when Jason builds a map */
	for (size_t i = obj->n; i-- > 0;)
		if (obj->keylens[i] == kl && !memcmp(obj->keys[i], key, kl))
			return &obj->items[i];
	return NULL;
}

bool phx_json_number(const struct phx_json *v, double *out)
{
	if (!v || v->type != PHX_JSON_NUM)
		return false;
	*out = strtod(v->s, NULL);
	return true;
}

/* ---- Building ------------------------------------------------------------ */

void phx_json_obj_init(struct phx_json *v)
{
	*v = (struct phx_json)PHX_JSON_INIT;
	v->type = PHX_JSON_OBJ;
}

void phx_json_obj_put(struct phx_json *obj, const char *key, size_t klen, struct phx_json *val)
{
	/* keys and keylens grow in step with items, which tracks alloc */
	size_t before = obj->alloc;
	MX_ALLOC_GROW(obj->items, obj->n + 1, obj->alloc);
	if (obj->alloc != before || !obj->keys) {
		obj->keys = mx_xrealloc(obj->keys, obj->alloc * sizeof(*obj->keys));
		obj->keylens = mx_xrealloc(obj->keylens, obj->alloc * sizeof(*obj->keylens));
	}
	obj->keys[obj->n] = mx_xstrndup(key, klen);
	obj->keylens[obj->n] = klen;
	obj->items[obj->n] = *val;
	*val = (struct phx_json)PHX_JSON_INIT;
	obj->n++;
}

void phx_json_set_str(struct phx_json *v, const char *s, size_t n)
{
	phx_json_release(v);
	v->type = PHX_JSON_STR;
	v->s = mx_xstrndup(s, n);
	v->len = n;
}

void phx_json_set_int(struct phx_json *v, long long i)
{
	struct mx_buf b = MX_BUF_INIT;
	phx_json_release(v);
	mx_buf_addf(&b, "%lld", i);
	v->type = PHX_JSON_NUM;
	v->s = mx_buf_detach(&b, &v->len);
}

static int keycmp(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);
	if (c)
		return c;
	return al < bl ? -1 : al > bl;
}

struct kv {
	char *key;
	size_t klen;
	size_t idx;
	struct phx_json val;
};

static int kv_cmp(const void *x, const void *y)
{
	const struct kv *a = x, *b = y;
	int c = keycmp(a->key, a->klen, b->key, b->klen);
	if (c)
		return c;
	/* later duplicates first, so the first of a run is the winner */
	return a->idx < b->idx ? 1 : -1;
}

void phx_json_obj_normalize(struct phx_json *obj)
{
	if (obj->type != PHX_JSON_OBJ || !obj->n)
		return;
	struct kv *kv = mx_xmalloc(obj->n * sizeof(*kv));
	for (size_t i = 0; i < obj->n; i++)
		kv[i] = (struct kv){obj->keys[i], obj->keylens[i], i, obj->items[i]};
	qsort(kv, obj->n, sizeof(*kv), kv_cmp);
	size_t w = 0;
	for (size_t i = 0; i < obj->n; i++) {
		if (w && !keycmp(kv[i].key, kv[i].klen, obj->keys[w - 1], obj->keylens[w - 1])) {
			free(kv[i].key);
			phx_json_release(&kv[i].val);
			continue;
		}
		obj->keys[w] = kv[i].key;
		obj->keylens[w] = kv[i].klen;
		obj->items[w] = kv[i].val;
		w++;
	}
	obj->n = w;
	free(kv);
}

/* ---- Encoding (Jason's defaults: escape: :json, maps: :naive) ----------- */

/* Jason writes an integer as Integer.to_string/1: "-0" and "007"-like
 * spellings cannot come from a decoded integer, so normalise the sign of
 * zero; floats keep the text they were read with. */
static void encode_num(const struct phx_json *v, struct mx_buf *out)
{
	if (!strcmp(v->s, "-0"))
		mx_buf_addch(out, '0');
	else
		mx_buf_add(out, v->s, v->len);
}

static size_t *sorted_index(const struct phx_json *v)
{
	size_t *ix = mx_xmalloc((v->n ? v->n : 1) * sizeof(*ix));
	for (size_t i = 0; i < v->n; i++)
		ix[i] = i;
	/* insertion sort for small objects, which is nearly every one */
	for (size_t i = 1; i < v->n; i++) {
		size_t x = ix[i], j = i;
		while (j > 0 && keycmp(v->keys[ix[j - 1]], v->keylens[ix[j - 1]], v->keys[x],
		                       v->keylens[x]) > 0) {
			ix[j] = ix[j - 1];
			j--;
		}
		ix[j] = x;
	}
	return ix;
}

void phx_json_encode(const struct phx_json *v, struct mx_buf *out)
{
	switch (v->type) {
	case PHX_JSON_NULL:
		mx_buf_adds(out, "null");
		break;
	case PHX_JSON_BOOL:
		mx_buf_adds(out, v->b ? "true" : "false");
		break;
	case PHX_JSON_NUM:
		encode_num(v, out);
		break;
	case PHX_JSON_STR:
		mx_json_add_string(out, v->s, v->len);
		break;
	case PHX_JSON_RAW: {
		/* checked when it was read, so it parses */
		struct phx_json full;
		if (phx_json_parse(v->s, v->len, &full, NULL) == 0) {
			phx_json_encode(&full, out);
			phx_json_release(&full);
		}
		break;
	}
	case PHX_JSON_ARR:
		mx_buf_addch(out, '[');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				mx_buf_addch(out, ',');
			phx_json_encode(&v->items[i], out);
		}
		mx_buf_addch(out, ']');
		break;
	case PHX_JSON_OBJ: {
		/* A decoded map holds each key once, the last one winning. */
		size_t *ix = sorted_index(v);
		bool first = true;
		mx_buf_addch(out, '{');
		for (size_t k = 0; k < v->n; k++) {
			size_t i = ix[k];
			/* in a run of equal keys keep the highest index */
			if (k + 1 < v->n && !keycmp(v->keys[i], v->keylens[i], v->keys[ix[k + 1]],
			                            v->keylens[ix[k + 1]])) {
				/* insertion sort is stable: the later duplicate comes later */
				continue;
			}
			if (!first)
				mx_buf_addch(out, ',');
			first = false;
			mx_json_add_string(out, v->keys[i], v->keylens[i]);
			mx_buf_addch(out, ':');
			phx_json_encode(&v->items[i], out);
		}
		mx_buf_addch(out, '}');
		free(ix);
		break;
	}
	}
}
