"""What the commands do once their command line is read, by Typer (`cli/commands/`) or without it
(`cli/plain_lines.py`): one function per command, which imports neither Typer nor what its report
does not need."""
