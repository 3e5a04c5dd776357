"""`coalition score`: not yet written."""
