"""Commands as black boxes: CliRunner, real subprocesses, a pseudo-terminal, a browser."""
