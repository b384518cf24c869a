x = System.get_env("DATABASE_URL") ||
  raise """
  environment 