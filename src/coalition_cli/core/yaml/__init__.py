"""YAML text: reading it safely and locating problems, writing user text as YAML, splicing edits."""
