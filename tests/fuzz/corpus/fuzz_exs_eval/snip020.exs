"""
  hello
  world
  """