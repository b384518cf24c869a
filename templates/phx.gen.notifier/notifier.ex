{%# phx.gen.notifier: the notifier, one deliver_<message>/1 per message.
    module: Hello.Accounts.UserNotifier; base_module: the context base. %}
defmodule {% module %} do
  import Swoosh.Email
  alias {% base_module %}.Mailer
{% for m in messages %}

  def deliver_{% m %}(%{name: name, email: email}) do
    new()
    |> to({name, email})
    |> from({"Phoenix Team", "team@example.com"})
    |> subject("Welcome to Phoenix, #{name}!")
    |> html_body("<h1>Hello, #{name}</h1>")
    |> text_body("Hello, #{name}\n")
    |> Mailer.deliver()
  end
{% end %}
end
