/*
 * fuzz_ecto_migration: any bytes as a migration file, through the whole
 * translator (parser, evaluator with the Ecto.Migration host, DDL and SQL
 * generation, both directions), and as a `-- +up` SQL migration. The first
 * byte picks the kind and a repo configuration, so config-dependent paths
 * (binary_id and identity keys, prefixes, the locked oban release, the
 * ecto_sql release) are
 * reached too. Loading must
 * never crash, leak or read out of bounds; failing is fine.
 */
#include <stddef.h>
#include <stdint.h>

#include "migration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct em_ddl_config cfg = EM_DDL_CONFIG_INIT;
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	uint8_t sel;

	if (size < 1)
		return 0;
	sel = data[0];
	if (sel & 2)
		cfg.primary_key_type = "binary_id";
	if (sel & 4)
		cfg.primary_key_type = "identity";
	if (sel & 8)
		cfg.prefix = "tenant";
	if (sel & 16)
		cfg.default_prefix = "app";
	if (sel & 32)
		cfg.primary_key_disabled = true;
	if (sel & 64) /* Oban's migrations as these releases write them */
		cfg.oban_version = (sel & 128) ? "2.17.12" : "2.22.1";
	/* The ecto_sql release behaved as (3.10 to 3.14), from the length, so
	 * every release meets every configuration above. */
	cfg.ecto_sql = (enum mx_ecto_sql_release)((size - 1) % (MX_ECTO_SQL_LATEST + 1));
	if (em_migration_load_buffer(&m, (sel & 1) ? "20240101000000_fuzz.sql"
						  : "20240101000000_fuzz.exs",
				     (const char *)data + 1, size - 1, &cfg, &err) == 0)
		em_migration_release(&m);
	return 0;
}
