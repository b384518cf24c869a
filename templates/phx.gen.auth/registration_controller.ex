defmodule {% context.web_module %}.{% auth.scoped %}RegistrationController do
  use {% context.web_module %}, :controller

  alias {% context.module %}
  alias {% schema.module %}
  alias {% auth.module %}

  def new(conn, _params) do
    changeset = {% context.alias %}.change_{% schema.singular %}_registration(%{% schema.alias %}{})
    render(conn, :new, changeset: changeset)
  end

  def create(conn, %{"{% schema.singular %}" => {% schema.singular %}_params}) do
    case {% context.alias %}.register_{% schema.singular %}({% schema.singular %}_params) do
      {:ok, {% schema.singular %}} ->
        {:ok, _} =
          {% context.alias %}.deliver_{% schema.singular %}_confirmation_instructions(
            {% schema.singular %},
            &url(~p"{% schema.route_prefix %}/confirm/#{&1}")
          )

        conn
        |> put_flash(:info, "{% schema.human_singular %} created successfully.")
        |> {% schema.alias %}Auth.log_in_{% schema.singular %}({% schema.singular %})

      {:error, %Ecto.Changeset{} = changeset} ->
        render(conn, :new, changeset: changeset)
    end
  end
end
