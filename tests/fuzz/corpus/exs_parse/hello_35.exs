defmodule HelloWeb.Telemetry do
  use Supervisor
  import Telemetry.Metrics

  def start_link(arg) do
    Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
  end

  @impl true
  def init(_arg) do
    children = [
      # The poller takes the periodic measurements below every
      # 10_000ms; see https://hexdocs.pm/telemetry_metrics
      {:telemetry_poller, measurements: periodic_measurements(), period: 10_000}
      # Reporters join the supervision tree here, e.g.
      # {Telemetry.Metrics.ConsoleReporter, metrics: metrics()}
    ]

    Supervisor.init(children, strategy: :one_for_one)
  end

  def metrics do
    [
      # Phoenix
      summary("phoenix.endpoint.start.system_time",
        unit: {:native, :millisecond}
      ),
      summary("phoenix.endpoint.stop.duration",
        unit: {:native, :millisecond}
      ),
      summary("phoenix.router_dispatch.start.system_time",
        tags: [:route],
        unit: {:native, :millisecond}
      ),
      summary("phoenix.router_dispatch.exception.duration",
        tags: [:route],
        unit: {:native, :millisecond}
      ),
      summary("phoenix.router_dispatch.stop.duration",
        tags: [:route],
        unit: {:native, :millisecond}
      ),
      summary("phoenix.socket_connected.duration",
        unit: {:native, :millisecond}
      ),
      sum("phoenix.socket_drain.count"),
      summary("phoenix.channel_joined.duration",
        unit: {:native, :millisecond}
      ),
      summary("phoenix.channel_handled_in.duration",
        tags: [:event],
        unit: {:native, :millisecond}
      ),

      # The database
      summary("hello.repo.query.total_time",
        unit: {:native, :millisecond},
        description: "Sum of the other query measurements"
      ),
      summary("hello.repo.query.decode_time",
        unit: {:native, :millisecond},
        description: "Time spent decoding the rows the database sent"
      ),
      summary("hello.repo.query.query_time",
        unit: {:native, :millisecond},
        description: "Time spent running the query"
      ),
      summary("hello.repo.query.queue_time",
        unit: {:native, :millisecond},
        description: "Time spent waiting for a free connection"
      ),
      summary("hello.repo.query.idle_time",
        unit: {:native, :millisecond},
        description: "Time the connection sat idle before this query checked it out"
      ),

      # The VM
      summary("vm.memory.total", unit: {:byte, :kilobyte}),
      summary("vm.total_run_queue_lengths.total"),
      summary("vm.total_run_queue_lengths.cpu"),
      summary("vm.total_run_queue_lengths.io")
    ]
  end

  defp periodic_measurements do
    [
      # {module, function, args} tuples called on every tick. Each
      # function must call :telemetry.execute/3, and its event needs
      # a metric above, e.g.
      # {HelloWeb, :count_users, []}
    ]
  end
end
