"""Thin Typer commands: parse arguments, call the core, render with Rich."""
