defmodule Hello.Blog do
  @moduledoc """
  The Blog context: posts and their authors.
  """

  import Ecto.Query, warn: false
  alias Hello.Repo

  alias Hello.Blog.Post

  @doc """
  Returns every post, newest first.

  ## Examples

      iex> list_posts()
      [%Post{}, ...]

  """
  def list_posts do
    Post
    |> order_by(desc: :inserted_at, desc: :id)
    |> Repo.all()
  end

  @doc """
  Returns the published posts with their authors, the most viewed first.
  """
  def list_published_posts(limit \\ 20) when is_integer(limit) and limit > 0 do
    from(p in Post,
      where: p.published == true,
      order_by: [desc: p.views, desc: p.inserted_at],
      limit: ^limit,
      preload: [:user]
    )
    |> Repo.all()
  end

  @doc """
  Gets a single post.

  Raises `Ecto.NoResultsError` if the Post does not exist.

  ## Examples

      iex> get_post!(123)
      %Post{}

      iex> get_post!(456)
      ** (Ecto.NoResultsError)

  """
  def get_post!(id), do: Repo.get!(Post, id)

  @doc """
  Creates a post.

  ## Examples

      iex> create_post(%{title: "Hello", body: "First post"})
      {:ok, %Post{}}

      iex> create_post(%{title: nil})
      {:error, %Ecto.Changeset{}}

  """
  def create_post(attrs \\ %{}) do
    %Post{}
    |> Post.changeset(attrs)
    |> Repo.insert()
  end

  @doc """
  Updates a post.

  ## Examples

      iex> update_post(post, %{title: "Hello again"})
      {:ok, %Post{}}

      iex> update_post(post, %{title: nil})
      {:error, %Ecto.Changeset{}}

  """
  def update_post(%Post{} = post, attrs) do
    post
    |> Post.changeset(attrs)
    |> Repo.update()
  end

  @doc """
  Adds one to a post's view count, in the database, without a race.
  """
  def increment_views(%Post{id: id}) do
    {1, [views]} =
      from(p in Post, where: p.id == ^id, select: p.views)
      |> Repo.update_all(inc: [views: 1])

    views
  end

  @doc """
  Deletes a post.

  ## Examples

      iex> delete_post(post)
      {:ok, %Post{}}

      iex> delete_post(post)
      {:error, %Ecto.Changeset{}}

  """
  def delete_post(%Post{} = post) do
    Repo.delete(post)
  end

  @doc """
  Returns an `%Ecto.Changeset{}` for tracking post changes.

  ## Examples

      iex> change_post(post)
      %Ecto.Changeset{data: %Post{}}

  """
  def change_post(%Post{} = post, attrs \\ %{}) do
    Post.changeset(post, attrs)
  end
end
