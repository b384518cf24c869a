defmodule {% web.resource %}Controller do
  use {% context.web_module %}, :controller

  alias {% context.module %}
  alias {% schema.module %}

  action_fallback {% context.web_module %}.FallbackController

  def index(conn, _params) do
    {% schema.plural %} = {% context.alias %}.list_{% schema.plural %}()
    render(conn, :index, {% schema.plural %}: {% schema.plural %})
  end

  def create(conn, %{"{% schema.singular %}" => {% schema.singular %}_params}) do
    with {:ok, %{% schema.alias %}{} = {% schema.singular %}} <- {% context.alias %}.create_{% schema.singular %}({% schema.singular %}_params) do
      conn
      |> put_status(:created)
      |> put_resp_header("location", ~p"{% schema.api_route_prefix %}/#{{% schema.singular %}}")
      |> render(:show, {% schema.singular %}: {% schema.singular %})
    end
  end

  def show(conn, %{"id" => id}) do
    {% schema.singular %} = {% context.alias %}.get_{% schema.singular %}!(id)
    render(conn, :show, {% schema.singular %}: {% schema.singular %})
  end

  def update(conn, %{"id" => id, "{% schema.singular %}" => {% schema.singular %}_params}) do
    {% schema.singular %} = {% context.alias %}.get_{% schema.singular %}!(id)

    with {:ok, %{% schema.alias %}{} = {% schema.singular %}} <- {% context.alias %}.update_{% schema.singular %}({% schema.singular %}, {% schema.singular %}_params) do
      render(conn, :show, {% schema.singular %}: {% schema.singular %})
    end
  end

  def delete(conn, %{"id" => id}) do
    {% schema.singular %} = {% context.alias %}.get_{% schema.singular %}!(id)

    with {:ok, %{% schema.alias %}{}} <- {% context.alias %}.delete_{% schema.singular %}({% schema.singular %}) do
      send_resp(conn, :no_content, "")
    end
  end
end
