{%# phx.gen.notifier: a test per message, through Swoosh's test adapter.
    alias: the notifier's last module segment. %}
defmodule {% module %}Test do
  use ExUnit.Case, async: true
  import Swoosh.TestAssertions

  alias {% module %}
{% for m in messages %}

  test "deliver_{% m %}/1" do
    user = %{name: "Alice", email: "alice@example.com"}

    {% alias %}.deliver_{% m %}(user)

    assert_email_sent(
      subject: "Welcome to Phoenix, Alice!",
      to: {"Alice", "alice@example.com"},
      text_body: ~r/Hello, Alice/
    )
  end
{% end %}
end
