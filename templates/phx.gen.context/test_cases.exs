
  describe "{% schema.plural %}" do
    alias {% schema.module %}

    import {% context.module %}Fixtures

    @invalid_attrs {% params.invalid_map %}

    test "list_{% schema.plural %}/0 returns all {% schema.plural %}" do
      {% schema.singular %} = {% schema.singular %}_fixture()
      assert {% context.alias %}.list_{% schema.plural %}() == [{% schema.singular %}]
    end

    test "get_{% schema.singular %}!/1 returns the {% schema.singular %} with given id" do
      {% schema.singular %} = {% schema.singular %}_fixture()
      assert {% context.alias %}.get_{% schema.singular %}!({% schema.singular %}.id) == {% schema.singular %}
    end

    test "create_{% schema.singular %}/1 with valid data creates a {% schema.singular %}" do
      valid_attrs = {% params.create_map %}

      assert {:ok, %{% schema.alias %}{} = {% schema.singular %}} = {% context.alias %}.create_{% schema.singular %}(valid_attrs)
{% for f in schema.fields %}
      assert {% schema.singular %}.{% f.name %} == {% f.create_assert %}
{% end %}
    end

    test "create_{% schema.singular %}/1 with invalid data returns error changeset" do
      assert {:error, %Ecto.Changeset{}} = {% context.alias %}.create_{% schema.singular %}(@invalid_attrs)
    end

    test "update_{% schema.singular %}/2 with valid data updates the {% schema.singular %}" do
      {% schema.singular %} = {% schema.singular %}_fixture()
      update_attrs = {% params.update_map %}

      assert {:ok, %{% schema.alias %}{} = {% schema.singular %}} = {% context.alias %}.update_{% schema.singular %}({% schema.singular %}, update_attrs)
{% for f in schema.fields %}
      assert {% schema.singular %}.{% f.name %} == {% f.update_assert %}
{% end %}
    end

    test "update_{% schema.singular %}/2 with invalid data returns error changeset" do
      {% schema.singular %} = {% schema.singular %}_fixture()
      assert {:error, %Ecto.Changeset{}} = {% context.alias %}.update_{% schema.singular %}({% schema.singular %}, @invalid_attrs)
      assert {% schema.singular %} == {% context.alias %}.get_{% schema.singular %}!({% schema.singular %}.id)
    end

    test "delete_{% schema.singular %}/1 deletes the {% schema.singular %}" do
      {% schema.singular %} = {% schema.singular %}_fixture()
      assert {:ok, %{% schema.alias %}{}} = {% context.alias %}.delete_{% schema.singular %}({% schema.singular %})
      assert_raise Ecto.NoResultsError, fn -> {% context.alias %}.get_{% schema.singular %}!({% schema.singular %}.id) end
    end

    test "change_{% schema.singular %}/1 returns a {% schema.singular %} changeset" do
      {% schema.singular %} = {% schema.singular %}_fixture()
      assert %Ecto.Changeset{} = {% context.alias %}.change_{% schema.singular %}({% schema.singular %})
    end
  end
