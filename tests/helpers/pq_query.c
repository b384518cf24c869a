/*
 * pq_query: runs one SQL statement through libpq and prints each row's
 * fields separated by '|'. The integration suite uses it to prove the libpq
 * build and the test cluster work, independent of any mixless tool.
 *
 *   pq_query CONNINFO_OR_URL "SELECT 1"
 */
#include <libpq-fe.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: pq_query CONNINFO SQL\n");
		return 2;
	}
	PGconn *conn = PQconnectdb(argv[1]);
	if (PQstatus(conn) != CONNECTION_OK) {
		fprintf(stderr, "pq_query: %s", PQerrorMessage(conn));
		PQfinish(conn);
		return 1;
	}
	PGresult *res = PQexec(conn, argv[2]);
	int ok = PQresultStatus(res) == PGRES_TUPLES_OK ||
		 PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok) {
		fprintf(stderr, "pq_query: %s", PQresultErrorMessage(res));
	} else {
		for (int r = 0; r < PQntuples(res); r++) {
			for (int c = 0; c < PQnfields(res); c++)
				printf("%s%s", c ? "|" : "", PQgetvalue(res, r, c));
			putchar('\n');
		}
	}
	PQclear(res);
	PQfinish(conn);
	return ok ? 0 : 1;
}
