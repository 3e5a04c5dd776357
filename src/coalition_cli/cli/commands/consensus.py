"""`coalition consensus`: not yet written."""
