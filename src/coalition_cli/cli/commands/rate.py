"""`coalition rate`: not yet written."""
