/*
 * translate: loads every migration file given (both directions translated,
 * as ecto-migrate does before applying anything) and prints how many
 * statements came out, so the work cannot be optimised away.
 */
#include <stdio.h>

#include "migration.h"

int main(int argc, char **argv)
{
	struct em_ddl_config cfg = EM_DDL_CONFIG_INIT;
	size_t statements = 0;

	for (int i = 1; i < argc; i++) {
		struct em_migration m;
		struct mx_err err = MX_ERR_INIT;
		if (em_migration_load(&m, argv[i], &cfg, &err) < 0) {
			fprintf(stderr, "%s: %s\n", argv[i], err.msg);
			return 1;
		}
		for (size_t k = 0; k < m.up.n; k++)
			statements += m.up.steps[k].sql.n;
		for (size_t k = 0; k < m.down.n; k++)
			statements += m.down.steps[k].sql.n;
		em_migration_release(&m);
	}
	printf("%d migrations, %zu statements\n", argc - 1, statements);
	return 0;
}
