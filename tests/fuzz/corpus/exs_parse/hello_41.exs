# Fills the database with sample data. Run it with:
#
#     mix run priv/repo/seeds.exs
#
# (`mix ecto.setup` runs it after migrating.) A script may use the
# repositories directly, e.g. Hello.Repo.insert!(%Hello.Blog.Post{}).
# The bang functions raise when something goes wrong, which is what
# a seed script wants.

alias Hello.Repo
alias Hello.Accounts.User
alias Hello.Blog.Post

jose =
  Repo.insert!(%User{email: "jose@example.com", name: "José", age: 38},
    on_conflict: {:replace, [:name, :age]},
    conflict_target: :email,
    returning: true
  )

for {title, body, published} <- [
      {"Hello, Phoenix", "The first post of the example app.", true},
      {"Migrations without mix", "ecto-migrate applies the same DDL as ecto_sql.", true},
      {"A draft", "Not ready yet.", false}
    ] do
  Repo.insert!(%Post{title: title, body: body, published: published, user_id: jose.id})
end
