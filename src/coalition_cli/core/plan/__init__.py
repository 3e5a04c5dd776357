"""The action plan: built as plain data, drawn as charts, rendered through Jinja templates."""
