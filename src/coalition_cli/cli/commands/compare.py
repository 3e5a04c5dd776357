"""`coalition compare`: not yet written."""
