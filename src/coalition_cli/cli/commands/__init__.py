"""One module per command; each imports the heavy core modules inside the command function."""
