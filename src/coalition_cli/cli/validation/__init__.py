"""`coalition validate` once its command line is read, and its fast path for plain command lines."""
