/*
 * gen_types: what each attribute type means to the generators, one row per
 * type of Phoenix 1.7.24's Mix.Phoenix.Schema @valid_types (and the alias
 * datetime). The templates never name a type: every difference between
 * types is a column here (Schema.type_to_default/3 for the samples,
 * schema_type/1, schema_defaults/1, migration_defaults/1, optionals).
 */
#include <string.h>

#include "gen_model.h"

#define FIXED(c, u) GEN_SAMPLE_FIXED, c, u
#define KIND(k)     k, NULL, NULL

/* name, schema type (NULL: ":<name>"), Ecto primitive, valid, sample,
 * schema default, migration default, optional */
const struct gen_type phx_gen_types[] = {
    {"integer", NULL, true, true, FIXED("42", "43"), "", "", false},
    {"float", NULL, true, true, FIXED("120.5", "456.7"), "", "", false},
    {"decimal", NULL, true, true, FIXED("\"120.5\"", "\"456.7\""), "", "", false},
    {"boolean", NULL, true, true, FIXED("true", "false"), ", default: false",
     ", default: false, null: false", false},
    {"map", NULL, true, true, FIXED("%{}", "%{}"), "", "", true},
    {"string", NULL, true, true, KIND(GEN_SAMPLE_TEXT), "", "", false},
    {"array", NULL, false, true, KIND(GEN_SAMPLE_ARRAY), "", "", false},
    {"references", NULL, false, true, KIND(GEN_SAMPLE_TEXT), "", "", false},
    {"text", ":string", false, true, KIND(GEN_SAMPLE_TEXT), "", "", false},
    {"date", NULL, true, true, KIND(GEN_SAMPLE_DATE), "", "", false},
    {"time", NULL, true, true, FIXED("~T[14:00:00]", "~T[15:01:01]"), "", "", false},
    {"time_usec", NULL, true, true, FIXED("~T[14:00:00.000000]", "~T[15:01:01.000000]"), "", "",
     false},
    {"naive_datetime", NULL, true, true, KIND(GEN_SAMPLE_NAIVE), "", "", false},
    {"naive_datetime_usec", NULL, true, true, KIND(GEN_SAMPLE_NAIVE_USEC), "", "", false},
    {"utc_datetime", NULL, true, true, KIND(GEN_SAMPLE_UTC), "", "", false},
    {"utc_datetime_usec", NULL, true, true, KIND(GEN_SAMPLE_UTC_USEC), "", "", false},
    {"uuid", "Ecto.UUID", false, true,
     FIXED("\"7488a646-e31f-11e4-aace-600308960662\"", "\"7488a646-e31f-11e4-aace-600308960668\""),
     "", "", false},
    {"binary", NULL, true, true, KIND(GEN_SAMPLE_TEXT), "", "", false},
    {"enum", NULL, false, true, KIND(GEN_SAMPLE_ENUM), "", "", false},
    {NULL, NULL, false, false, KIND(GEN_SAMPLE_TEXT), NULL, NULL, false},
};

const struct gen_type *phx_gen_type_find(const char *name)
{
	/* Schema.validate_attr!({name, :datetime}) is the naive_datetime row. */
	if (!strcmp(name, "datetime"))
		name = "naive_datetime";
	for (const struct gen_type *t = phx_gen_types; t->name; t++)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

bool phx_gen_ecto_primitive(const char *name)
{
	/* Ecto.Type's @base (ecto 3.12+: bitstring and duration as well). */
	static const char *const base[] = {
	    "integer",
	    "float",
	    "decimal",
	    "boolean",
	    "string",
	    "bitstring",
	    "map",
	    "binary",
	    "id",
	    "binary_id",
	    "any",
	    "utc_datetime",
	    "naive_datetime",
	    "date",
	    "time",
	    "utc_datetime_usec",
	    "naive_datetime_usec",
	    "time_usec",
	    "duration",
	    NULL,
	};
	for (size_t i = 0; base[i]; i++)
		if (!strcmp(base[i], name))
			return true;
	return false;
}
