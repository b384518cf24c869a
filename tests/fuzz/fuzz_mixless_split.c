/*
 * fuzz_mixless_split: the alias step splitter (OptionParser.split) reads
 * mix.exs strings. It may not crash, leak or read out of bounds, and every
 * word it returns is made of the input's bytes: never longer than the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = mx_xstrndup((const char *)data, size);
	struct mx_strvec v = MX_STRVEC_INIT;
	size_t total = 0;
	mixless_split_words(s, &v);
	for (size_t i = 0; i < v.n; i++)
		total += strlen(v.v[i]);
	if (total > strlen(s))
		abort();
	mx_strvec_clear(&v);
	free(s);
	return 0;
}
