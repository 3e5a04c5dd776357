"""The pure core: models, loading, checks, scoring and planning. Nothing here knows about terminals."""
