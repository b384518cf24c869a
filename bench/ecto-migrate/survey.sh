#!/usr/bin/env bash
# The migration survey: how many of the migration files of the apps in
# survey.txt ecto-migrate translates, and why the others stop.
#
#   bench/ecto-migrate/survey.sh BIN_DIR CHECKOUTS [APP...]
#
# CHECKOUTS holds one checkout per app, named owner+name (its .exs files
# and mix.lock are enough: `git archive COMMIT -- ':(glob)**/*.exs'
# ':(glob)**/mix.lock' | tar -x -C CHECKOUTS/owner+name`),
# at the commit survey.txt lists; nothing of them is committed here. Each
# migration file (*.exs under a priv/**/migrations directory) is translated
# on its own, in its project (the nearest directory upward with a mix.exs,
# its config read for MIX_ENV=dev), by
#   ecto-migrate migrate --dry-run --offline --migrations-path <the file's copy>
# which needs no database (with SURVEY_URL=postgres://.../an_empty_db, a
# plain --dry-run against that database instead, for builds without
# --offline). Exit 0 counts as translated; otherwise the
# reason is the first line of stderr, without its file:line:col.
#
# Prints one line per app (translated/total, percent), the total, then the
# reasons by count. With SURVEY_LOG=FILE, every file's verdict goes there.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:?BIN_DIR}" && pwd)
co=$(cd "${2:?CHECKOUTS}" && pwd)
shift 2
work=$(mktemp -d /tmp/mixless-survey.XXXXXX)
trap 'rm -rf "$work"' EXIT
log=${SURVEY_LOG:-$work/log}
: >"$log"

apps=("$@")
if [ ${#apps[@]} -eq 0 ]; then
	while read -r repo _; do
		case $repo in '#'* | '') continue ;; esac
		apps+=("${repo/\//+}")
	done <"$here/survey.txt"
fi

export MIX_ENV=dev
unset DATABASE_URL
if [ -n "${SURVEY_URL:-}" ]; then
	how=(--url "$SURVEY_URL")
else
	how=(--offline --url postgres://survey@127.0.0.1:1/survey)
fi

for app in "${apps[@]}"; do
	ok=0 total=0
	while IFS= read -r f; do
		total=$((total + 1))
		d=$(dirname "$f")
		while [ "$d" != "$co/$app" ] && [ "$d" != / ] && [ ! -f "$d/mix.exs" ]; do
			d=$(dirname "$d")
		done
		rm -rf "$work/m" && mkdir "$work/m" && cp "$f" "$work/m/"
		# A same-named .sql beside it is data the migration reads
		# (File.read! of __ENV__.file's .sql), not a migration: it goes along.
		if [ -f "${f%.exs}.sql" ]; then cp "${f%.exs}.sql" "$work/m/"; fi
		# The repo named after the migration's module (Foo.Repo.Migrations.X).
		repo=$(sed -n -E 's/^ *defmodule +([A-Za-z0-9_.]+)\.Migrations\..*/\1/p' "$f" | head -1)
		if "$bin/ecto-migrate" migrate -C "$d" --dry-run "${how[@]}" \
			-r "${repo:-Survey.Repo}" --migrations-path "$work/m" >/dev/null 2>"$work/err"; then
			ok=$((ok + 1))
			printf '%s\tok\t%s\n' "$app" "${f#"$co"/}" >>"$log"
		else
			why=$(grep -v '^warning: \|^ecto-migrate: nothing was applied' "$work/err" | head -1 |
				sed -E 's/^[^ ]*:[0-9]+:[0-9]+: //; s/^\*\* \(([A-Za-z.]+)\) [^ ]*:[0-9]+:[0-9]+: /** (\1) /')
			printf '%s\tfail\t%s\t%s\n' "$app" "${f#"$co"/}" "$why" >>"$log"
		fi
	done < <(find "$co/$app" -path '*/priv/*migrations/*.exs' -not -path '*/deps/*' -not -path '*/_build/*' | sort)
	awk -v a="$app" -v ok="$ok" -v t="$total" \
		'BEGIN { printf "%-32s %5d / %5d  %5.1f%%\n", a, ok, t, t ? 100 * ok / t : 0 }'
done
awk -F'\t' '{ t++; if ($2 == "ok") ok++ } END { printf "%-32s %5d / %5d  %5.1f%%\n", "TOTAL", ok, t, t ? 100 * ok / t : 0 }' "$log"
echo
echo "Refusals by reason:"
awk -F'\t' '$2 == "fail" { print $4 }' "$log" | sort | uniq -c | sort -rn
