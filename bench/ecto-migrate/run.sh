#!/usr/bin/env bash
# bench/ecto-migrate/run.sh: ecto-migrate against its bound, on a throwaway
# PostgreSQL (tests/helpers/pg.bash).
#
#   bench/ecto-migrate/run.sh [BUILD_BIN_DIR]   (default: build/bin)
#
# Workload (fixed, generated in a temp dir): N=1000 migrations, each
#   create table(:t_i) do add :name, :string end; create index(:t_i, [:name])
#
#  1. status: `ecto-migrate migrations` over the 1,000 files (all applied),
#     median of 21 runs                                   target < 50 ms
#  2. apply: `ecto-migrate migrate --quiet`, all 1,000, from empty
#  3. bound: the same SQL (taken from `migrate --dry-run`: one transaction
#     per migration with its version row) sent by ONE psql session
#                                                         target: 2 <= 1.5 x 3
#  4. reference: `psql -1 -f` once per migration file (a process and a
#     connection per migration, as shell-script runners do)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bin=${1:-$src/build/bin}
N=${N:-1000}
export PATH="$bin:$PATH" NO_COLOR=1

# shellcheck source=../../tests/helpers/pg.bash
source "$src/tests/helpers/pg.bash"
work=$(mktemp -d "${TMPDIR:-/tmp}/em-bench.XXXXXX")
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT
pg_start >/dev/null

cd "$work"
mkdir -p priv/repo/migrations config
printf 'defmodule Bench.MixProject do\n  use Mix.Project\n  def project, do: [app: :bench, version: "0.1.0"]\nend\n' >mix.exs
printf 'import Config\nconfig :bench, ecto_repos: [Bench.Repo]\n' >config/config.exs
for i in $(seq 1 "$N"); do
	v=$((20240101000000 + i))
	printf 'defmodule Bench.Repo.Migrations.T%d do\n  use Ecto.Migration\n\n  def change do\n    create table(:t_%d) do\n      add :name, :string\n    end\n\n    create index(:t_%d, [:name])\n  end\nend\n' \
		"$i" "$i" "$i" >"priv/repo/migrations/${v}_t_$i.exs"
done

ms() { # ms COMMAND... : wall time in milliseconds (one decimal)
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

url() { printf 'postgres://postgres@127.0.0.1:%s/%s' "$PGPORT" "$1"; }

# 2. apply with ecto-migrate
DATABASE_URL=$(url em) ecto-migrate create --quiet
t_apply=$(DATABASE_URL=$(url em) ms ecto-migrate migrate --quiet)
[ "$(pg_psql em -c 'SELECT count(*) FROM schema_migrations')" = "$N" ]

# 1. status over N files, all applied
for _ in $(seq 1 21); do
	DATABASE_URL=$(url em) ms ecto-migrate migrations
	echo
done | median >status.txt
t_status=$(cat status.txt)

# 3. the bound: the same SQL through one psql session
DATABASE_URL=$(url psql1) ecto-migrate create --quiet
pg_psql psql1 -c 'CREATE TABLE IF NOT EXISTS "schema_migrations" ("version" bigint, "inserted_at" timestamp(0), PRIMARY KEY ("version"))'
DATABASE_URL=$(url fresh) ecto-migrate create --quiet
DATABASE_URL=$(url fresh) ecto-migrate migrate --dry-run >all.sql
t_psql=$(ms psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d psql1 -f all.sql)
[ "$(pg_psql psql1 -c 'SELECT count(*) FROM schema_migrations')" = "$N" ]

# 4. reference: psql -1 -f per file (BEGIN/COMMIT stripped: -1 wraps it)
mkdir -p per
awk '/^-- == Running/ { n++ } /^(BEGIN|COMMIT);$/ { next } { print > ("per/" sprintf("%05d", n) ".sql") }' all.sql
DATABASE_URL=$(url psqln) ecto-migrate create --quiet
pg_psql psqln -c 'CREATE TABLE IF NOT EXISTS "schema_migrations" ("version" bigint, "inserted_at" timestamp(0), PRIMARY KEY ("version"))'
per_file() {
	for f in per/*.sql; do
		psql -X -q -1 -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d psqln -f "$f"
	done
}
t_psqln=$(ms per_file)
[ "$(pg_psql psqln -c 'SELECT count(*) FROM schema_migrations')" = "$N" ]

ratio=$(awk -v a="$t_apply" -v b="$t_psql" 'BEGIN { printf "%.2f", a / b }')
printf 'migrations (status), %d files, median of 21: %s ms\n' "$N" "$t_status"
printf 'migrate, %d migrations:                       %s ms\n' "$N" "$t_apply"
printf 'same SQL, one psql session:                    %s ms  (ecto-migrate / psql = %s)\n' "$t_psql" "$ratio"
printf 'psql -1 -f per migration file:                 %s ms\n' "$t_psqln"
