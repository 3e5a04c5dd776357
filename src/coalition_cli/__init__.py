"""coalition: assess a community coalition against a published rubric, from the terminal and in CI."""

__version__ = "0.5.0"
