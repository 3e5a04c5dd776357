"""`coalition schema`: not yet written."""
