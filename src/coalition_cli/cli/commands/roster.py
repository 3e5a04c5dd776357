"""`coalition roster`: not yet written."""
