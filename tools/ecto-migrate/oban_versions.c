/*
 * oban_versions: what each of Oban's PostgreSQL migration versions does, up
 * and down, as Ecto.Migration commands (see oban.h).
 *
 * One row per version: the body of V<n>.up/1 and V<n>.down/1 written in the
 * migration DSL that ecto-migrate's DDL layer already translates, so the log
 * lines and the SQL come out as Ecto's runner prints and sends them for
 * Oban's own module. oban.c evaluates a body with these variables bound:
 *   p         the prefix ("public" unless prefix: says otherwise)
 *   q         the prefix as Elixir inspects it ("\"public\""), for raw SQL
 *   e         the prefix with ' doubled, inside SQL string literals
 *   unlogged  opts[:unlogged], default true
 *   create    opts[:create_schema], default prefix != "public"
 * The SQL inside execute/1 is byte for byte what Oban sends (it shows in the
 * log and in pg_dump's function bodies), so it is written as heredocs whose
 * closing quotes sit in column 0: no indentation is stripped.
 */
#include <stddef.h>

#include "oban.h"

/* The notify function and its trigger as v1 made them (v1 up, v8 down). */
#define NOTIFY_V1                                                                                  \
	"execute \"\"\"\n"                                                                         \
	"CREATE OR REPLACE FUNCTION #{q}.oban_jobs_notify() RETURNS trigger AS $$\n"               \
	"DECLARE\n"                                                                                \
	"  channel text;\n"                                                                        \
	"  notice json;\n"                                                                         \
	"BEGIN\n"                                                                                  \
	"  IF (TG_OP = 'INSERT') THEN\n"                                                           \
	"    channel = '#{e}.oban_insert';\n"                                                      \
	"    notice = json_build_object('queue', NEW.queue, 'state', NEW.state);\n"                \
	"\n"                                                                                       \
	"    -- No point triggering for a job that isn't scheduled to run now\n"                   \
	"    IF NEW.scheduled_at IS NOT NULL AND NEW.scheduled_at > now() AT TIME ZONE 'utc' "     \
	"THEN\n"                                                                                   \
	"      RETURN null;\n"                                                                     \
	"    END IF;\n"                                                                            \
	"  ELSE\n"                                                                                 \
	"    channel = '#{e}.oban_update';\n"                                                      \
	"    notice = json_build_object('queue', NEW.queue, 'new_state', NEW.state, "              \
	"'old_state', OLD.state);\n"                                                               \
	"  END IF;\n"                                                                              \
	"\n"                                                                                       \
	"  PERFORM pg_notify(channel, notice::text);\n"                                            \
	"\n"                                                                                       \
	"  RETURN NULL;\n"                                                                         \
	"END;\n"                                                                                   \
	"$$ LANGUAGE plpgsql;\n"                                                                   \
	"\"\"\"\n"                                                                                 \
	"execute \"DROP TRIGGER IF EXISTS oban_notify ON #{q}.oban_jobs\"\n"                       \
	"execute \"\"\"\n"                                                                         \
	"CREATE TRIGGER oban_notify\n"                                                             \
	"AFTER INSERT OR UPDATE OF state ON #{q}.oban_jobs\n"                                      \
	"FOR EACH ROW EXECUTE PROCEDURE #{q}.oban_jobs_notify();\n"                                \
	"\"\"\"\n"

/* The notify function of v8 (only available jobs) and its trigger, without
 * the DROP TRIGGER that v8 up sends between them and v12 down does not. */
#define NOTIFY_V8_FUNCTION                                                                         \
	"execute \"\"\"\n"                                                                         \
	"CREATE OR REPLACE FUNCTION #{q}.oban_jobs_notify() RETURNS trigger AS $$\n"               \
	"DECLARE\n"                                                                                \
	"  channel text;\n"                                                                        \
	"  notice json;\n"                                                                         \
	"BEGIN\n"                                                                                  \
	"  IF NEW.state = 'available' THEN\n"                                                      \
	"    channel = '#{e}.oban_insert';\n"                                                      \
	"    notice = json_build_object('queue', NEW.queue);\n"                                    \
	"\n"                                                                                       \
	"    PERFORM pg_notify(channel, notice::text);\n"                                          \
	"  END IF;\n"                                                                              \
	"\n"                                                                                       \
	"  RETURN NULL;\n"                                                                         \
	"END;\n"                                                                                   \
	"$$ LANGUAGE plpgsql;\n"                                                                   \
	"\"\"\"\n"
#define NOTIFY_V8_TRIGGER                                                                          \
	"execute \"\"\"\n"                                                                         \
	"CREATE TRIGGER oban_notify\n"                                                             \
	"AFTER INSERT ON #{q}.oban_jobs\n"                                                         \
	"FOR EACH ROW EXECUTE PROCEDURE #{q}.oban_jobs_notify();\n"                                \
	"\"\"\"\n"

/* oban_wrap_id/1, added by v2 and dropped by v4. */
#define WRAP_ID                                                                                    \
	"execute \"\"\"\n"                                                                         \
	"CREATE OR REPLACE FUNCTION #{q}.oban_wrap_id(value bigint) RETURNS int AS $$\n"           \
	"BEGIN\n"                                                                                  \
	"  RETURN (CASE WHEN value > 2147483647 THEN mod(value, 2147483647) ELSE value "           \
	"END)::int;\n"                                                                             \
	"END;\n"                                                                                   \
	"$$ LANGUAGE plpgsql IMMUTABLE;\n"                                                         \
	"\"\"\"\n"

/* v2's partial index on scheduled_at (v2 up, v5 down). */
#define SCHEDULED_PARTIAL                                                                          \
	"s = \"#{q}.oban_job_state\"\n"                                                            \
	"create index(:oban_jobs, [:scheduled_at],\n"                                              \
	"  where: \"state in ('available'::#{s}, 'scheduled'::#{s})\", prefix: p)\n"

static const char v01_up[] =
    "if create, do: execute(\"CREATE SCHEMA IF NOT EXISTS #{q}\")\n"
    "execute \"\"\"\n"
    "DO $$\n"
    "BEGIN\n"
    "IF NOT EXISTS (SELECT 1 FROM pg_type\n"
    "               WHERE typname = 'oban_job_state'\n"
    "                 AND typnamespace = '#{e}'::regnamespace::oid) THEN\n"
    "    CREATE TYPE #{q}.oban_job_state AS ENUM (\n"
    "      'available',\n"
    "      'suspended',\n"
    "      'scheduled',\n"
    "      'executing',\n"
    "      'retryable',\n"
    "      'completed',\n"
    "      'discarded',\n"
    "      'cancelled'\n"
    "    );\n"
    "  END IF;\n"
    "END$$;\n"
    "\"\"\"\n"
    "now = fragment(\"timezone('UTC', now())\")\n"
    "create_if_not_exists table(:oban_jobs, primary_key: false, prefix: p) do\n"
    "  add :id, :bigserial, primary_key: true\n"
    "  add :state, :\"#{q}.oban_job_state\", null: false, default: \"available\"\n"
    "  add :queue, :text, null: false, default: \"default\"\n"
    "  add :worker, :text, null: false\n"
    "  add :args, :map, null: false\n"
    "  add :errors, {:array, :map}, null: false, default: []\n"
    "  add :attempt, :integer, null: false, default: 0\n"
    "  add :max_attempts, :integer, null: false, default: 20\n"
    "  add :inserted_at, :utc_datetime_usec, null: false, default: now\n"
    "  add :scheduled_at, :utc_datetime_usec, null: false, default: now\n"
    "  add :attempted_at, :utc_datetime_usec\n"
    "  add :completed_at, :utc_datetime_usec\n"
    "end\n"
    "for col <- [:queue, :state, :scheduled_at] do\n"
    "  create_if_not_exists index(:oban_jobs, [col], prefix: p)\n"
    "end\n" NOTIFY_V1;

static const char v01_down[] = "execute \"DROP TRIGGER IF EXISTS oban_notify ON #{q}.oban_jobs\"\n"
                               "execute \"DROP FUNCTION IF EXISTS #{q}.oban_jobs_notify()\"\n"
                               "drop_if_exists table(:oban_jobs, prefix: p)\n"
                               "execute \"DROP TYPE IF EXISTS #{q}.oban_job_state\"\n";

static const char v02_up[] =
    "drop_if_exists index(:oban_jobs, [:scheduled_at], prefix: p)\n" SCHEDULED_PARTIAL
    "create constraint(:oban_jobs, :worker_length,\n"
    "  check: \"char_length(worker) > 0 AND char_length(worker) < 128\", prefix: p)\n"
    "create constraint(:oban_jobs, :queue_length,\n"
    "  check: \"char_length(queue) > 0 AND char_length(queue) < 128\", prefix: p)\n" WRAP_ID;

static const char v02_down[] =
    "drop_if_exists constraint(:oban_jobs, :queue_length, prefix: p)\n"
    "drop_if_exists constraint(:oban_jobs, :worker_length, prefix: p)\n"
    "drop_if_exists index(:oban_jobs, [:scheduled_at], prefix: p)\n"
    "create index(:oban_jobs, [:scheduled_at], prefix: p)\n"
    "execute \"DROP FUNCTION IF EXISTS #{q}.oban_wrap_id(value bigint)\"\n";

static const char v03_up[] = "alter table(:oban_jobs, prefix: p) do\n"
                             "  add_if_not_exists :attempted_by, {:array, :text}\n"
                             "end\n";

static const char v03_down[] = "alter table(:oban_jobs, prefix: p) do\n"
                               "  remove_if_exists :attempted_by, {:array, :text}\n"
                               "end\n";

static const char v04_up[] =
    "execute \"DROP FUNCTION IF EXISTS #{q}.oban_wrap_id(value bigint)\"\n";

static const char v04_down[] = WRAP_ID;

static const char v05_up[] =
    "for col <- [:scheduled_at, :queue, :state] do\n"
    "  drop_if_exists index(:oban_jobs, [col], prefix: p)\n"
    "end\n"
    "create_if_not_exists index(:oban_jobs, [:queue, :state, :scheduled_at, :id], prefix: p)\n";

static const char v05_down[] =
    "drop_if_exists index(:oban_jobs, [:queue, :state, :scheduled_at, :id], prefix: p)\n"
    "create_if_not_exists index(:oban_jobs, [:queue], prefix: p)\n"
    "create_if_not_exists index(:oban_jobs, [:state], prefix: p)\n" SCHEDULED_PARTIAL;

/* v6 changed nothing in PostgreSQL. */
static const char v06_up[] = ":ok\n";
static const char v06_down[] = ":ok\n";

static const char v07_up[] =
    "create_if_not_exists index(:oban_jobs, [\"attempted_at desc\", :id],\n"
    "  where: \"state in ('completed', 'discarded')\", prefix: p,\n"
    "  name: :oban_jobs_attempted_at_id_index)\n";

static const char v07_down[] =
    "drop_if_exists index(:oban_jobs, [:attempted_at, :id], prefix: p)\n";

static const char v08_up[] =
    "alter table(:oban_jobs, prefix: p) do\n"
    "  add_if_not_exists :discarded_at, :utc_datetime_usec\n"
    "  add_if_not_exists :priority, :integer\n"
    "  add_if_not_exists :tags, {:array, :text}\n"
    "end\n"
    "alter table(:oban_jobs, prefix: p) do\n"
    "  modify :priority, :integer, default: 0\n"
    "  modify :tags, {:array, :text}, default: []\n"
    "end\n"
    "drop_if_exists index(:oban_jobs, [:queue, :state, :scheduled_at, :id], prefix: p)\n"
    "create_if_not_exists index(:oban_jobs, [:state, :queue, :priority, :scheduled_at, :id],\n"
    "  prefix: p)\n" NOTIFY_V8_FUNCTION
    "execute \"DROP TRIGGER IF EXISTS oban_notify ON #{q}.oban_jobs\"\n" NOTIFY_V8_TRIGGER;

/* The index dropped first is named with queue before state, not the one v8
 * up created: Oban's down drops nothing there, and neither do we. */
static const char v08_down[] =
    "drop_if_exists index(:oban_jobs, [:queue, :state, :priority, :scheduled_at, :id],\n"
    "  prefix: p)\n"
    "create_if_not_exists index(:oban_jobs, [:queue, :state, :scheduled_at, :id], prefix: p)\n"
    "alter table(:oban_jobs, prefix: p) do\n"
    "  remove_if_exists :discarded_at, :utc_datetime_usec\n"
    "  remove_if_exists :priority, :integer\n"
    "  remove_if_exists :tags, {:array, :string}\n"
    "end\n" NOTIFY_V1;

static const char v09_up[] =
    "alter table(:oban_jobs, prefix: p) do\n"
    "  add_if_not_exists :meta, :map, default: %{}\n"
    "  add_if_not_exists :cancelled_at, :utc_datetime_usec\n"
    "end\n"
    "execute \"ALTER TYPE #{q}.oban_job_state ADD VALUE IF NOT EXISTS 'cancelled'\"\n"
    "create_if_not_exists index(:oban_jobs, [:state, :queue, :priority, :scheduled_at, :id],\n"
    "  prefix: p)\n";

static const char v09_down[] =
    "alter table(:oban_jobs, prefix: p) do\n"
    "  remove_if_exists :meta, :map\n"
    "  remove_if_exists :cancelled_at, :utc_datetime_usec\n"
    "end\n"
    "execute \"UPDATE #{q}.oban_jobs SET state = 'discarded' WHERE state = 'cancelled'\"\n";

static const char v10_up[] =
    "alter table(:oban_jobs, prefix: p) do\n"
    "  modify :args, :map, default: %{}\n"
    "  modify :priority, :integer, null: false\n"
    "end\n"
    "checks = [priority_range: \"priority between 0 and 3\",\n"
    "  positive_max_attempts: \"max_attempts > 0\",\n"
    "  attempt_range: \"attempt between 0 and max_attempts\"]\n"
    "for {name, check} <- checks do\n"
    "  create constraint(:oban_jobs, name, check: check, prefix: p)\n"
    "end\n"
    "drop_if_exists index(:oban_jobs, [:args], name: :oban_jobs_args_vector, prefix: p)\n"
    "drop_if_exists index(:oban_jobs, [:worker], name: :oban_jobs_worker_gist, prefix: p)\n"
    "drop_if_exists index(:oban_jobs, [:attempted_at],\n"
    "  name: :oban_jobs_attempted_at_id_index, prefix: p)\n"
    "create_if_not_exists index(:oban_jobs, [:args], using: :gin, prefix: p)\n"
    "create_if_not_exists index(:oban_jobs, [:meta], using: :gin, prefix: p)\n";

static const char v10_down[] =
    "alter table(:oban_jobs, prefix: p) do\n"
    "  modify :args, :map, default: nil\n"
    "  modify :priority, :integer, null: true\n"
    "end\n"
    "for name <- [:attempt_range, :positive_max_attempts, :priority_range] do\n"
    "  drop_if_exists constraint(:oban_jobs, name, prefix: p)\n"
    "end\n";

static const char v11_up[] =
    "create_if_not_exists table(:oban_peers, primary_key: false, prefix: p) do\n"
    "  add :name, :text, null: false, primary_key: true\n"
    "  add :node, :text, null: false\n"
    "  add :started_at, :utc_datetime_usec, null: false\n"
    "  add :expires_at, :utc_datetime_usec, null: false\n"
    "end\n"
    "if unlogged, do: execute(\"ALTER TABLE #{q}.oban_peers SET UNLOGGED\")\n";

static const char v11_down[] = "drop table(:oban_peers, prefix: p)\n";

static const char v12_up[] = "drop constraint(:oban_jobs, :priority_range, prefix: p)\n"
                             "create constraint(:oban_jobs, :non_negative_priority,\n"
                             "  check: \"priority >= 0\", validate: false, prefix: p)\n"
                             "execute \"DROP TRIGGER IF EXISTS oban_notify ON #{q}.oban_jobs\"\n"
                             "execute \"DROP FUNCTION IF EXISTS #{q}.oban_jobs_notify()\"\n";

static const char v12_down[] =
    "drop constraint(:oban_jobs, :non_negative_priority, prefix: p)\n"
    "create constraint(:oban_jobs, :priority_range,\n"
    "  check: \"priority between 0 and 3\", validate: false, prefix: p)\n" NOTIFY_V8_FUNCTION
        NOTIFY_V8_TRIGGER;

static const char v13_up[] =
    "create_if_not_exists index(:oban_jobs, [:state, :cancelled_at], prefix: p)\n"
    "create_if_not_exists index(:oban_jobs, [:state, :discarded_at], prefix: p)\n";

static const char v13_down[] =
    "drop_if_exists index(:oban_jobs, [:state, :discarded_at], prefix: p)\n"
    "drop_if_exists index(:oban_jobs, [:state, :cancelled_at], prefix: p)\n";

/* A heredoc in Oban: the statement ends with a newline. */
static const char v14_up[] =
    "execute \"ALTER TYPE #{q}.oban_job_state ADD VALUE IF NOT EXISTS 'suspended' BEFORE "
    "'scheduled'\\n\"\n";

static const char v14_down[] =
    "execute \"UPDATE #{q}.oban_jobs SET state = 'scheduled' WHERE state = 'suspended'\"\n";

static const struct {
	const char *up, *down;
} versions[EM_OBAN_LATEST] = {
    {v01_up, v01_down}, {v02_up, v02_down}, {v03_up, v03_down}, {v04_up, v04_down},
    {v05_up, v05_down}, {v06_up, v06_down}, {v07_up, v07_down}, {v08_up, v08_down},
    {v09_up, v09_down}, {v10_up, v10_down}, {v11_up, v11_down}, {v12_up, v12_down},
    {v13_up, v13_down}, {v14_up, v14_down},
};

const char *em_oban_version_source(int version, bool up)
{
	if (version < 1 || version > EM_OBAN_LATEST)
		return NULL;
	return up ? versions[version - 1].up : versions[version - 1].down;
}
