"""coalition: assess a community coalition against a published rubric, from the terminal and in CI."""

__version__ = "0.4.0"
