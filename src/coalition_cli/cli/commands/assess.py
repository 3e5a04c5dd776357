"""`coalition assess`: not yet written."""
