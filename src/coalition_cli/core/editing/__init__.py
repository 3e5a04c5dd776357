"""Changing assessment files: what a change is, new files from the rubric, a file open for editing."""
