
  alias {% schema.module %}

  @doc """
  Returns the list of {% schema.plural %}.

  ## Examples

      iex> list_{% schema.plural %}()
      [%{% schema.alias %}{}, ...]

  """
  def list_{% schema.plural %} do
    Repo.all({% schema.alias %})
  end

  @doc """
  Gets a single {% schema.singular %}.

  Raises `Ecto.NoResultsError` if the {% schema.human_singular %} does not exist.

  ## Examples

      iex> get_{% schema.singular %}!(123)
      %{% schema.alias %}{}

      iex> get_{% schema.singular %}!(456)
      ** (Ecto.NoResultsError)

  """
  def get_{% schema.singular %}!(id), do: Repo.get!({% schema.alias %}, id)

  @doc """
  Creates a {% schema.singular %}.

  ## Examples

      iex> create_{% schema.singular %}(%{field: value})
      {:ok, %{% schema.alias %}{}}

      iex> create_{% schema.singular %}(%{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def create_{% schema.singular %}(attrs \\ %{}) do
    %{% schema.alias %}{}
    |> {% schema.alias %}.changeset(attrs)
    |> Repo.insert()
  end

  @doc """
  Updates a {% schema.singular %}.

  ## Examples

      iex> update_{% schema.singular %}({% schema.singular %}, %{field: new_value})
      {:ok, %{% schema.alias %}{}}

      iex> update_{% schema.singular %}({% schema.singular %}, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def update_{% schema.singular %}(%{% schema.alias %}{} = {% schema.singular %}, attrs) do
    {% schema.singular %}
    |> {% schema.alias %}.changeset(attrs)
    |> Repo.update()
  end

  @doc """
  Deletes a {% schema.singular %}.

  ## Examples

      iex> delete_{% schema.singular %}({% schema.singular %})
      {:ok, %{% schema.alias %}{}}

      iex> delete_{% schema.singular %}({% schema.singular %})
      {:error, %Ecto.Changeset{}}

  """
  def delete_{% schema.singular %}(%{% schema.alias %}{} = {% schema.singular %}) do
    Repo.delete({% schema.singular %})
  end

  @doc """
  Returns an `%Ecto.Changeset{}` for tracking {% schema.singular %} changes.

  ## Examples

      iex> change_{% schema.singular %}({% schema.singular %})
      %Ecto.Changeset{data: %{% schema.alias %}{}}

  """
  def change_{% schema.singular %}(%{% schema.alias %}{} = {% schema.singular %}, attrs \\ %{}) do
    {% schema.alias %}.changeset({% schema.singular %}, attrs)
  end
