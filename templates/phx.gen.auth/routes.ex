
  ## Authentication routes

  scope {% auth.router_scope %} do
    pipe_through [:browser, :redirect_if_{% schema.singular %}_is_authenticated]

{% if auth.live %}
    live_session :redirect_if_{% schema.singular %}_is_authenticated,
      on_mount: [{{% auth.module %}, :redirect_if_{% schema.singular %}_is_authenticated}] do
      live "/{% schema.plural %}/register", {% schema.alias %}RegistrationLive, :new
      live "/{% schema.plural %}/log_in", {% schema.alias %}LoginLive, :new
      live "/{% schema.plural %}/reset_password", {% schema.alias %}ForgotPasswordLive, :new
      live "/{% schema.plural %}/reset_password/:token", {% schema.alias %}ResetPasswordLive, :edit
    end

    post "/{% schema.plural %}/log_in", {% schema.alias %}SessionController, :create
{% else %}
    get "/{% schema.plural %}/register", {% schema.alias %}RegistrationController, :new
    post "/{% schema.plural %}/register", {% schema.alias %}RegistrationController, :create
    get "/{% schema.plural %}/log_in", {% schema.alias %}SessionController, :new
    post "/{% schema.plural %}/log_in", {% schema.alias %}SessionController, :create
    get "/{% schema.plural %}/reset_password", {% schema.alias %}ResetPasswordController, :new
    post "/{% schema.plural %}/reset_password", {% schema.alias %}ResetPasswordController, :create
    get "/{% schema.plural %}/reset_password/:token", {% schema.alias %}ResetPasswordController, :edit
    put "/{% schema.plural %}/reset_password/:token", {% schema.alias %}ResetPasswordController, :update
{% end %}
  end

  scope {% auth.router_scope %} do
    pipe_through [:browser, :require_authenticated_{% schema.singular %}]

{% if auth.live %}
    live_session :require_authenticated_{% schema.singular %},
      on_mount: [{{% auth.module %}, :ensure_authenticated}] do
      live "/{% schema.plural %}/settings", {% schema.alias %}SettingsLive, :edit
      live "/{% schema.plural %}/settings/confirm_email/:token", {% schema.alias %}SettingsLive, :confirm_email
    end
{% else %}
    get "/{% schema.plural %}/settings", {% schema.alias %}SettingsController, :edit
    put "/{% schema.plural %}/settings", {% schema.alias %}SettingsController, :update
    get "/{% schema.plural %}/settings/confirm_email/:token", {% schema.alias %}SettingsController, :confirm_email
{% end %}
  end

  scope {% auth.router_scope %} do
    pipe_through [:browser]

    delete "/{% schema.plural %}/log_out", {% schema.alias %}SessionController, :delete
{% if auth.live %}

    live_session :current_{% schema.singular %},
      on_mount: [{{% auth.module %}, :mount_current_{% schema.singular %}}] do
      live "/{% schema.plural %}/confirm/:token", {% schema.alias %}ConfirmationLive, :edit
      live "/{% schema.plural %}/confirm", {% schema.alias %}ConfirmationInstructionsLive, :new
    end
{% else %}
    get "/{% schema.plural %}/confirm", {% schema.alias %}ConfirmationController, :new
    post "/{% schema.plural %}/confirm", {% schema.alias %}ConfirmationController, :create
    get "/{% schema.plural %}/confirm/:token", {% schema.alias %}ConfirmationController, :edit
    post "/{% schema.plural %}/confirm/:token", {% schema.alias %}ConfirmationController, :update
{% end %}
  end
