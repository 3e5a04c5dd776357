"""`coalition summary`: not yet written."""
