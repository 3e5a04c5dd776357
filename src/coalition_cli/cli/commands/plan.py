"""`coalition plan`: not yet written."""
