"""The pure core, function by function."""
