"""`coalition init`: not yet written."""
